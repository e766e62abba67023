"""The contracts API (/api/rights/contracts/, bargaining-rounds/, democracy/): scoped reads,
writes through the services (validated and audited like the pages)."""

import pytest

from gonghui.core.models import AuditEntry
from gonghui.rights.models import CollectiveContract, Democracy
from gonghui.rights.tests.contract_helpers import DAY, TODAY, contract

pytestmark = pytest.mark.django_db


def body(county, **changes) -> dict:
    data = {
        "organisation": county.union_a.pk,
        "title": "甲机械厂工资专项集体合同",
        "scope": "enterprise",
        "kind": "wage",
        "signed_on": str(TODAY - 10 * DAY),
        "effective_on": str(TODAY - 5 * DAY),
        "expires_on": str(TODAY + 60 * DAY),
        "workers_covered": 120,
        "employers": [county.employer_a.pk],
    }
    data.update(changes)
    return data


def test_a_clerk_registers_a_contract_through_the_service(client, county, bob):
    client.force_login(bob)
    response = client.post("/api/rights/contracts/", body(county), content_type="application/json")
    assert response.status_code == 201, response.content
    saved = CollectiveContract.objects.get()
    assert list(saved.employers.all()) == [county.employer_a]
    assert AuditEntry.objects.filter(object_id=str(saved.pk)).exists()
    expiring = client.get("/api/rights/contracts/?expiring=true").json()["results"]
    assert [row["id"] for row in expiring] == [saved.pk]


def test_bad_dates_are_400_naming_the_field_and_write_nothing(client, county, bob):
    client.force_login(bob)
    data = body(county, expires_on=str(TODAY - 30 * DAY))
    response = client.post("/api/rights/contracts/", data, content_type="application/json")
    assert response.status_code == 400 and "expires_on" in response.json()
    assert not CollectiveContract.objects.exists()


def test_town_b_sees_and_changes_nothing_of_town_a(client, county, charlie):
    signed = contract(county, county.employer_a, title="城关镇甲厂合同")
    client.force_login(charlie)
    assert client.get("/api/rights/contracts/").json()["results"] == []
    assert client.get(f"/api/rights/contracts/{signed.pk}/").status_code == 404
    response = client.post("/api/rights/contracts/", body(county), content_type="application/json")
    assert (
        response.status_code == 400
        and not CollectiveContract.objects.exclude(pk=signed.pk).exists()
    )


def test_democracy_is_changed_through_the_service(client, county, bob, charlie):
    row = Democracy.objects.create(employer=county.employer_a)
    client.force_login(bob)
    response = client.patch(
        f"/api/rights/democracy/{row.pk}/",
        {"congress_established": True, "star_rating": 4},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    row.refresh_from_db()
    assert row.congress_established and row.star_rating == 4
    client.force_login(charlie)
    assert client.get(f"/api/rights/democracy/{row.pk}/").status_code == 404


def test_a_station_keeper_writes_nothing(client, county, stan):
    client.force_login(stan)
    response = client.post("/api/rights/contracts/", body(county), content_type="application/json")
    assert response.status_code == 403
