"""The API refuses what it does not take and documents every answer it gives: an unknown query
parameter is a 400 naming it (a misspelt filter would otherwise answer with every record), the
documented ones still work, an id that is not a number is a JSON 404 (not Django's HTML page),
and the schema lists 400, 401, 403 and 404 with their bodies."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_list_refuses_a_parameter_it_does_not_take(client, alice):
    client.force_login(alice)
    response = client.get("/api/members/", {"statsu": "active"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "statsu" in response.json()
    assert "不接受的参数" in response.json()["statsu"][0]


def test_the_documented_parameters_and_format_are_taken(client, alice):
    client.force_login(alice)
    assert client.get("/api/members/", {"format": "json"}).status_code == 200
    assert client.get("/api/rights/monthly-reports/", {"is_late": "true"}).status_code == 200
    assert client.get("/api/rights/cases/", {"status": "received"}).status_code == 200


def test_a_record_lookup_refuses_unknown_parameters_too(client, alice, county):
    client.force_login(alice)
    response = client.get(f"/api/members/{county.member_a.pk}/", {"expand": "all"})
    assert response.status_code == 400 and "expand" in response.json()


def test_an_id_that_matches_no_route_is_a_json_404(client, alice):
    client.force_login(alice)
    response = client.get("/api/members/0.5/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"detail"}


def test_a_page_that_matches_no_route_is_still_a_page(client, alice):
    client.force_login(alice)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_the_schema_documents_the_error_answers(client, alice):
    client.force_login(alice)
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    detail = paths["/api/members/{id}/"]["get"]["responses"]
    assert {"200", "400", "401", "403", "404"} <= detail.keys()
    assert "$ref" in detail["403"]["content"]["application/json"]["schema"]
    listing = paths["/api/members/"]["get"]["responses"]
    assert {"400", "401", "403", "404"} <= listing.keys()
    create = paths["/api/members/"]["post"]["responses"]
    assert "400" in create and "404" not in create
