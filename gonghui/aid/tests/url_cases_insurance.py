"""The insurance pages in the permission matrix (gonghui/tests/test_url_scoping.py), and the
town-A objects they open (also used by the insurance tests)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.models import Claim, Enrolment, InsurancePlan

PLAN_NAME = "城关互助保障"


def make_plan(organisation, **overrides) -> InsurancePlan:
    """A plan covering this year to date (written directly: a fixture, not the feature)."""
    today = timezone.localdate()
    fields = {
        "organisation": organisation,
        "name": PLAN_NAME,
        "year": today.year,
        "starts_on": today - datetime.timedelta(days=100),
        "ends_on": today + datetime.timedelta(days=200),
        "premium": Decimal("30.00"),
        "max_claim": Decimal("5000.00"),
    }
    fields.update(overrides)
    return InsurancePlan.objects.create(**fields)


def make_claim(plan, member, submitter, **overrides) -> Claim:
    enrolment, _ = Enrolment.objects.get_or_create(
        plan=plan, member=member, defaults={"union": member.union}
    )
    fields = {
        "enrolment": enrolment,
        "union": member.union,
        "admitted_on": plan.starts_on + datetime.timedelta(days=1),
        "hospital": "县人民医院",
        "expenses": Decimal("8000.00"),
        "amount_claimed": Decimal("3000.00"),
        "submitted_by": submitter,
    }
    fields.update(overrides)
    return Claim.objects.create(**fields)


def town_a_plan(county, bob) -> dict:
    return {"pk": make_plan(county.town_a).pk}


def town_a_claim(county, bob) -> dict:
    return {"pk": make_claim(make_plan(county.town_a), county.member_a, bob).pk}


def town_a_approved_claim(county, bob) -> dict:
    claim = make_claim(
        make_plan(county.town_a),
        county.member_a,
        bob,
        status=ClaimStatus.APPROVED,
        amount_approved=Decimal("3000.00"),
    )
    return {"pk": claim.pk}


LIST_URLS = {
    "aid:plan_list": 200,
    "aid:plan_add": 200,
    "aid:enrolment_list": 200,
    "aid:claim_list": 200,
    "aid:claim_add": 200,
}

OBJECT_URLS = {
    "aid:plan_detail": ("GET", town_a_plan),
    "aid:plan_edit": ("GET", town_a_plan),
    "aid:plan_enrol": ("POST", town_a_plan),
    "aid:claim_detail": ("GET", town_a_claim),
    "aid:claim_decide": ("POST", town_a_claim),
    "aid:claim_pay": ("POST", town_a_approved_claim),
}

POST_DATA = {
    "aid:plan_enrol": lambda c: {"union": c.union_a.pk},
    "aid:claim_decide": lambda c: {"decision": "approve"},
    "aid:claim_pay": lambda c: {"amount": "100.00", "idempotency_key": "matrix-pay"},
}

TOWN_A_SECRETS = [PLAN_NAME]


def add_members(union, employer, n: int, *, seed: int = 7) -> list:
    """`n` more active members of `union` (valid, distinct ID numbers)."""
    import random

    from gonghui.core.validators import make_resident_id
    from gonghui.registry.services import create_member

    rng = random.Random(seed)
    members, seen = [], set()
    while len(members) < n:
        number = make_resident_id(rng)
        if number in seen:
            continue
        seen.add(number)
        members.append(
            create_member(
                actor=None,
                name=f"测试{len(members):03d}",
                id_number=number,
                union=union,
                employer=employer,
                joined_on=datetime.date(2024, 1, 1),
            )
        )
    return members
