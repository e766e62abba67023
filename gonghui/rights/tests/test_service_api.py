"""The service area's API: scoped reads (404 out of scope; a lawyer sees her own slots and
receptions only), creates through the services (400 naming the field), a reception that opens
a case."""

import pytest
from django.utils import timezone

from gonghui.rights.models import Case, DutySlot, Reception
from gonghui.rights.tests.service_helpers import counsel_of, point_a, seat

pytestmark = pytest.mark.django_db


def test_create_and_read_a_point(client, county, bob, charlie):
    client.force_login(bob)
    response = client.post("/api/rights/service-points/", {
        "organisation": county.town_a.pk, "name": "城关镇维权工作站", "kind": "town",
        "hours": "工作日",
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert client.get(f"/api/rights/service-points/{pk}/").json()["hours"] == "工作日"
    client.force_login(charlie)
    assert client.get(f"/api/rights/service-points/{pk}/").status_code == 404


def test_a_slot_for_a_point_out_of_reach_is_refused(client, county, charlie, lena):
    point = point_a(county)
    client.force_login(charlie)
    response = client.post("/api/rights/duty-slots/", {
        "point": point.pk, "date": "2025-03-04", "session": "day", "counsel": counsel_of(lena).pk,
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 400 and "point" in response.json()
    assert not DutySlot.objects.exists()


def test_a_reception_becomes_a_case(client, county, bob):
    point = point_a(county)
    client.force_login(bob)
    response = client.post("/api/rights/receptions/", {
        "point": point.pk, "date": timezone.localdate().isoformat(), "kind": "visit",
        "topic": "wages", "count": 1, "outcome": "case", "complainant_name": "王甲骑",
        "phone": "13900000011", "employer_name": "甲机械厂", "facts": "欠薪",
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content
    case = Case.objects.get()
    assert response.json()["case"] == case.pk and response.json()["case_number"] == case.number
    assert "phone" not in response.json()


def test_a_future_reception_is_400(client, county, bob):
    client.force_login(bob)
    response = client.post("/api/rights/receptions/", {
        "point": point_a(county).pk, "date": "2999-01-01", "kind": "visit", "topic": "wages",
        "count": 1,
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 400 and "date" in response.json()
    assert not Reception.objects.exists()


def test_a_lawyer_on_duty_logs_and_lists_her_own(client, county, lena, luke):
    point = point_a(county)
    seat(point, counsel_of(lena), timezone.localdate())
    Reception.objects.create(point=point, date=timezone.localdate(), kind="visit",
                             topic="wages", counsel=counsel_of(luke))  # fmt: skip
    client.force_login(lena)
    response = client.post("/api/rights/receptions/", {
        "point": point.pk, "date": timezone.localdate().isoformat(), "kind": "consultation",
        "topic": "contract", "count": 2,
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content
    rows = client.get("/api/rights/receptions/").json()["results"]
    assert [row["topic"] for row in rows] == ["contract"]


def test_outreach(client, county, bob, charlie):
    client.force_login(bob)
    response = client.post("/api/rights/outreach/", {
        "organisation": county.town_a.pk, "kind": "handbook", "title": "发放手册",
        "date": timezone.localdate().isoformat(), "handbooks": 500,
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content
    client.force_login(charlie)
    assert client.get("/api/rights/outreach/").json()["results"] == []
