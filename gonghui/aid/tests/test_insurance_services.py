"""Medical mutual aid services: plans, bulk enrolment, claims, decisions and payments."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.insurance import services as insurance
from gonghui.aid.models import Claim, ClaimPayment, Enrolment, InsurancePlan
from gonghui.aid.tests.url_cases_insurance import add_members, make_claim, make_plan
from gonghui.conftest import make_user
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role
from gonghui.registry.choices import MemberStatus

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def plan_fields(org, **overrides) -> dict:
    fields = {
        "organisation": org,
        "name": "职工住院医疗互助",
        "year": TODAY.year,
        "starts_on": datetime.date(TODAY.year, 1, 1),
        "ends_on": datetime.date(TODAY.year, 12, 31),
        "premium": Decimal("30"),
        "max_claim": Decimal("5000"),
        "insurer": "县职工互助会",
    }
    fields.update(overrides)
    return fields


def audits(obj) -> int:
    return AuditEntry.objects.for_object(obj).count()


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


def test_create_plan_is_audited(county, alice):
    plan = insurance.create_plan(actor=alice, **plan_fields(county.county))
    assert plan.premium == Decimal("30.00") and plan.max_claim == Decimal("5000.00")
    assert audits(plan) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"ends_on": datetime.date(2000, 1, 1)}, "ends_on", "不能早于"),
        ({"premium": Decimal("-1")}, "premium", "每人保费不能为负数"),
        ({"max_claim": Decimal("0")}, "max_claim", "大于 0"),
        ({"name": "  "}, "name", "名称"),
        ({"year": 1999}, "year", "年度"),
    ],
)
def test_bad_plan_is_refused_with_a_clear_message(county, alice, overrides, field, words):
    with pytest.raises(ValidationError) as caught:
        insurance.create_plan(actor=alice, **plan_fields(county.county, **overrides))
    assert words in " ".join(caught.value.message_dict[field])
    assert not InsurancePlan.objects.exists()


def test_plan_only_at_an_organisation_the_actor_edits(county, bob, erin):
    with pytest.raises(ValidationError) as caught:
        insurance.create_plan(actor=bob, **plan_fields(county.town_b))
    assert "管理范围" in caught.value.message_dict["organisation"][0]
    with pytest.raises(ValidationError):  # a reviewer does not edit
        insurance.create_plan(actor=erin, **plan_fields(county.county))
    assert insurance.create_plan(actor=bob, **plan_fields(county.town_a)).pk


def test_update_plan(county, alice, charlie):
    plan = make_plan(county.county)
    insurance.update_plan(actor=alice, plan=plan, max_claim=Decimal("6000"))
    plan.refresh_from_db()
    assert plan.max_claim == Decimal("6000.00") and audits(plan) == 1
    with pytest.raises(PermissionDenied):
        insurance.update_plan(actor=charlie, plan=plan, max_claim=Decimal("1"))


# ---------------------------------------------------------------------------------------------
# Enrolment
# ---------------------------------------------------------------------------------------------


def test_enrol_union_enrols_the_subtree_once(county, bob):
    plan = make_plan(county.county)
    extra = add_members(county.union_a, county.employer_a, 3)
    extra[0].status = MemberStatus.LEFT
    extra[0].save()
    assert insurance.enrol_union(actor=bob, plan=plan, union=county.town_a) == 3
    enrolled = set(Enrolment.objects.filter(plan=plan).values_list("member_id", flat=True))
    assert enrolled == {county.member_a.pk, extra[1].pk, extra[2].pk}
    assert Enrolment.objects.get(plan=plan, member=county.member_a).union == county.union_a
    # Twice: nothing new, no duplicates, nothing more in the log.
    logged = AuditEntry.objects.filter(object_repr__contains=str(plan)).count()
    assert insurance.enrol_union(actor=bob, plan=plan, union=county.union_a) == 0
    assert Enrolment.objects.filter(plan=plan).count() == 3
    assert logged == 3
    assert AuditEntry.objects.filter(object_repr__contains=str(plan)).count() == 3


def test_bulk_enrol_costs_a_bounded_number_of_queries(county, bob, django_assert_max_num_queries):
    plan = make_plan(county.county)
    add_members(county.union_a, county.employer_a, 40)
    with django_assert_max_num_queries(8):
        assert insurance.enrol_union(actor=bob, plan=plan, union=county.union_a) == 41
    assert AuditEntry.objects.filter(object_repr__contains=str(plan)).count() == 41


def test_enrol_union_checks_scope_and_plan_coverage(county, bob, charlie):
    with pytest.raises(PermissionDenied):
        insurance.enrol_union(actor=charlie, plan=make_plan(county.county), union=county.union_a)
    plan = make_plan(county.town_a)
    with pytest.raises(ValidationError) as caught:
        insurance.enrol_union(actor=charlie, plan=plan, union=county.union_b)
    assert "保障范围" in caught.value.message_dict["union"][0]
    assert not Enrolment.objects.exists()


def test_enrol_member(county, bob):
    plan = make_plan(county.county)
    enrolment = insurance.enrol_member(actor=bob, plan=plan, member=county.member_a)
    assert enrolment.union == county.union_a and audits(enrolment) == 1
    with pytest.raises(ValidationError) as caught:
        insurance.enrol_member(actor=bob, plan=plan, member=county.member_a)
    assert "已参加" in caught.value.messages[0]
    with pytest.raises(PermissionDenied):
        insurance.enrol_member(actor=bob, plan=plan, member=county.member_b)


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def plan(county):
    return make_plan(county.county)


@pytest.fixture
def enrolment(plan, county):
    insurance.enrol_member(actor=None, plan=plan, member=county.member_a)
    return Enrolment.objects.get(plan=plan, member=county.member_a)


def claim_fields(plan, **overrides) -> dict:
    fields = {
        "admitted_on": plan.starts_on + datetime.timedelta(days=3),
        "discharged_on": plan.starts_on + datetime.timedelta(days=10),
        "hospital": "县人民医院",
        "expenses": Decimal("8000"),
        "amount_claimed": Decimal("3000"),
    }
    fields.update(overrides)
    return fields


def test_submit_claim(enrolment, plan, dora):
    claim = insurance.submit_claim(actor=dora, enrolment=enrolment, **claim_fields(plan))
    assert claim.status == ClaimStatus.SUBMITTED and claim.union == enrolment.union
    assert claim.submitted_by == dora and audits(claim) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"admitted_on": datetime.date(2000, 1, 1)}, "admitted_on", "保障期内"),
        ({"amount_claimed": Decimal("9000")}, "amount_claimed", "不能超过住院费用 8000.00 元"),
        ({"amount_claimed": Decimal("0")}, "amount_claimed", "大于 0"),
        ({"hospital": ""}, "hospital", "医院"),
        ({"discharged_on": datetime.date(2000, 1, 1)}, "discharged_on", "不能早于入院"),
    ],
)
def test_bad_claim_is_refused(enrolment, plan, dora, overrides, field, words):
    with pytest.raises(ValidationError) as caught:
        insurance.submit_claim(actor=dora, enrolment=enrolment, **claim_fields(plan, **overrides))
    assert words in " ".join(caught.value.message_dict[field])
    assert not Claim.objects.exists()


def test_admission_after_the_cover_ends_is_refused(county, dora):
    plan = make_plan(county.county, ends_on=TODAY - datetime.timedelta(days=5))
    enrolment = insurance.enrol_member(actor=None, plan=plan, member=county.member_a)
    with pytest.raises(ValidationError) as caught:
        insurance.submit_claim(
            actor=dora,
            enrolment=enrolment,
            **claim_fields(plan, admitted_on=TODAY, discharged_on=None),
        )
    assert str(plan.ends_on) in caught.value.message_dict["admitted_on"][0]


def test_claim_only_by_the_members_union(enrolment, plan, charlie, frank):
    for outsider in (charlie, frank):  # out of scope; a reviewer does not enter claims
        with pytest.raises(PermissionDenied):
            insurance.submit_claim(actor=outsider, enrolment=enrolment, **claim_fields(plan))


@pytest.fixture
def claim(enrolment, plan, dora):
    return insurance.submit_claim(actor=dora, enrolment=enrolment, **claim_fields(plan))


def test_submitter_cannot_decide(claim, county, dora):
    # dora's own claim, even were she a county reviewer
    make_user("dora2", Role.REVIEWER, county.county)
    from gonghui.core.models import RoleAssignment

    RoleAssignment.objects.create(user=dora, role=Role.REVIEWER, organisation=county.county)
    with pytest.raises(PermissionDenied) as caught:
        insurance.decide_claim(actor=dora, claim=claim, approve=True)
    assert "自己" in str(caught.value)


def test_only_reviewers_at_the_plans_organisation_decide(claim, frank, lena, charlie):
    for user in (frank, lena, charlie):
        with pytest.raises(PermissionDenied):
            insurance.decide_claim(actor=user, claim=claim, approve=True)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_approve_defaults_to_the_amount_claimed(claim, erin):
    insurance.decide_claim(actor=erin, claim=claim, approve=True)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED and claim.amount_approved == Decimal("3000.00")
    assert claim.decided_by == erin and audits(claim) == 2
    with pytest.raises(ValidationError) as caught:
        insurance.decide_claim(actor=erin, claim=claim, approve=False, reason="x")
    assert "已处理" in caught.value.messages[0]


def test_approved_amount_within_the_claim(claim, erin):
    with pytest.raises(ValidationError) as caught:
        insurance.decide_claim(actor=erin, claim=claim, approve=True, amount=Decimal("3000.01"))
    assert "不能超过申请赔付 3000.00 元" in caught.value.message_dict["amount"][0]


def test_yearly_cap_per_member_names_the_numbers(claim, enrolment, plan, dora, erin):
    insurance.decide_claim(actor=erin, claim=claim, approve=True)  # 3000
    second = insurance.submit_claim(
        actor=dora, enrolment=enrolment, **claim_fields(plan, amount_claimed=Decimal("2500"))
    )
    with pytest.raises(ValidationError) as caught:
        insurance.decide_claim(actor=erin, claim=second, approve=True)
    message = caught.value.message_dict["amount"][0]
    assert "5000.00" in message and "3000.00" in message and "2000.00" in message
    insurance.decide_claim(actor=erin, claim=second, approve=True, amount=Decimal("2000"))
    assert insurance.approved_total(enrolment) == Decimal("5000.00")


def test_refusal_needs_a_reason(claim, erin):
    with pytest.raises(ValidationError) as caught:
        insurance.decide_claim(actor=erin, claim=claim, approve=False, reason=" ")
    assert "原因" in caught.value.message_dict["reason"][0]
    insurance.decide_claim(actor=erin, claim=claim, approve=False, reason="非住院费用")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REFUSED and claim.refusal_reason == "非住院费用"


# ---------------------------------------------------------------------------------------------
# Payments
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def approved(claim, erin):
    return insurance.decide_claim(actor=erin, claim=claim, approve=True, amount=Decimal("2500"))


def test_pay_in_parts_never_more_than_approved(approved, alice):
    insurance.pay_claim(actor=alice, claim=approved, amount=Decimal("2000"))
    with pytest.raises(ValidationError) as caught:
        insurance.pay_claim(actor=alice, claim=approved, amount=Decimal("500.01"))
    message = caught.value.message_dict["amount"][0]
    assert "2500.00" in message and "2000.00" in message and "500.00" in message
    payment = insurance.pay_claim(actor=alice, claim=approved, amount=Decimal("500"))
    assert insurance.paid_total(approved) == Decimal("2500.00") and audits(payment) == 1


def test_same_key_pays_once(approved, alice):
    first = insurance.pay_claim(actor=alice, claim=approved, amount="1000", idempotency_key="k1")
    again = insurance.pay_claim(actor=alice, claim=approved, amount="1000", idempotency_key="k1")
    assert first.pk == again.pk and ClaimPayment.objects.count() == 1


def test_unapproved_claim_is_not_paid(claim, alice):
    with pytest.raises(ValidationError) as caught:
        insurance.pay_claim(actor=alice, claim=claim, amount=Decimal("10"))
    assert "尚未核定" in caught.value.messages[0]


def test_only_the_plans_organisation_pays(approved, bob, erin, alice):
    # bob (town A) edits the member's union but not the county's fund; erin only reviews.
    for user in (bob, erin):
        with pytest.raises(PermissionDenied):
            insurance.pay_claim(actor=user, claim=approved, amount=Decimal("10"))
    with pytest.raises(ValidationError):
        insurance.pay_claim(actor=alice, claim=approved, amount=Decimal("-5"))
    assert not ClaimPayment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_never_overpay(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    alice = make_user("alice", Role.ADMIN, county.county)
    claim = make_claim(
        make_plan(county.county),
        county.member_a,
        alice,
        status=ClaimStatus.APPROVED,
        amount_approved=Decimal("1000.00"),
    )
    barrier = threading.Barrier(8)
    outcomes = []

    def pay(i):
        try:
            barrier.wait()
            insurance.pay_claim(actor=alice, claim=claim, amount=Decimal("300"))
            outcomes.append("paid")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("paid") == 3
    assert insurance.paid_total(claim) == Decimal("900.00")
