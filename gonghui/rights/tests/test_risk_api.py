"""The risk API: scoped reads, a monthly report filed (late flagged) and a warning handled
through the services; town B sees nothing of town A."""

import datetime

import pytest

from gonghui.rights.choices import WarningStatus
from gonghui.rights.tests.risk_helpers import make_warning, point_a

pytestmark = pytest.mark.django_db


def test_a_report_is_filed_through_the_service(client, county, bob):
    point = point_a(county)
    client.force_login(bob)
    data = {"point": point.pk, "month": "2025-05-01", "wage_arrears": 3, "layoffs": 0,
            "unrest": 0, "safety": 0, "other": 0, "arrears_amount": "12000.00",
            "arrears_workers": 4}  # fmt: skip
    response = client.post("/api/rights/monthly-reports/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["is_late"] is True  # May's report was due on 10 June 2025
    levels = client.get("/api/rights/risk-levels/").json()["results"]
    assert len(levels) == 1


def test_town_b_sees_nothing_and_cannot_file(client, county, charlie):
    point = point_a(county)
    make_warning(county)
    client.force_login(charlie)
    for resource in ("grids", "monitoring-points", "monthly-reports", "warnings"):
        assert client.get(f"/api/rights/{resource}/").json()["results"] == [], resource
    data = {"point": point.pk, "month": "2025-05-01", "wage_arrears": 0, "layoffs": 0,
            "unrest": 0, "safety": 0, "other": 0}  # fmt: skip
    response = client.post("/api/rights/monthly-reports/", data, content_type="application/json")
    assert response.status_code == 400 and "point" in response.json()


def test_a_warning_is_handled_by_its_union(client, county, bob, charlie):
    warning = make_warning(county)
    client.force_login(charlie)
    assert client.post(f"/api/rights/warnings/{warning.pk}/acknowledge/").status_code == 404
    client.force_login(bob)
    assert client.post(f"/api/rights/warnings/{warning.pk}/handle/", {}).status_code == 400
    response = client.post(f"/api/rights/warnings/{warning.pk}/handle/", {"handling": "已补发"})
    assert response.status_code == 200 and response.json()["status"] == WarningStatus.HANDLED


def test_points_and_reports_take_the_filters_they_declare(client, county, alice):
    """?grid= and ?point= used to be ignored: every point and every report came back."""
    from gonghui.rights.tests.risk_helpers import grid_b, make_point, make_report

    point = point_a(county)
    other = make_point(grid_b(county), county.employer_b)
    make_report(point, datetime.date(2025, 5, 1))
    make_report(other, datetime.date(2025, 5, 1), is_late=True)
    client.force_login(alice)
    points = client.get("/api/rights/monitoring-points/", {"grid": point.grid_id}).json()
    assert [p["id"] for p in points["results"]] == [point.pk]
    reports = client.get("/api/rights/monthly-reports/", {"point": other.pk}).json()["results"]
    assert [r["point"] for r in reports] == [other.pk]
    late = client.get("/api/rights/monthly-reports/", {"is_late": "true"}).json()["results"]
    assert [r["point"] for r in late] == [other.pk]
