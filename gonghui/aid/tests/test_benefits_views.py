"""Member-day pages: merchants and offers, the counter page, the ledger, and a merchant's
counter account that sees its own merchant's counter and nothing else."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.aid.benefits import services as benefits
from gonghui.aid.models import BenefitOffer, Merchant, Redemption
from gonghui.aid.tests.url_cases_benefits import MERCHANT_NAME, make_merchant, make_offer
from gonghui.aid.tests.url_cases_insurance import PLAN_NAME, make_plan
from gonghui.conftest import PASSWORD
from gonghui.core.models import User
from gonghui.portal.cards import card_token

pytestmark = pytest.mark.django_db


def page(client, user, name, data=None, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs or None), data or {})


def post(client, user, name, data, **kwargs):
    client.force_login(user)
    return client.post(reverse(name, kwargs=kwargs or None), data)


@pytest.fixture
def oscar(db):
    return User.objects.create_user(username="oscar", password=PASSWORD, name="收银员")


@pytest.fixture
def merchant(county, oscar):
    merchant = make_merchant(county.town_a)
    merchant.operators.add(oscar)
    return merchant


@pytest.fixture
def offer(merchant):
    return make_offer(merchant)


# ---------------------------------------------------------------------------------------------
# Merchants and offers
# ---------------------------------------------------------------------------------------------


def merchant_data(org, **overrides) -> dict:
    data = {
        "organisation": org.pk,
        "name": "城关药店",
        "address": "",
        "contact": "",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_add_a_merchant_with_its_counter_account(client, county, bob, oscar):
    response = post(
        client, bob, "aid:merchant_add", merchant_data(county.town_a, operators="oscar")
    )
    merchant = Merchant.objects.get()
    assert response.status_code == 302 and list(merchant.operators.all()) == [oscar]
    body = page(client, bob, "aid:merchant_edit", pk=merchant.pk).content.decode()
    assert "oscar" in body


def test_unknown_operator_saves_nothing(client, county, bob):
    data = merchant_data(county.town_a, operators="nobody")
    response = post(client, bob, "aid:merchant_add", data)
    assert response.status_code == 200 and "没有这些账号：nobody" in response.content.decode()
    assert not Merchant.objects.exists()


def test_offers_on_the_merchant_page(client, county, bob, merchant):
    today = timezone.localdate()
    data = {
        "title": "每月10日九折",
        "day_of_month": "10",
        "valid_from": str(today),
        "valid_to": str(today + datetime.timedelta(days=90)),
        "discount_rate": "0.90",
        "max_discount": "",
        "uses_per_member": "1",
        "is_active": "on",
    }
    response = post(
        client, bob, "aid:offer_add", {**data, "day_of_month": "31"}, merchant_pk=merchant.pk
    )
    assert response.status_code == 200 and "1 至 28" in response.content.decode()
    response = post(client, bob, "aid:offer_add", data, merchant_pk=merchant.pk)
    assert response.status_code == 302 and response["Location"] == merchant.get_absolute_url()
    offer = BenefitOffer.objects.get()
    response = post(client, bob, "aid:offer_edit", {**data, "uses_per_member": "2"}, pk=offer.pk)
    offer.refresh_from_db()
    assert response.status_code == 302 and offer.uses_per_member == 2
    body = page(client, bob, "aid:merchant_detail", pk=merchant.pk).content.decode()
    assert "每月10日九折" in body and "每月10日" in body


def test_offer_pages_need_an_editing_role(client, county, frank, merchant, offer):
    assert page(client, frank, "aid:offer_add", merchant_pk=merchant.pk).status_code == 403
    assert page(client, frank, "aid:offer_edit", pk=offer.pk).status_code == 403


def test_merchant_page_counts_this_months_redemptions(client, county, bob, offer, oscar):
    benefits.redeem(
        actor=oscar, offer=offer, card_token=card_token(county.member_a), amount_spent="100"
    )
    body = page(client, bob, "aid:merchant_detail", pk=offer.merchant_id).content.decode()
    assert 'data-figure="count">1<' in body and 'data-figure="yuan">10.00<' in body


# ---------------------------------------------------------------------------------------------
# The counter
# ---------------------------------------------------------------------------------------------


def test_counter_offers_only_todays_offers_of_the_operators_merchants(
    client, county, merchant, oscar
):
    today = timezone.localdate()
    make_offer(merchant, title="今天可用")
    make_offer(merchant, title="不是今天", day_of_month=today.day % 28 + 1)
    make_offer(merchant, title="已停用", is_active=False)
    make_offer(make_merchant(county.town_a, name="别家商户"), title="别家优惠")
    body = page(client, oscar, "aid:redeem").content.decode()
    assert "今天可用" in body
    for hidden in ("不是今天", "已停用", "别家优惠"):
        assert hidden not in body


def test_scan_and_redeem(client, county, offer, oscar):
    token = card_token(county.member_a)
    data = {
        "offer": offer.pk,
        "card_token": f"http://testserver/m/verify/?t={token}",
        "amount_spent": "100",
        "idempotency_key": "scan-1",
    }
    response = post(client, oscar, "aid:redeem", data)
    body = response.content.decode()
    assert response.status_code == 200 and "核销成功" in body
    assert "张*明" in body and "张甲明" not in body and "10.00" in body
    post(client, oscar, "aid:redeem", data)  # a resent form
    assert Redemption.objects.count() == 1


def test_expired_card_on_the_counter(client, county, offer, oscar, settings):
    settings.GONGHUI_CARD_TOKEN_SECONDS = -1
    data = {
        "offer": offer.pk,
        "card_token": card_token(county.member_a),
        "amount_spent": "100",
        "idempotency_key": "scan-2",
    }
    response = post(client, oscar, "aid:redeem", data)
    assert response.status_code == 200 and "二维码已过期" in response.content.decode()
    assert not Redemption.objects.exists()


def test_counter_is_refused_to_who_has_no_merchant(client, county, lena, stan, oscar):
    for user in (lena, stan, oscar):  # oscar: no merchant yet
        assert page(client, user, "aid:redeem").status_code == 403


def test_a_town_b_clerk_has_no_town_a_offers(client, county, charlie, offer):
    response = page(client, charlie, "aid:redeem")
    assert response.status_code == 200 and 'id="no-offers"' in response.content.decode()
    data = {"offer": offer.pk, "card_token": "x", "amount_spent": "1", "idempotency_key": "k"}
    post(client, charlie, "aid:redeem", data)
    assert not Redemption.objects.exists()


# ---------------------------------------------------------------------------------------------
# The operator sees nothing else; the ledger
# ---------------------------------------------------------------------------------------------


def test_operator_sees_only_their_merchants_counter_and_ledger(client, county, offer, oscar, bob):
    other = make_offer(make_merchant(county.town_a, name="别家商户"), title="别家优惠")
    for o in (offer, other):
        benefits.redeem(
            actor=bob if o is other else oscar,
            offer=o,
            card_token=card_token(county.member_a),
            amount_spent="50",
        )
    body = page(client, oscar, "aid:redemption_list").content.decode()
    assert body.count("data-redemption=") == 1 and "别家商户" not in body
    assert "张*明" in body and "张甲明" not in body
    make_plan(county.town_a)
    for name in ("aid:merchant_list", "aid:plan_list", "aid:claim_list", "aid:enrolment_list"):
        response = page(client, oscar, name)
        body = response.content.decode()
        assert response.status_code in (200, 403)
        assert MERCHANT_NAME not in body and PLAN_NAME not in body and "别家商户" not in body
    assert page(client, oscar, "aid:merchant_detail", pk=offer.merchant_id).status_code == 404
    assert page(client, oscar, "aid:offer_edit", pk=offer.pk).status_code == 404
    assert page(client, oscar, "aid:merchant_add").status_code == 403
    assert page(client, oscar, "aid:index").status_code == 403


@pytest.mark.parametrize("persona", ["lena", "stan"])
def test_lawyer_and_station_keeper_see_nothing(client, county, offer, oscar, persona, request):
    user = request.getfixturevalue(persona)
    benefits.redeem(
        actor=oscar, offer=offer, card_token=card_token(county.member_a), amount_spent="50"
    )
    for name in ("aid:merchant_list", "aid:redemption_list"):
        response = page(client, user, name)
        body = response.content.decode()
        assert response.status_code == 200
        assert MERCHANT_NAME not in body and "data-redemption=" not in body
    assert page(client, user, "aid:merchant_detail", pk=offer.merchant_id).status_code == 404
    assert page(client, user, "aid:merchant_add").status_code == 403


def test_ledger_is_scoped_by_the_members_union(client, county, offer, oscar, alice, bob, charlie):
    benefits.redeem(
        actor=oscar, offer=offer, card_token=card_token(county.member_a), amount_spent="50"
    )
    for user, rows in ((alice, 1), (bob, 1), (charlie, 0)):
        body = page(client, user, "aid:redemption_list").content.decode()
        assert body.count("data-redemption=") == rows
    body = page(client, alice, "aid:redemption_list", {"merchant": offer.merchant_id}).content
    assert body.decode().count("data-redemption=") == 1
    assert Redemption.objects.get().discount == Decimal("5.00")


def test_a_counter_account_lands_on_the_counter_page(client, county):
    """A merchant's operator holds no role: the home page sends them to the counter, while a
    user without role and without a merchant still gets the plain home page."""
    from gonghui.aid.tests.url_cases_benefits import make_merchant
    from gonghui.core.models import User

    operator = User.objects.create_user(username="cashier", password="x-Gonghui-2026")
    make_merchant(county.county).operators.add(operator)
    client.force_login(operator)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("aid:redeem")
    nobody = User.objects.create_user(username="nobody", password="x-Gonghui-2026")
    client.force_login(nobody)
    assert client.get(reverse("home")).status_code == 200
