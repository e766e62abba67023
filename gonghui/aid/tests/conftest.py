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
