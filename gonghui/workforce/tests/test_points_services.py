"""Points: rules, claims with evidence, the ledger (once per source, caps, reversal, expiry,
never below zero), redemptions and their handing out."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.core.models import AuditEntry
from gonghui.workforce.models import PointsEntry
from gonghui.workforce.models.points import ClaimStatus, EntryKind, PointsItem, RedemptionStatus
from gonghui.workforce.points import ledger, services
from gonghui.workforce.tests.points_helpers import make_reward, make_rule, photo

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)


def claim(county, rule, **kw):
    return services.submit_claim(
        member=county.member_a, rule=rule, description="车间地面油污",
        occurred_on=kw.pop("on", DAY), uploads=[photo()], **kw,
    )  # fmt: skip


def test_rule_is_an_enterprise_unions(county, bob, charlie):
    with pytest.raises(ValidationError) as exc:
        services.create_rule(actor=bob, union=county.town_a, item=PointsItem.OTHER, name="x",
                             points=1)  # fmt: skip
    assert "union" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.create_rule(actor=charlie, union=county.union_a, item=PointsItem.OTHER,
                             name="x", points=1)  # fmt: skip
    rule = services.create_rule(actor=bob, union=county.union_a, item=PointsItem.OTHER,
                                name="x", points=1, daily_cap="")  # fmt: skip
    assert rule.daily_cap is None
    assert AuditEntry.objects.filter(object_id=str(rule.pk)).exists()


def test_claim_needs_the_evidence_the_rule_asks(county):
    rule = make_rule(county)
    with pytest.raises(ValidationError) as exc:
        services.submit_claim(member=county.member_a, rule=rule, description="x", occurred_on=DAY)
    assert "upload" in exc.value.message_dict
    c = claim(county, rule)
    assert c.status == ClaimStatus.PENDING and c.evidence.count() == 1


def test_clerk_approves_and_points_are_awarded_once(county, bob, dora):
    rule = make_rule(county)
    c = claim(county, rule)
    services.approve_claim(actor=bob, claim=c)
    c.refresh_from_db()
    assert c.status == ClaimStatus.APPROVED and c.entry.points == 10
    assert ledger.balance(c.account) == 10
    with pytest.raises(ValidationError):
        services.approve_claim(actor=dora, claim=c)
    with pytest.raises(ValidationError) as exc:
        ledger.award_for_source(rule_item=rule, member=county.member_a, source=c, actor=bob)
    assert "source" in exc.value.message_dict
    assert PointsEntry.objects.count() == 1


def test_award_for_source_by_item_code(county, bob):
    make_rule(county, item=PointsItem.COMPETITION, name="劳动竞赛获奖", points=50,
              daily_cap=None, monthly_cap=None)  # fmt: skip
    e = ledger.award_for_source(rule_item=PointsItem.COMPETITION, member=county.member_a,
                                source="competitions.result:7", actor=bob)  # fmt: skip
    assert e.points == 50 and e.source_key == "competitions.result:7"
    with pytest.raises(ValidationError):
        ledger.award_for_source(rule_item=PointsItem.COMPETITION, member=county.member_a,
                                source="competitions.result:7", actor=bob)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        ledger.award_for_source(rule_item=PointsItem.CULTURE_SPORTS, member=county.member_a,
                                source="x:1", actor=bob)  # fmt: skip
    assert "rule_item" in exc.value.message_dict


def test_clerk_who_entered_cannot_approve(county, bob, dora):
    rule = make_rule(county)
    c = claim(county, rule, actor=dora)
    with pytest.raises(PermissionDenied):
        services.approve_claim(actor=dora, claim=c)
    services.approve_claim(actor=bob, claim=c)


def test_town_b_cannot_approve(county, charlie):
    c = claim(county, make_rule(county))
    with pytest.raises(PermissionDenied):
        services.approve_claim(actor=charlie, claim=c)


def test_daily_and_monthly_caps(county, bob):
    rule = make_rule(county, daily_cap=20, monthly_cap=30)
    for _ in range(2):
        services.approve_claim(actor=bob, claim=claim(county, rule))
    with pytest.raises(ValidationError) as exc:
        services.approve_claim(actor=bob, claim=claim(county, rule))
    assert "每日上限" in str(exc.value)
    services.approve_claim(actor=bob, claim=claim(county, rule, on=DAY + datetime.timedelta(1)))
    with pytest.raises(ValidationError) as exc:
        services.approve_claim(actor=bob, claim=claim(county, rule, on=DAY + datetime.timedelta(2)))
    assert "每月上限" in str(exc.value)


def test_refusal_needs_a_reason(county, bob):
    c = claim(county, make_rule(county))
    with pytest.raises(ValidationError):
        services.refuse_claim(actor=bob, claim=c, reason="")
    services.refuse_claim(actor=bob, claim=c, reason="照片看不清")
    c.refresh_from_db()
    assert c.status == ClaimStatus.REFUSED and ledger.balance(c.account) == 0


def _award(county, bob, points):
    rule = make_rule(county, item=PointsItem.OTHER, name=f"奖励{points}", points=points,
                     evidence="none", daily_cap=None, monthly_cap=None)  # fmt: skip
    return ledger.award_for_source(rule_item=rule, member=county.member_a, source=f"t:{points}",
                                   actor=bob)  # fmt: skip


def test_redeem_hand_out_and_never_below_zero(county, bob):
    reward = make_reward(county, points=30, stock=1)
    with pytest.raises(ValidationError) as exc:
        services.redeem(member=county.member_a, reward=reward)
    assert "余额不足" in str(exc.value)
    _award(county, bob, 40)
    r = services.redeem(member=county.member_a, reward=reward)
    reward.refresh_from_db()
    assert reward.stock == 0 and ledger.balance(r.account) == 10
    with pytest.raises(ValidationError):
        services.redeem(member=county.member_a, reward=reward)  # sold out
    with pytest.raises(ValidationError):
        services.hand_out(actor=bob, redemption=r, signed_by="")
    services.hand_out(actor=bob, redemption=r, signed_by="张甲明")
    r.refresh_from_db()
    assert r.status == RedemptionStatus.HANDED_OUT and r.handed_by == bob and r.handed_at


def test_cancel_returns_stock_and_points(county, bob):
    reward = make_reward(county, points=30, stock=1)
    _award(county, bob, 30)
    r = services.redeem(member=county.member_a, reward=reward)
    services.cancel_redemption(actor=bob, redemption=r, reason="职工放弃")
    reward.refresh_from_db()
    assert reward.stock == 1 and ledger.balance(r.account) == 30


def test_reversal_once_and_not_below_zero(county, bob):
    entry = _award(county, bob, 30)
    reward = make_reward(county, points=30, stock=2)
    r = services.redeem(member=county.member_a, reward=reward)
    with pytest.raises(ValidationError):
        ledger.reverse_entry(actor=bob, entry=entry, reason="误发")  # already spent
    services.cancel_redemption(actor=bob, redemption=r, reason="退回")
    ledger.reverse_entry(actor=bob, entry=entry, reason="误发")
    with pytest.raises(ValidationError):
        ledger.reverse_entry(actor=bob, entry=entry, reason="误发")
    assert ledger.balance(entry.account) == 0


def test_expiry_by_rule(county, bob):
    rule = make_rule(county, item=PointsItem.OTHER, name="短期", points=10, evidence="none",
                     daily_cap=None, monthly_cap=None, valid_months=12)  # fmt: skip
    e = ledger.award_for_source(rule_item=rule, member=county.member_a, source="t:1", actor=bob,
                                on=datetime.date(2025, 1, 10))  # fmt: skip
    assert ledger.expire_due(today=datetime.date(2026, 1, 9)) == 0
    assert ledger.expire_due(today=datetime.date(2026, 1, 10)) == 1
    assert ledger.expire_due(today=datetime.date(2026, 2, 1)) == 0
    assert ledger.balance(e.account) == 0
    assert PointsEntry.objects.filter(kind=EntryKind.EXPIRY).count() == 1
