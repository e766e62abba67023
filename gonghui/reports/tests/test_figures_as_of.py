"""Figures as of a past date (统计时点), on a town built by hand across three years, worked out by
hand: every stock is what held on each 31 December, from the records' own dates.

Town C (城南街道总工会), under the shared county:
  unions     union_x  founded 2020                        active throughout
             union_y  founded 2023-06-01, dissolved 2024-09-30
             union_z  founded 2025-03-01
  employers  e1  union_x  100  founded 2010                operating
             e2  union_y   30  founding date unknown       operating (uncovered once y is gone)
             e3  —         10  founded 2015                suspended 2024-06-30
             e4  union_z   40  founded 2025-02-01          operating
  members    m1  union_x  e1  2022-05-01
             m2  union_x  e1  2023-03-01  left 2024-04-01
             m3  union_y  e2  2023-07-01  transferred out 2024-10-01 → union_x, e1 (a new spell)
             m5  union_x  e1  2024-02-01  woman, migrant
             m4  union_z  e4  2025-04-01  woman, courier
"""

import datetime

import pytest

from gonghui.core.models import OrgKind, OrgStatus
from gonghui.core.services.orgs import create_organisation, update_organisation
from gonghui.core.validators import make_resident_id
from gonghui.registry import membership
from gonghui.registry.choices import (
    EmploymentForm,
    MemberSource,
    MemberStatus,
    OperatingStatus,
    Ownership,
)
from gonghui.registry.services import create_member, update_employer
from gonghui.reports.figures import compute, compute_years
from gonghui.reports.tests.conftest import Maker

pytestmark = pytest.mark.django_db

d = datetime.date


def kinds(**counts) -> dict:
    return {kind: counts.get(kind, 0) for kind in OrgKind.values}


@pytest.fixture
def town_c(county):
    make = Maker()
    town = create_organisation(
        actor=None, name="城南街道总工会", kind=OrgKind.TOWN_FEDERATION, parent=county.county
    )

    def union(name, founded):
        return create_organisation(
            actor=None, name=name, kind=OrgKind.GRASSROOTS, parent=town, founded_on=founded,
            term_ends_on=d(2030, 1, 1),
        )  # fmt: skip

    x, y, z = union("城南甲厂工会", d(2020, 1, 1)), union("城南乙厂工会", d(2023, 6, 1)), None
    z = union("城南丁厂工会", d(2025, 3, 1))
    np = Ownership.NON_PUBLIC
    e1 = make.employer("城南甲厂", town, x, np, 100, founded_on=d(2010, 1, 1))
    e2 = make.employer("城南乙厂", town, y, np, 30)
    e3 = make.employer("城南丙店", town, None, np, 10, founded_on=d(2015, 1, 1))
    e4 = make.employer("城南丁厂", town, z, np, 40, founded_on=d(2025, 2, 1))

    make.member("城南一", x, e1, d(2022, 5, 1))
    m2 = make.member("城南二", x, e1, d(2023, 3, 1))
    membership.leave(member=m2, reason="离职", left_on=d(2024, 4, 1))
    id_number = make_resident_id(make.rng, birth_date=d(1991, 2, 3), gender="M")
    old = dict(actor=None, name="城南三", id_number=id_number)
    create_member(
        **old, union=y, employer=e2, joined_on=d(2023, 7, 1),
        status=MemberStatus.TRANSFERRED_OUT, left_on=d(2024, 10, 1),
    )  # fmt: skip
    create_member(
        **old, union=x, employer=e1, joined_on=d(2024, 10, 1), source=MemberSource.TRANSFER
    )
    make.member("城南五", x, e1, d(2024, 2, 1), "F", is_migrant_worker=True)
    make.member("城南四", z, e4, d(2025, 4, 1), "F", employment_form=EmploymentForm.COURIER)

    update_organisation(
        actor=None, organisation=y, status=OrgStatus.DISSOLVED, inactive_since=d(2024, 9, 30)
    )
    update_employer(
        actor=None, employer=e3, operating_status=OperatingStatus.SUSPENDED,
        closed_on=d(2024, 6, 30),
    )  # fmt: skip
    return town


STOCKS = (
    "employers", "employers_unionized", "founding_rate", "employees_unionized", "members",
    "members_new", "members_women", "members_migrant", "members_new_form", "membership_rate",
    "orgs_by_kind", "transfers_in", "transfers_out",
)  # fmt: skip
EXPECTED = {
    # e1, e2, e3 operate (e4 not founded); x and y cover e1, e2. m1, m2, m3 in their spells;
    # m2 and m3 joined in 2023. Employed by e1/e2: 3 / 130.
    2023: dict(
        employers=3, employers_unionized=2, founding_rate=0.6667, employees_unionized=130,
        members=3, members_new=2, members_women=0, members_migrant=0, members_new_form=0,
        membership_rate=0.0231, orgs_by_kind=kinds(town_federation=1, grassroots=2),
        transfers_in=0, transfers_out=0,
    ),
    # e3 closed, y dissolved (e2 uncovered): 2 operating, 1 unionized. m2 left; m3's new spell
    # in x; m5 joined (the transfer is not new). Employed by e1: m1, m3, m5 → 3 / 100.
    2024: dict(
        employers=2, employers_unionized=1, founding_rate=0.5, employees_unionized=100,
        members=3, members_new=1, members_women=1, members_migrant=1, members_new_form=0,
        membership_rate=0.03, orgs_by_kind=kinds(town_federation=1, grassroots=1),
        transfers_in=1, transfers_out=1,
    ),
    # z founded and covers e4: 3 operating, 2 unionized (140). m4 joins. 4 / 140.
    2025: dict(
        employers=3, employers_unionized=2, founding_rate=0.6667, employees_unionized=140,
        members=4, members_new=1, members_women=2, members_migrant=1, members_new_form=1,
        membership_rate=0.0286, orgs_by_kind=kinds(town_federation=1, grassroots=2),
        transfers_in=0, transfers_out=0,
    ),
}  # fmt: skip


def pick(values: dict) -> dict:
    return {key: values[key] for key in STOCKS}


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_each_31_december(town_c, year):
    end = d(year, 12, 31)
    values = compute(org=town_c, date_from=d(year, 1, 1), date_to=end, today=end)
    assert pick(values) == EXPECTED[year]


def test_today_is_the_current_status(town_c):
    # Nothing has changed since 2025: today's figures are those of 31 December 2025, counted
    # from the status fields.
    values = compute(org=town_c, date_from=d(2025, 1, 1), date_to=d(2025, 12, 31))
    assert pick(values) == EXPECTED[2025]


def test_years_side_by_side(town_c):
    rows = compute_years(org=town_c, first=2023, last=2025)
    assert [row["as_of"] for row in rows] == [d(2023, 12, 31), d(2024, 12, 31), d(2025, 12, 31)]
    assert [pick(row["values"]) for row in rows] == [EXPECTED[y] for y in (2023, 2024, 2025)]


def test_a_day_within_a_year(town_c):
    # 2024-06-30: e3 closes that day (no longer operating); y still active; m2 gone, m3 in y.
    values = compute(org=town_c, today=d(2024, 6, 30), date_from=d(2024, 1, 1))
    assert values["employers"] == 2 and values["employers_unionized"] == 2
    assert values["members"] == 3  # m1, m3, m5


def test_the_services_stamp_the_day(town_c, county):
    from django.utils import timezone

    from gonghui.registry.models import Employer

    e1 = Employer.objects.get(name="城南甲厂")
    update_employer(actor=None, employer=e1, operating_status=OperatingStatus.DEREGISTERED)
    assert Employer.objects.get(pk=e1.pk).closed_on == timezone.localdate()
    update_employer(actor=None, employer=e1, operating_status=OperatingStatus.OPERATING)
    assert Employer.objects.get(pk=e1.pk).closed_on is None


def test_the_page_and_the_console(client, town_c, alice):
    from io import StringIO

    from django.core.management import call_command
    from django.urls import reverse

    client.force_login(alice)
    page = client.get(reverse("reports:figure_years"), {"years": "2023-2025", "org": town_c.pk})
    assert page.status_code == 200
    assert "2023" in page.content.decode() and "变化" in page.content.decode()
    out = StringIO()
    call_command("stats", "--org", "城南街道总工会", "--years", "2023-2025", "--json", stdout=out)
    import json

    data = json.loads(out.getvalue())
    assert data["2024"]["members"] == 3 and data["2023"]["employers"] == 3
    out = StringIO()
    call_command("stats", "--org", "城南街道总工会", "--as-of", "2023-12-31", "--json", stdout=out)
    assert json.loads(out.getvalue())["members"] == 3


def test_the_api_takes_as_of(client, town_c, alice):
    client.force_login(alice)
    answer = client.get("/api/stats/", {"org": town_c.pk, "as_of": "2024-12-31"})
    assert answer.status_code == 200
    assert answer.json()["members"] == 3 and answer.json()["employers"] == 2
    assert client.get("/api/stats/", {"as_of": "2024-13-01"}).status_code == 400


def test_the_dashboard_takes_a_day(client, town_c, alice):
    from django.urls import reverse

    client.force_login(alice)
    page = client.get(
        reverse("reports:dashboard"), {"org": town_c.pk, "year": 2024, "as_of": "2024-12-31"}
    )
    text = page.content.decode()
    assert 'data-figure="members" data-value="3"' in text
    assert 'data-figure="employers" data-value="2"' in text
    assert "存量统计时点 2024-12-31" in text
    # The cards open the records as of that day.
    assert "as_of=2024-12-31" in text
