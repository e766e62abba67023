"""The rights figures on a hand-built county, worked out by hand (definitions:
gonghui/rights/figures.py).

Rows are written with the ORM: these tests are about what the figures count; the services that
write the rows have their own tests.

Town A (城关镇), period 2025:
- cases at town A: wages received 2025-01-01 00:00 (first moment) closed 2025-03-01 with 8000
  recovered; wages received 2025-12-31 23:59 (last moment) closed 2026-01-01 00:00 (after) with
  2000; injury received 2025-06-01 closed 2025-07-01 with 50000 (not wages); contract received
  2024-12-31 23:59 (before) closed 2025-02-01 with 0; dismissal received 2025-05-01, closed
  2025-05-20 then reopened (open now, closed_at cleared) with 1000 recovered.
- receptions at the town-A point: visits 3 + 4 in 2025, 9 on 2024-12-31; consultations 5.
- points: employer_a active, a second town-A employer's inactive.
- warnings about employer_a: open (2025-02-01), handled 2025-03-01 (not open at end), handled
  2026-01-02 (open at the end of 2025), opened 2026-01-01 (after the period).
- contracts: employer_a under an effective comprehensive contract; congress at employer_a.
Town B (水坪镇): one wages case received and closed 2025-04-01 with 600 recovered, 2 visits,
an active point at employer_b and one open warning; no contract, no democracy.
"""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gonghui.reports.figures import compute
from gonghui.rights.choices import CaseKind, CaseStatus, PointKind, ReceptionKind, WarningStatus
from gonghui.rights.models import Reception, RiskWarning, ServicePoint
from gonghui.rights.tests.conftest import make_case
from gonghui.rights.tests.contract_helpers import contract, democracy, employer
from gonghui.rights.tests.risk_helpers import grid_a, grid_b, make_point

pytestmark = pytest.mark.django_db

Y = Decimal
D = datetime.date
TODAY = D(2025, 11, 20)
YEAR = {"date_from": D(2025, 1, 1), "date_to": D(2025, 12, 31), "today": TODAY}


def at(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def closed_case(county, kind, received, closed, recovered, **extra):
    return make_case(
        county, kind=kind, received_at=received, closed_at=closed, status=CaseStatus.CLOSED,
        outcome=CaseStatus.AGREEMENT, amount_recovered=Y(recovered), **extra,
    )  # fmt: skip


def warning(county, employer, opened, handled=None):
    return RiskWarning.objects.create(
        employer=employer, level=3, previous_level=0, responsible=county.town_a,
        opened_at=opened, due_at=opened + datetime.timedelta(days=2),
        status=WarningStatus.HANDLED if handled else WarningStatus.OPEN, handled_at=handled,
    )  # fmt: skip


@pytest.fixture
def built(county):
    W = CaseKind.WAGES  # noqa: N806
    closed_case(county, W, at(2025, 1, 1, 0, 0), at(2025, 3, 1, 10), "8000.00")
    closed_case(county, W, at(2025, 12, 31, 23, 59), at(2026, 1, 1, 0, 0), "2000.00")
    closed_case(county, CaseKind.INJURY, at(2025, 6, 1), at(2025, 7, 1), "50000.00")
    closed_case(county, CaseKind.CONTRACT, at(2024, 12, 31, 23, 59), at(2025, 2, 1), "0.00")
    make_case(
        county, kind=CaseKind.DISMISSAL, received_at=at(2025, 5, 1), status=CaseStatus.ACCEPTED,
        amount_recovered=Y("1000.00"), reopen_count=1,
    )  # fmt: skip
    closed_case(
        county, W, at(2025, 4, 1, 9), at(2025, 4, 1, 17), "600.00",
        union=county.town_b, employer=county.employer_b, employer_name="乙茶叶公司",
    )  # fmt: skip
    point_a = ServicePoint.objects.create(
        organisation=county.town_a, name="城关镇维权工作站", kind=PointKind.TOWN
    )
    point_b = ServicePoint.objects.create(
        organisation=county.town_b, name="水坪镇维权工作站", kind=PointKind.TOWN
    )
    for point, day, kind, n in [
        (point_a, D(2025, 1, 1), ReceptionKind.VISIT, 3),
        (point_a, D(2025, 12, 31), ReceptionKind.VISIT, 4),
        (point_a, D(2024, 12, 31), ReceptionKind.VISIT, 9),
        (point_a, D(2025, 8, 8), ReceptionKind.CONSULTATION, 5),
        (point_b, D(2025, 8, 8), ReceptionKind.VISIT, 2),
    ]:
        Reception.objects.create(point=point, date=day, kind=kind, topic=CaseKind.WAGES, count=n)
    grid = grid_a(county)
    make_point(grid, county.employer_a)
    idle = employer(county, 7)
    make_point(grid, idle, is_active=False, contact_name="停用点")
    make_point(grid_b(county), county.employer_b, contact_name="乙厂信息员")
    a = county.employer_a
    warning(county, a, at(2025, 2, 1))
    warning(county, a, at(2025, 2, 1), handled=at(2025, 3, 1))
    warning(county, a, at(2025, 2, 1), handled=at(2026, 1, 2))
    warning(county, a, at(2026, 1, 1, 0, 0))
    warning(county, county.employer_b, at(2025, 5, 1))
    today = TODAY
    contract(
        county, a, signed_on=D(2024, 1, 1), effective_on=D(2024, 1, 1),
        expires_on=today + datetime.timedelta(days=30),
    )  # fmt: skip
    democracy(a, congress_established=True)
    return county


def test_county_figures(built):
    values = compute(**YEAR)
    # Received in 2025: wages ×2 (first and last moment) + injury + dismissal at A, wages at B.
    assert values["cases"] == 5
    assert values["cases_by_kind"] == {
        "拖欠工资": 3, "劳动合同": 0, "工伤": 1, "社会保险": 0, "解除劳动关系": 1, "其他": 0,
    }  # fmt: skip
    # Closed in 2025: wages 8000 (A), injury, contract (received 2024), wages 600 (B).
    assert values["cases_closed"] == 4
    # Wages cases only: 8000 + 600; not the injury's 50000, not the one closed on 1 Jan 2026,
    # not the reopened dismissal's.
    assert values["wages_recovered"] == Y("8600.00")
    assert (values["visits"], values["consultations"]) == (9, 5)
    assert values["risk_points"] == 2
    # Open at the end of 2025: A's open one, A's handled in 2026, B's open one.
    assert values["warnings_open"] == 3
    # Unionized employers: a, b and the 7th (union_a): 1/3 with a contract and a congress.
    assert values["contract_rate"] == 0.3333
    assert values["contract_rate_by_kind"]["综合性集体合同"] == 0.3333
    assert values["contract_rate_by_kind"]["工资专项集体合同"] == 0.0
    assert (values["congress_rate"], values["open_affairs_rate"]) == (0.3333, 0.0)


def test_town_b_does_not_count_town_a(built, charlie):
    for values in (compute(org=built.town_b, **YEAR), compute(user=charlie, **YEAR)):
        assert (values["cases"], values["cases_closed"]) == (1, 1)
        assert values["cases_by_kind"]["拖欠工资"] == 1 and values["cases_by_kind"]["工伤"] == 0
        assert values["wages_recovered"] == Y("600.00")
        assert (values["visits"], values["consultations"]) == (2, 0)
        assert (values["risk_points"], values["warnings_open"]) == (1, 1)
        assert (values["contract_rate"], values["congress_rate"]) == (0.0, 0.0)


def test_town_a(built, bob):
    values = compute(user=bob, **YEAR)
    assert (values["cases"], values["cases_closed"]) == (4, 3)
    assert values["wages_recovered"] == Y("8000.00")
    assert (values["visits"], values["consultations"]) == (7, 5)
    assert (values["risk_points"], values["warnings_open"]) == (1, 2)
    assert (values["contract_rate"], values["congress_rate"]) == (0.5, 0.5)


def test_period_boundaries(built):
    last_year = compute(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31), today=TODAY)
    assert (last_year["cases"], last_year["cases_closed"]) == (1, 0)
    assert last_year["visits"] == 9
    assert last_year["warnings_open"] == 0
    next_year = compute(date_from=D(2026, 1, 1), date_to=D(2026, 12, 31), today=TODAY)
    assert (next_year["cases"], next_year["cases_closed"]) == (0, 1)
    assert next_year["wages_recovered"] == Y("2000.00")
    # The 2026 ones: A's open ones (one of 2025 and one of 1 Jan 2026) and B's.
    assert next_year["warnings_open"] == 3
    one_day = compute(date_from=D(2025, 12, 31), date_to=D(2025, 12, 31), today=TODAY)
    assert (one_day["cases"], one_day["visits"]) == (1, 4)


def test_a_few_aggregate_queries_whatever_the_rows(built):
    from gonghui.core.figures import FigureScope
    from gonghui.rights.figures import rights_figures

    scope = FigureScope(paths=None, **{k: v for k, v in YEAR.items()})
    with CaptureQueriesContext(connection) as queries:
        rights_figures(scope)
    assert len(queries) <= 10  # one aggregate per table the figures read, never one per row


def test_console_and_api_write_yuan_as_exact_strings(built, client, alice):
    out = StringIO()
    call_command("stats", "--json", "--from", "2025-01-01", "--to", "2025-12-31", stdout=out)
    values = json.loads(out.getvalue())
    assert values["wages_recovered"] == "8600.00" and values["cases_by_kind"]["工伤"] == 1
    client.force_login(alice)
    api = client.get(reverse("stats"), {"from": "2025-01-01", "to": "2025-12-31"}).json()
    assert api["wages_recovered"] == "8600.00"
    assert api["cases_by_kind"]["拖欠工资"] == 3
    assert isinstance(api["contract_rate"], float)


def test_console_table_shows_rates_as_percentages(built):
    out = StringIO()
    call_command("stats", "--from", "2025-01-01", "--to", "2025-12-31", stdout=out)
    text = out.getvalue()
    assert "追回欠薪（元）" in text and "8,600.00" in text
    assert "职代会建制率" in text and "%" in text
