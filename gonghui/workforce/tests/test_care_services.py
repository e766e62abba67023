"""Honourees' care: allowance through the ledger once a year, the due lists, the 困难劳模 flag."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gonghui.workforce.care import queries, services
from gonghui.workforce.choices import CareKind, HonoureeStatus
from gonghui.workforce.honours import nominations
from gonghui.workforce.models import Honour
from gonghui.workforce.tests.helpers import make_kind

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def honouree(county):
    kind = make_kind(county)
    h = nominations.honouree_for(county.member_a)
    Honour.objects.create(kind=kind, honouree=h, union=h.union, year=2023,
                          awarded_on=datetime.date(2023, 4, 1), document_number="X")  # fmt: skip
    return h


def test_allowance_once_a_year_within_standard(county, dora, honouree):
    with pytest.raises(ValidationError):
        services.pay_allowance(actor=dora, honouree=honouree, year=2026, amount="1500.00")
    row = services.pay_allowance(actor=dora, honouree=honouree, year=2026, idempotency_key="k1")
    assert str(row.amount) == "1200.00"
    again = services.pay_allowance(actor=dora, honouree=honouree, year=2026, idempotency_key="k1")
    assert again.pk == row.pk
    with pytest.raises(ValidationError):
        services.pay_allowance(actor=dora, honouree=honouree, year=2026)


def test_checkup_due_yearly_retired_every_two_years(county, dora, honouree):
    assert list(queries.checkup_due(today=TODAY)) == [honouree]
    services.record_care(actor=dora, honouree=honouree, kind=CareKind.CHECKUP,
                         on=datetime.date(2025, 3, 1))  # fmt: skip
    assert list(queries.checkup_due(today=TODAY)) == [honouree]  # more than a year ago
    services.set_status(actor=dora, honouree=honouree, status=HonoureeStatus.RETIRED,
                        on=datetime.date(2025, 12, 31))  # fmt: skip
    assert list(queries.checkup_due(today=TODAY)) == []  # retired: every two years
    assert list(queries.sanatorium_due(today=TODAY)) == [honouree]


def test_hardship_flag_is_the_aid_rule(county, dora, honouree):
    assert not queries.is_hardship_honouree(county.member_a)
    services.set_hardship(actor=dora, honouree=honouree, in_hardship=True, note="患重病")
    assert queries.is_hardship_honouree(county.member_a)


def test_town_b_cannot_touch_town_a_file(county, charlie, honouree):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_care(actor=charlie, honouree=honouree, kind=CareKind.VISIT, on=TODAY)
