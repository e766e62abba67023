"""Union-fee refunds to small employers: policies, eligibility, the fee-share cap, the decision
(never by the submitter) and the refund ledger (no overpay, idempotent)."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from gonghui.aid.models import FeeRefund, RefundPayment, RefundPolicy
from gonghui.aid.refunds import services as refunds
from gonghui.conftest import make_user
from gonghui.core.models import AuditEntry, OrgStatus
from gonghui.core.roles import Role
from gonghui.core.validators import credit_code_check_char
from gonghui.registry.choices import Ownership
from gonghui.registry.services import create_employer

TODAY = datetime.date.today()


def credit_code(serial: int) -> str:
    body = f"91420324MA4F1{serial:04d}"
    return body + credit_code_check_char(body)


def small_employer(county, serial=1, *, headcount=20, union="a", **fields):
    territory = county.town_a if union == "a" else county.town_b
    return create_employer(
        actor=None,
        credit_code=credit_code(serial),
        name=fields.pop("name", f"小微企业{serial}号"),
        territory=territory,
        union=None if union is None else (county.union_a if union == "a" else county.union_b),
        ownership=Ownership.NON_PUBLIC,
        headcount=headcount,
        **fields,
    )


def policy_fields(county, **overrides) -> dict:
    fields = {
        "organisation": county.county,
        "year": TODAY.year,
        "max_headcount": 25,
        "refund_share": Decimal("0.60"),
        "opens_on": TODAY - datetime.timedelta(days=10),
        "closes_on": TODAY + datetime.timedelta(days=10),
    }
    fields.update(overrides)
    return fields


def make_policy(county, **overrides) -> RefundPolicy:
    return refunds.create_policy(actor=None, **policy_fields(county, **overrides))


def entries(obj, action: str):
    return AuditEntry.objects.for_object(obj).filter(action=action)


@pytest.fixture
def policy(county):
    return make_policy(county)


@pytest.fixture
def small(county):
    return small_employer(county)


def apply(actor, policy, employer, fees="1000.00", requested="600.00") -> FeeRefund:
    return refunds.apply_refund(
        actor=actor,
        policy=policy,
        employer=employer,
        fees_paid=Decimal(fees),
        amount_requested=Decimal(requested),
    )


# ---------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_create_policy_is_audited(county, alice):
    policy = refunds.create_policy(actor=alice, **policy_fields(county))
    assert policy.refund_share == Decimal("0.60") and policy.max_headcount == 25
    assert entries(policy, "create").get().actor == alice


@pytest.mark.django_db
def test_policy_needs_edit_role_at_its_organisation(county, bob, erin):
    for actor in (bob, erin):  # bob is below the county; erin reviews, does not edit
        with pytest.raises(ValidationError) as caught:
            refunds.create_policy(actor=actor, **policy_fields(county))
        assert "管理范围" in caught.value.message_dict["organisation"][0]
    assert refunds.create_policy(actor=bob, **policy_fields(county, organisation=county.town_a))


@pytest.mark.django_db
@pytest.mark.parametrize("share", ["0", "0.00", "1.01", "-0.5", "0.555", "abc"])
def test_share_must_be_in_zero_to_one(county, alice, share):
    with pytest.raises(ValidationError) as caught:
        refunds.create_policy(actor=alice, **policy_fields(county, refund_share=share))
    assert "返还比例" in caught.value.message_dict["refund_share"][0]
    assert not RefundPolicy.objects.exists()


@pytest.mark.django_db
def test_full_share_allowed_and_dates_ordered(county, alice):
    with pytest.raises(ValidationError) as caught:
        refunds.create_policy(
            actor=alice,
            **policy_fields(county, closes_on=TODAY - datetime.timedelta(days=20), max_headcount=0),
        )
    assert "不能早于开始日期" in caught.value.message_dict["closes_on"][0]
    assert "正整数" in caught.value.message_dict["max_headcount"][0]
    assert refunds.create_policy(actor=alice, **policy_fields(county, refund_share="1"))


@pytest.mark.django_db
def test_one_policy_per_organisation_and_year(county, alice, policy):
    with pytest.raises(ValidationError) as caught:
        refunds.create_policy(actor=alice, **policy_fields(county))
    assert "每个组织每年只能有一项" in caught.value.message_dict["year"][0]
    other = refunds.create_policy(actor=alice, **policy_fields(county, year=TODAY.year + 1))
    with pytest.raises(ValidationError):
        refunds.update_policy(actor=alice, policy=other, year=TODAY.year)
    assert RefundPolicy.objects.count() == 2


@pytest.mark.django_db
def test_update_policy(county, alice, bob, policy):
    refunds.update_policy(actor=alice, policy=policy, max_headcount=50)
    policy.refresh_from_db()
    assert policy.max_headcount == 50
    assert entries(policy, "update").get().changes["max_headcount"] == [25, 50]
    with pytest.raises(PermissionDenied):  # out of scope on an update: core.scoping
        refunds.update_policy(actor=bob, policy=policy, max_headcount=80)


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_apply(county, bob, policy, small):
    refund = apply(bob, policy, small)
    assert refund.union == county.union_a and refund.headcount == 20
    assert refund.status == "pending" and refund.submitted_by == bob
    assert entries(refund, "create").get().actor == bob


@pytest.mark.django_db
def test_headcount_over_the_configurable_max_is_refused(county, bob, policy):
    with pytest.raises(ValidationError) as caught:
        apply(bob, policy, county.employer_a)  # 120 staff
    message = caught.value.message_dict["employer"][0]
    assert "120" in message and "25" in message
    refunds.update_policy(actor=None, policy=policy, max_headcount=120)
    policy.refresh_from_db()
    assert apply(bob, policy, county.employer_a).headcount == 120


@pytest.mark.django_db
def test_window_must_be_open(county, bob, small):
    policy = make_policy(
        county, opens_on=TODAY + datetime.timedelta(days=1), closes_on=TODAY + datetime.timedelta(9)
    )
    with pytest.raises(ValidationError) as caught:
        apply(bob, policy, small)
    assert "不在受理期内" in caught.value.message_dict["policy"][0]
    closed = make_policy(county, year=TODAY.year - 1, opens_on=TODAY - datetime.timedelta(30),
                         closes_on=TODAY - datetime.timedelta(1))  # fmt: skip
    with pytest.raises(ValidationError):
        apply(bob, closed, small)
    assert not FeeRefund.objects.exists()


@pytest.mark.django_db
def test_employer_must_operate_and_be_covered_by_an_active_union(county, bob, policy):
    closed = small_employer(county, 2, operating_status="suspended")
    with pytest.raises(ValidationError) as caught:
        apply(bob, policy, closed)
    assert "不在正常经营状态" in caught.value.message_dict["employer"][0]
    no_union = small_employer(county, 3, union=None)
    with pytest.raises(ValidationError) as caught:
        apply(bob, policy, no_union)
    assert "未建工会" in caught.value.message_dict["employer"][0]
    small = small_employer(county, 4)
    county.union_a.status = OrgStatus.DORMANT
    county.union_a.save()
    with pytest.raises(ValidationError):
        apply(bob, policy, small)
    assert not FeeRefund.objects.exists()


@pytest.mark.django_db
def test_policy_covers_only_its_subtree(county, bob, small):
    town_b_policy = make_policy(county, organisation=county.town_b)
    with pytest.raises(ValidationError) as caught:
        apply(None, town_b_policy, small)
    assert "不适用本政策" in caught.value.message_dict["employer"][0]


@pytest.mark.django_db
def test_applicant_needs_edit_role_at_the_employers_union(county, charlie, frank, policy, small):
    for actor in (charlie, frank):
        with pytest.raises(ValidationError) as caught:
            apply(actor, policy, small)
        assert "管理范围" in caught.value.message_dict["employer"][0]
    assert not FeeRefund.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fees", "requested", "field", "text"),
    [
        ("1000.00", "600.01", "amount_requested", "超过可返还上限 600.00 元"),
        ("333.33", "200.01", "amount_requested", "200.00"),  # 199.998 rounds to 200.00
        ("0", "1.00", "fees_paid", "应大于 0 元"),
        ("1000.00", "0", "amount_requested", "应大于 0 元"),
        ("1000.001", "1.00", "fees_paid", "两位小数"),
        ("x", "1.00", "fees_paid", "应为数字"),
    ],
)
def test_fee_share_cap_and_bad_amounts(county, bob, policy, small, fees, requested, field, text):
    with pytest.raises(ValidationError) as caught:
        refunds.apply_refund(
            actor=bob, policy=policy, employer=small, fees_paid=fees, amount_requested=requested
        )
    assert text in caught.value.message_dict[field][0]
    assert not FeeRefund.objects.exists()


@pytest.mark.django_db
def test_cap_rounds_to_the_fen(county, bob, policy, small):
    assert refunds.refundable(Decimal("333.33"), Decimal("0.60")) == Decimal("200.00")
    assert apply(bob, policy, small, fees="333.33", requested="200.00").amount_requested == (
        Decimal("200.00")
    )


@pytest.mark.django_db
def test_one_live_refund_per_employer_and_policy(county, bob, erin, policy, small):
    refund = apply(bob, policy, small)
    with pytest.raises(ValidationError) as caught:
        apply(bob, policy, small)
    assert "已有待审核或已批准" in caught.value.message_dict["employer"][0]
    refunds.decide_refund(actor=erin, refund=refund, approve=False, reason="材料不全")
    assert apply(bob, policy, small).status == "pending"  # refused: may apply again


# ---------------------------------------------------------------------------------------------
# Decision
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def pending(county, bob, policy, small):
    return apply(bob, policy, small)


@pytest.mark.django_db
def test_submitter_cannot_approve(county, alice, policy, small):
    refund = apply(alice, policy, small)
    assert not refunds.may_decide(alice, refund)
    with pytest.raises(ValidationError) as caught:
        refunds.decide_refund(actor=alice, refund=refund, approve=True)
    assert "提交人不能审核" in caught.value.message_dict["status"][0]
    refund.refresh_from_db()
    assert refund.status == "pending"


@pytest.mark.django_db
def test_reviewer_at_the_policys_organisation_or_above(county, pending, bob, frank, erin):
    for actor in (frank, bob):  # town A is below the county's policy
        with pytest.raises(ValidationError) as caught:
            refunds.decide_refund(actor=actor, refund=pending, approve=True)
        assert "审核人员" in caught.value.message_dict["status"][0] or "提交人" in str(caught.value)
    refund = refunds.decide_refund(actor=erin, refund=pending, approve=True)
    assert refund.status == "approved" and refund.amount_approved == Decimal("600.00")
    assert refund.decided_by == erin
    assert entries(refund, "update").get().changes["status"] == ["待审核", "已批准"]


@pytest.mark.django_db
def test_town_reviewer_decides_the_towns_policy(county, bob, frank, small):
    policy = make_policy(county, organisation=county.town_a)
    refund = apply(bob, policy, small)
    assert refunds.decide_refund(actor=frank, refund=refund, approve=True).status == "approved"


@pytest.mark.django_db
def test_approved_amount_at_most_requested(pending, erin):
    with pytest.raises(ValidationError) as caught:
        refunds.decide_refund(actor=erin, refund=pending, approve=True, amount=Decimal("600.01"))
    assert "不能超过申请金额 600.00 元" in caught.value.message_dict["amount"][0]
    refund = refunds.decide_refund(actor=erin, refund=pending, approve=True, amount="450.00")
    assert refund.amount_approved == Decimal("450.00")
    with pytest.raises(ValidationError) as caught:  # decided once
        refunds.decide_refund(actor=erin, refund=pending, approve=False, reason="x")
    assert "不能再审核" in caught.value.message_dict["status"][0]


@pytest.mark.django_db
def test_refusal_needs_a_reason(pending, erin):
    with pytest.raises(ValidationError) as caught:
        refunds.decide_refund(actor=erin, refund=pending, approve=False, reason="  ")
    assert "请填写原因" in caught.value.message_dict["reason"][0]
    pending.refresh_from_db()
    assert pending.status == "pending"
    refund = refunds.decide_refund(actor=erin, refund=pending, approve=False, reason="经费未缴足")
    assert refund.status == "refused" and refund.refusal_reason == "经费未缴足"
    assert refund.amount_approved is None


# ---------------------------------------------------------------------------------------------
# Payments
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def approved(pending, erin):
    return refunds.decide_refund(actor=erin, refund=pending, approve=True, amount="500.00")


@pytest.mark.django_db
def test_only_approved_refunds_are_paid(pending, alice):
    with pytest.raises(ValidationError) as caught:
        refunds.pay_refund(actor=alice, refund=pending, amount="100.00")
    assert "只有已批准的申请可以返还" in caught.value.message_dict["amount"][0]
    assert not RefundPayment.objects.exists()


@pytest.mark.django_db
def test_pay_in_parts_never_over_the_approved_amount(approved, alice):
    first = refunds.pay_refund(actor=alice, refund=approved, amount="300.00")
    assert first.amount == Decimal("300.00") and first.paid_on == TODAY
    assert entries(first, "create").get().actor == alice
    with pytest.raises(ValidationError) as caught:
        refunds.pay_refund(actor=alice, refund=approved, amount="200.01")
    message = caught.value.message_dict["amount"][0]
    assert "已批准 500.00 元" in message and "已返还 300.00 元" in message
    assert "最多还可返还 200.00 元" in message
    refunds.pay_refund(actor=alice, refund=approved, amount="200.00")
    assert refunds.paid_total(approved) == Decimal("500.00")
    assert RefundPayment.objects.count() == 2


@pytest.mark.django_db
def test_pay_refuses_bad_input(approved, alice, bob):
    for amount, text in [("0", "应大于 0 元"), ("-5", "应大于 0 元"), ("1.234", "两位小数")]:
        with pytest.raises(ValidationError) as caught:
            refunds.pay_refund(actor=alice, refund=approved, amount=amount)
        assert text in caught.value.message_dict["amount"][0]
    with pytest.raises(ValidationError) as caught:
        refunds.pay_refund(
            actor=alice, refund=approved, amount="1.00", paid_on=TODAY + datetime.timedelta(1)
        )
    assert "不能晚于今天" in caught.value.message_dict["paid_on"][0]
    with pytest.raises(ValidationError) as caught:  # the county pays its policy, not a town
        refunds.pay_refund(actor=bob, refund=approved, amount="1.00")
    assert "经办人员" in caught.value.message_dict["amount"][0]
    assert not RefundPayment.objects.exists()


@pytest.mark.django_db
def test_same_key_pays_once(approved, alice):
    first = refunds.pay_refund(actor=alice, refund=approved, amount="100.00", idempotency_key="k1")
    again = refunds.pay_refund(actor=alice, refund=approved, amount="100.00", idempotency_key="k1")
    assert again.pk == first.pk and RefundPayment.objects.count() == 1
    assert entries(first, "create").count() == 1
    with pytest.raises(ValidationError) as caught:  # the same key for another amount
        refunds.pay_refund(actor=alice, refund=approved, amount="50.00", idempotency_key="k1")
    assert "幂等键" in caught.value.message_dict["idempotency_key"][0]
    assert RefundPayment.objects.count() == 1


@pytest.mark.django_db
def test_refund_totals_on_a_hand_built_list(county, alice, erin, policy):
    a, b, c = (small_employer(county, i) for i in (1, 2, 3))
    ra = apply(alice, policy, a, requested="600.00")
    rb = apply(alice, policy, b, requested="300.00")
    apply(alice, policy, c, requested="100.00")  # pending: counts as an application only
    refunds.decide_refund(actor=erin, refund=ra, approve=True, amount="550.50")
    refunds.decide_refund(actor=erin, refund=rb, approve=False, reason="x")
    refunds.pay_refund(actor=alice, refund=ra, amount="200.25")
    refunds.pay_refund(actor=alice, refund=ra, amount="100.00")
    result = refunds.refund_totals(FeeRefund.objects.all())
    assert result == {
        "applications": 3,
        "firms_approved": 1,
        "yuan_approved": Decimal("550.50"),
        "yuan_paid": Decimal("300.25"),
    }
    by_policy = refunds.totals_by_policy(FeeRefund.objects.all(), [policy.pk])
    assert by_policy[policy.pk] == result
    town_b = refunds.refund_totals(FeeRefund.objects.filter(union=county.union_b))
    assert town_b["applications"] == 0 and town_b["yuan_paid"] == Decimal("0.00")


# ---------------------------------------------------------------------------------------------
# At once (PostgreSQL: row locks)
# ---------------------------------------------------------------------------------------------


def pay_at_once(refund, payers, amount, key=None) -> list[str]:
    barrier = threading.Barrier(len(payers))
    outcomes = []

    def pay(user):
        try:
            barrier.wait()
            refunds.pay_refund(actor=user, refund=refund, amount=amount, idempotency_key=key)
            outcomes.append("paid")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(u,)) for u in payers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


def approved_at_once_fixture(county):
    policy = make_policy(county)
    clerk = make_user("clerk", Role.CLERK, county.union_a)
    refund = apply(clerk, policy, small_employer(county), fees="1000.00", requested="500.00")
    reviewer = make_user("rev", Role.REVIEWER, county.county)
    return refunds.decide_refund(actor=reviewer, refund=refund, approve=True)


@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_never_overpay(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    refund = approved_at_once_fixture(county)
    payers = [make_user(f"payer{i}", Role.CLERK, county.county) for i in range(8)]
    outcomes = pay_at_once(refund, payers, "100.00")
    assert outcomes.count("paid") == 5 and outcomes.count("refused") == 3
    assert refunds.paid_total(refund) == Decimal("500.00")


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_pay_once(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    refund = approved_at_once_fixture(county)
    payer = make_user("payer", Role.CLERK, county.county)
    outcomes = pay_at_once(refund, [payer] * 4, "100.00", key="retry-1")
    assert outcomes == ["paid"] * 4
    assert RefundPayment.objects.filter(refund=refund).count() == 1
    assert refunds.paid_total(refund) == Decimal("100.00")
