"""Aid fixtures on top of the shared county (gonghui/conftest.py).

dora  — clerk of union_a (甲机械厂工会, the grassroots union under town A): enters and submits
erin  — reviewer of the county federation: reviews what the towns and unions send up
frank — reviewer of town A: the first level above union_a
lena  — a lawyer at the county; stan — a station keeper at the county: both see nothing of aid
"""

import datetime
from decimal import Decimal

import pytest

from gonghui.aid.models import Programme, ProgrammeKind
from gonghui.conftest import make_user
from gonghui.core.roles import Role


@pytest.fixture
def dora(county):
    return make_user("dora", Role.CLERK, county.union_a, "孙朵拉")


@pytest.fixture
def erin(county):
    return make_user("erin", Role.REVIEWER, county.county, "周艾琳")


@pytest.fixture
def frank(county):
    return make_user("frank", Role.REVIEWER, county.town_a, "吴弗兰")


@pytest.fixture
def lena(county):
    return make_user("lena", Role.LAWYER, county.county, "郑律师")


@pytest.fixture
def stan(county):
    return make_user("stan", Role.STATION_KEEPER, county.county, "冯站长")


def make_programme(county, **overrides) -> Programme:
    """A county programme open today (written directly: fixtures, not the feature under test)."""
    today = datetime.date.today()
    fields = {
        "organisation": county.county,
        "kind": ProgrammeKind.objects.get(code="autumn_study"),
        "name": "金秋助学",
        "year": today.year,
        "budget": Decimal("10000.00"),
        "cap": Decimal("2000.00"),
        "opens_on": today - datetime.timedelta(days=30),
        "closes_on": today + datetime.timedelta(days=30),
        "review_levels": 1,
        "notice_days": 5,
    }
    fields.update(overrides)
    return Programme.objects.create(**fields)


@pytest.fixture
def programme(county):
    return make_programme(county)
