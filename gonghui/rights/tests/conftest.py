"""Rights fixtures on top of the shared county (gonghui/conftest.py).

lena  — a lawyer of 明理律师事务所 (role lawyer at the county), with her Counsel entry
luke  — another lawyer at the county: must see nothing of lena's cases
dora  — clerk of union_a (甲机械厂工会, under town A)
erin  — reviewer of the county federation
stan  — a station keeper at the county: sees nothing of rights
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.rights.choices import CaseChannel, CaseKind
from gonghui.rights.models import Case, Counsel, LawFirm


@pytest.fixture
def firm(county):
    return LawFirm.objects.create(organisation=county.county, name="明理律师事务所")


def make_counsel(county, user, firm=None, name="") -> Counsel:
    return Counsel.objects.create(
        organisation=county.county, firm=firm, name=name or user.name, user=user
    )


@pytest.fixture
def lena(county, firm):
    user = make_user("lena", Role.LAWYER, county.county, "郑律师")
    make_counsel(county, user, firm)
    return user


@pytest.fixture
def luke(county, firm):
    user = make_user("luke", Role.LAWYER, county.county, "陆律师")
    make_counsel(county, user, firm)
    return user


_numbers = iter(range(1, 10**6))


def make_case(county, **overrides) -> Case:
    """A town-A unpaid-wages case as received (written directly: a fixture, not the feature)."""
    fields = {
        "number": f"T{next(_numbers):06d}",
        "union": county.town_a,
        "kind": CaseKind.WAGES,
        "channel": CaseChannel.CLERK,
        "complainant_name": "王甲骑",
        "employer": county.employer_a,
        "employer_name": county.employer_a.name,
        "facts": "拖欠三个月工资",
        "amount_claimed": Decimal("9000.00"),
        "received_at": timezone.now(),
        "due_on": timezone.localdate() + datetime.timedelta(days=3),
    }
    fields.update(overrides)
    case = Case(**fields)
    case.set_phone(overrides.get("phone", "13900000011"))
    case.save()
    return case


@pytest.fixture
def case_a(county):
    return make_case(county)
