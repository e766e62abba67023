"""Fixtures of the returns tests: this year's catalogue of the test county, and the heads
(administrators) of town A and of town B who sign their returns."""

import pytest
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.returns import services


@pytest.fixture
def year() -> int:
    return timezone.localdate().year


@pytest.fixture
def catalogue(county, year):
    return services.seed_catalogue(actor=None, county=county.county, year=year)


@pytest.fixture
def head_a(county):
    return make_user("head_a", Role.ADMIN, county.town_a, "城关镇主席")


HAND = {"G18": 2, "G19": 5, "G20": "12.5", "G21": 1, "U02": 3, "U03": 4, "U05": 2}


def filled(ret, actor, **extra):
    values = {code: value for code, value in {**HAND, **extra}.items()}
    codes = set(ret.values.values_list("indicator__code", flat=True))
    return services.enter_values(
        actor=actor, ret=ret, values={c: v for c, v in values.items() if c in codes}
    )
