"""The service area's figures on a hand-built county, worked out by hand (definitions:
gonghui/rights/figures.py).

Period 2025. Town A's point: visits 3 (2025-01-01, first day) and 4 (2025-12-31, last day),
a consultation of 5, a visit of 9 on 2024-12-31 (before). Town B's point: a visit of 2.
Outreach of town A: a lecture on 2025-01-01 (no handbooks), a handbook drive on 2025-12-31
(1,500 copies), a campaign on 2026-01-01 (after, 300 copies); of the county: a school visit on
2025-06-01 with 200 copies; of town B: a campaign with 700 copies on 2025-05-05.
"""

import datetime

import pytest

from gonghui.reports.figures import compute
from gonghui.rights.choices import CaseKind, OutreachKind, ReceptionKind
from gonghui.rights.models import Outreach, Reception
from gonghui.rights.tests.service_helpers import point_a, point_b

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = {"date_from": D(2025, 1, 1), "date_to": D(2025, 12, 31), "today": D(2025, 11, 20)}


@pytest.fixture
def built(county):
    a, b = point_a(county), point_b(county)
    for point, day, kind, n in [
        (a, D(2025, 1, 1), ReceptionKind.VISIT, 3),
        (a, D(2025, 12, 31), ReceptionKind.VISIT, 4),
        (a, D(2025, 8, 8), ReceptionKind.CONSULTATION, 5),
        (a, D(2024, 12, 31), ReceptionKind.VISIT, 9),
        (b, D(2025, 8, 8), ReceptionKind.VISIT, 2),
    ]:
        Reception.objects.create(point=point, date=day, kind=kind, topic=CaseKind.WAGES, count=n)
    for org, kind, day, copies in [
        (county.town_a, OutreachKind.LECTURE, D(2025, 1, 1), 0),
        (county.town_a, OutreachKind.HANDBOOK, D(2025, 12, 31), 1500),
        (county.town_a, OutreachKind.CAMPAIGN, D(2026, 1, 1), 300),
        (county.county, OutreachKind.SCHOOL, D(2025, 6, 1), 200),
        (county.town_b, OutreachKind.CAMPAIGN, D(2025, 5, 5), 700),
    ]:
        Outreach.objects.create(
            organisation=org, kind=kind, title="普法", date=day, handbooks=copies
        )
    return county


def test_county(built):
    values = compute(**YEAR)
    assert values["receptions"] == 3 + 4 + 5 + 2
    assert values["receptions"] == values["visits"] + values["consultations"]
    assert values["outreach_events"] == 4
    assert values["handbooks"] == 1500 + 200 + 700


def test_town_a(built, bob):
    values = compute(user=bob, **YEAR)
    assert (values["receptions"], values["outreach_events"], values["handbooks"]) == (12, 2, 1500)


def test_town_b_sees_none_of_town_a(built, charlie):
    for values in (compute(org=built.town_b, **YEAR), compute(user=charlie, **YEAR)):
        assert (values["receptions"], values["outreach_events"], values["handbooks"]) == (2, 1, 700)


def test_period_boundaries(built):
    before = compute(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31), today=D(2025, 11, 20))
    assert (before["receptions"], before["outreach_events"], before["handbooks"]) == (9, 0, 0)
    after = compute(date_from=D(2026, 1, 1), date_to=D(2026, 1, 1), today=D(2025, 11, 20))
    assert (after["receptions"], after["outreach_events"], after["handbooks"]) == (0, 1, 300)


def test_the_dashboard_shows_the_cards(client, built, alice):
    from django.urls import reverse

    client.force_login(alice)
    body = client.get(reverse("reports:dashboard")).content.decode()
    for key in ("receptions", "outreach_events", "handbooks"):
        assert f'data-figure="{key}"' in body
