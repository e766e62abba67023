"""The cadres API: scoped like the pages (a social worker reads only their own), writes through
the services, and in the OpenAPI schema."""

import datetime

import pytest

from gonghui.cadres.models import MonthlyRecord

pytestmark = pytest.mark.django_db


def test_a_social_worker_reads_only_their_own(client, county, sam, tina):
    MonthlyRecord.objects.create(worker=tina, month=datetime.date(2025, 1, 1), work_done="x")
    mine = MonthlyRecord.objects.create(worker=sam, month=datetime.date(2025, 1, 1), work_done="y")
    client.force_login(sam.user)
    workers = client.get("/api/cadres/social-workers/").json()["results"]
    assert [w["id"] for w in workers] == [sam.pk]
    records = client.get("/api/cadres/monthly-records/").json()["results"]
    assert [r["id"] for r in records] == [mine.pk]
    assert client.get(f"/api/cadres/social-workers/{tina.pk}/").status_code == 404
    response = client.patch(
        f"/api/cadres/social-workers/{sam.pk}/",
        {"grade": "senior"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_a_clerk_registers_and_updates_through_the_services(client, county, bob, charlie, sam):
    client.force_login(bob)
    response = client.post(
        "/api/cadres/social-workers/",
        {
            "organisation": county.town_a.pk,
            "name": "接口社工",
            "post": "社工",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    response = client.patch(
        f"/api/cadres/social-workers/{sam.pk}/",
        {"organisation": county.town_b.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    client.force_login(charlie)
    assert client.get(f"/api/cadres/social-workers/{sam.pk}/").status_code == 404


def test_the_schema_has_the_cadres_endpoints(client, alice):
    client.force_login(alice)
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    for path in (
        "/api/cadres/social-workers/",
        "/api/cadres/monthly-records/",
        "/api/cadres/quarterly-reviews/",
        "/api/cadres/assessments/",
    ):
        assert path in paths
