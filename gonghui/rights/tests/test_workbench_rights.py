"""The rights module's workbench items: each counts right and links to a list of exactly its
rows; town B sees none of town A's."""

import datetime

import pytest
from django.utils import timezone

from gonghui.core.testing_workbench import assert_item_lists_exactly, bench_of
from gonghui.rights.choices import CaseStatus, WarningStatus
from gonghui.rights.risk.queries import last_due_month
from gonghui.rights.tests.conftest import make_case
from gonghui.rights.tests.risk_helpers import grid_b, make_point, make_report, make_warning, point_a

pytestmark = pytest.mark.django_db

KEYS = ("rights.accept", "rights.assign", "rights.overdue", "rights.acknowledge")


def test_cases_to_accept_assign_and_overdue(client, county, bob, charlie):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    received = make_case(county)
    late = make_case(county, due_on=yesterday)
    accepted = make_case(county, status=CaseStatus.ACCEPTED, accepted_at=timezone.now())
    make_case(county, status=CaseStatus.CLOSED, due_on=yesterday)  # final: never late
    item = assert_item_lists_exactly(client, bob, "rights.accept", {received.pk, late.pk})
    assert item.overdue_count == 1
    assert_item_lists_exactly(client, bob, "rights.assign", {accepted.pk})
    assert_item_lists_exactly(client, bob, "rights.overdue", {late.pk})
    bench = bench_of(charlie)
    assert all(bench[key].count == 0 for key in KEYS)


def test_warnings_to_acknowledge(client, county, bob, charlie):
    now = timezone.now()
    fresh = make_warning(county)
    overdue = make_warning(county, due_at=now - datetime.timedelta(hours=1))
    make_warning(county, status=WarningStatus.ACKNOWLEDGED)
    item = assert_item_lists_exactly(client, bob, "rights.acknowledge", {fresh.pk, overdue.pk})
    assert item.overdue_count == 1
    assert bench_of(charlie)["rights.acknowledge"].count == 0


def missing_points(client, user, url) -> set:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert "report-table" not in response.content.decode()  # only the late ones
    return {row.point.pk for row in response.context["missing"]}


def test_late_monthly_reports(client, county, bob, charlie):
    today = timezone.localdate()
    late = point_a(county)
    filed = make_point(grid_b(county), county.employer_b)
    make_report(filed, last_due_month(today, filed.report_due_day))
    item = bench_of(bob)["rights.reports_late"]
    assert item.count == 1 and item.overdue_count == 1
    assert missing_points(client, bob, item.url) == {late.pk}
    assert bench_of(charlie)["rights.reports_late"].count == 0
    assert missing_points(client, charlie, item.url) == set()
