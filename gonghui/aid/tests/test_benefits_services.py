"""Member-day services: merchants, operators, offers and redemption by member card."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from gonghui.aid.benefits import services as benefits
from gonghui.aid.models import BenefitOffer, Merchant, Redemption
from gonghui.aid.tests.url_cases_benefits import make_merchant, make_offer
from gonghui.conftest import PASSWORD
from gonghui.core.models import AuditEntry, User
from gonghui.portal.cards import card_token
from gonghui.registry.choices import MemberStatus

pytestmark = pytest.mark.django_db


def audits(obj) -> int:
    return AuditEntry.objects.for_object(obj).count()


@pytest.fixture
def oscar(db):
    """A merchant's counter account: no role anywhere."""
    return User.objects.create_user(username="oscar", password=PASSWORD, name="收银员")


@pytest.fixture
def merchant(county, oscar):
    merchant = make_merchant(county.town_a)
    merchant.operators.add(oscar)
    return merchant


@pytest.fixture
def offer(merchant):
    return make_offer(merchant)


@pytest.fixture
def token(county):
    return card_token(county.member_a)


# ---------------------------------------------------------------------------------------------
# Merchants and operators
# ---------------------------------------------------------------------------------------------


def test_create_and_update_merchant(county, bob):
    merchant = benefits.create_merchant(actor=bob, organisation=county.town_a, name=" 城关超市 ")
    assert merchant.name == "城关超市" and audits(merchant) == 1
    benefits.update_merchant(actor=bob, merchant=merchant, contact="王经理 13800000000")
    assert audits(merchant) == 2


def test_bad_merchant_is_refused(county, bob, charlie):
    with pytest.raises(ValidationError) as caught:
        benefits.create_merchant(actor=bob, organisation=county.town_b, name="")
    assert set(caught.value.message_dict) == {"organisation", "name"}
    merchant = make_merchant(county.town_a)
    with pytest.raises(PermissionDenied):
        benefits.update_merchant(actor=charlie, merchant=merchant, name="改名")
    assert not Merchant.objects.exclude(pk=merchant.pk).exists()


def test_set_operators_is_audited(county, bob, oscar):
    merchant = make_merchant(county.town_a)
    benefits.set_operators(actor=bob, merchant=merchant, users=[oscar])
    assert list(merchant.operators.all()) == [oscar]
    entry = AuditEntry.objects.for_object(merchant).first()
    assert entry.changes == {benefits.OPERATORS: [None, "oscar"]}


def test_operators_by_username_name_the_unknown(oscar):
    assert benefits.users_by_username("oscar， oscar") == [oscar]
    with pytest.raises(ValidationError) as caught:
        benefits.users_by_username("oscar, nobody")
    assert "nobody" in caught.value.message_dict["operators"][0]


def test_operators_are_not_union_staff(county, bob, charlie, oscar):
    merchant = make_merchant(county.town_a)
    with pytest.raises(ValidationError) as caught:
        benefits.set_operators(actor=bob, merchant=merchant, users=[oscar, charlie])
    assert "charlie" in caught.value.message_dict["operators"][0]
    oscar.is_active = False
    oscar.save()
    with pytest.raises(ValidationError) as caught:
        benefits.set_operators(actor=bob, merchant=merchant, users=[oscar])
    assert "停用" in caught.value.message_dict["operators"][0]
    assert not merchant.operators.exists()


def test_only_the_merchants_organisation_sets_operators(merchant, charlie, oscar):
    with pytest.raises(PermissionDenied):
        benefits.set_operators(actor=charlie, merchant=merchant, users=[])
    assert list(merchant.operators.all()) == [oscar]


# ---------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------


def offer_fields(**overrides) -> dict:
    today = timezone.localdate()
    fields = {
        "title": "每月10日九折",
        "day_of_month": 10,
        "valid_from": today,
        "valid_to": today + datetime.timedelta(days=365),
        "discount_rate": Decimal("0.90"),
        "max_discount": Decimal("20"),
    }
    fields.update(overrides)
    return fields


def test_create_and_update_offer(merchant, bob):
    offer = benefits.create_offer(actor=bob, merchant=merchant, **offer_fields())
    assert offer.max_discount == Decimal("20.00") and audits(offer) == 1
    benefits.update_offer(actor=bob, offer=offer, day_of_month=None, discount_rate=None)
    offer.refresh_from_db()
    assert offer.day_of_month is None and offer.discount_rate is None and audits(offer) == 2


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"day_of_month": 29}, "day_of_month", "1 至 28"),
        ({"day_of_month": 0}, "day_of_month", "1 至 28"),
        ({"valid_to": datetime.date(2000, 1, 1)}, "valid_to", "不能早于"),
        ({"discount_rate": Decimal("1")}, "discount_rate", "小于 1"),
        ({"discount_rate": Decimal("0")}, "discount_rate", "大于 0"),
        ({"max_discount": Decimal("0")}, "max_discount", "大于 0"),
        ({"discount_rate": None, "max_discount": None}, "discount_rate", "至少一项"),
        ({"title": ""}, "title", "优惠内容"),
        ({"uses_per_member": 0}, "uses_per_member", "至少为 1"),
    ],
)
def test_bad_offer_is_refused(merchant, bob, overrides, field, words):
    with pytest.raises(ValidationError) as caught:
        benefits.create_offer(actor=bob, merchant=merchant, **offer_fields(**overrides))
    assert words in " ".join(caught.value.message_dict[field])
    assert not BenefitOffer.objects.exists()


def test_offer_only_by_the_merchants_organisation(merchant, charlie, frank):
    for user in (charlie, frank):
        with pytest.raises(PermissionDenied):
            benefits.create_offer(actor=user, merchant=merchant, **offer_fields())


# ---------------------------------------------------------------------------------------------
# Redemption
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "cap", "spent", "discount"),
    [
        ("0.90", "20", "100", "10.00"),  # 10% off
        ("0.90", "20", "300", "20.00"),  # capped
        ("0.85", None, "33.33", "5.00"),  # 4.9995 rounds half up to the fen
        ("0.88", None, "0.05", "0.01"),  # 0.006 → 0.01
        (None, "15", "100", "15.00"),  # a flat discount
        (None, "15", "10", "10.00"),  # never more than was spent
    ],
)
def test_discount_math(merchant, rate, cap, spent, discount):
    offer = make_offer(
        merchant,
        discount_rate=Decimal(rate) if rate else None,
        max_discount=Decimal(cap) if cap else None,
    )
    assert benefits.discount_for(offer, Decimal(spent)) == Decimal(discount)


def test_redeem_by_an_operator(offer, oscar, token, county):
    redemption = benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
    assert redemption.discount == Decimal("10.00") and redemption.amount_spent == Decimal("100")
    assert redemption.member == county.member_a and redemption.union == county.union_a
    assert redemption.recorded_by == oscar and audits(redemption) == 1


def test_the_scanned_url_or_the_bare_token(offer, oscar, token):
    offer.uses_per_member = 3
    offer.save()
    for scanned in (token, f"/m/verify/?t={token}", f"https://gh.example.cn/m/verify/?t={token}"):
        benefits.redeem(actor=oscar, offer=offer, card_token=scanned, amount_spent="10")
    assert Redemption.objects.count() == 3
    assert benefits.token_from_scan("https://x/m/verify/") == ""


def test_expired_card_is_refused(offer, oscar, token, settings):
    settings.GONGHUI_CARD_TOKEN_SECONDS = -1
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
    assert "过期" in caught.value.message_dict["card_token"][0]
    assert not Redemption.objects.exists()


def test_forged_card_is_refused(offer, oscar, token):
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(actor=oscar, offer=offer, card_token=token + "x", amount_spent="100")
    assert "无效" in caught.value.message_dict["card_token"][0]


def test_member_must_be_active(offer, oscar, token, county):
    county.member_a.status = MemberStatus.LEFT
    county.member_a.save()
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
    assert "不在会" in caught.value.message_dict["card_token"][0]


def test_member_outside_the_merchants_unions(offer, oscar, county):
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(
            actor=oscar, offer=offer, card_token=card_token(county.member_b), amount_spent="100"
        )
    assert "服务范围" in caught.value.message_dict["card_token"][0]


def test_offer_day_rule(merchant, oscar, token, monkeypatch):
    window = {"valid_from": datetime.date(2030, 1, 1), "valid_to": datetime.date(2030, 12, 31)}
    offer = make_offer(merchant, day_of_month=10, **window)
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2030, 3, 11))
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
    assert "今天不可用" in caught.value.message_dict["offer"][0]
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2030, 3, 10))
    redemption = benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
    assert redemption.redeemed_on == datetime.date(2030, 3, 10)


@pytest.mark.parametrize(
    "changes",
    [
        {"is_active": False},
        {"valid_to": datetime.date(2000, 1, 2), "valid_from": datetime.date(2000, 1, 1)},
    ],
)
def test_closed_offer_is_refused(offer, oscar, token, changes):
    BenefitOffer.objects.filter(pk=offer.pk).update(**changes)
    with pytest.raises(ValidationError):
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")


def test_uses_per_member_per_day(offer, oscar, token):
    offer.uses_per_member = 2
    offer.save()
    for _ in range(2):
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="50")
    with pytest.raises(ValidationError) as caught:
        benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="50")
    assert "已使用本优惠 2 次" in caught.value.message_dict["card_token"][0]
    assert Redemption.objects.count() == 2


def test_same_key_redeems_once(offer, oscar, token):
    first = benefits.redeem(
        actor=oscar, offer=offer, card_token=token, amount_spent="100", idempotency_key="scan-1"
    )
    again = benefits.redeem(
        actor=oscar, offer=offer, card_token=token, amount_spent="100", idempotency_key="scan-1"
    )
    assert first.pk == again.pk and Redemption.objects.count() == 1


def test_bad_amount_is_refused(offer, oscar, token):
    for amount in ("0", "-5", "abc", None):
        with pytest.raises(ValidationError) as caught:
            benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent=amount)
        assert "消费金额" in caught.value.message_dict["amount_spent"][0]


def test_who_may_work_the_counter(offer, token, bob, charlie, alice, lena, dora):
    stranger = User.objects.create_user(username="walkin", password=PASSWORD)
    for user in (stranger, charlie, lena):
        with pytest.raises(PermissionDenied):
            benefits.redeem(actor=user, offer=offer, card_token=token, amount_spent="10")
    # dora edits union_a, below the merchant's town: the merchant is not hers.
    with pytest.raises(PermissionDenied):
        benefits.redeem(actor=dora, offer=offer, card_token=token, amount_spent="10")
    assert benefits.redeem(actor=bob, offer=offer, card_token=token, amount_spent="10").pk
    assert Redemption.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_scans_respect_uses_per_day(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    oscar = User.objects.create_user(username="oscar", password=PASSWORD)
    merchant = make_merchant(county.town_a)
    merchant.operators.add(oscar)
    offer = make_offer(merchant, uses_per_member=2)
    token = card_token(county.member_a)
    barrier = threading.Barrier(6)
    outcomes = []

    def scan(i):
        try:
            barrier.wait()
            benefits.redeem(actor=oscar, offer=offer, card_token=token, amount_spent="100")
            outcomes.append("redeemed")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("redeemed") == 2
    assert Redemption.objects.filter(offer=offer).count() == 2
