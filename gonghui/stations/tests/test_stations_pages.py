"""Station pages: a keeper sees only their stations, a town its own, the county all; the list
shows open now; edits and hours go through the services."""

import datetime

import pytest
from django.urls import reverse

from gonghui.stations.models import Station
from gonghui.stations.tests.helpers import station

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(county, stan):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    kate = make_user("kate", Role.STATION_KEEPER, county.town_b, "郑站长")
    mine = station(county.town_a, "城关快递驿站", keepers=[stan])
    theirs = station(county.town_b, "水坪环卫驿站", keepers=[kate])
    return mine, theirs, kate


def test_a_keeper_sees_only_their_station(client, county, stan, two):
    mine, theirs, _kate = two
    client.force_login(stan)
    body = client.get(reverse("stations:station_list")).content.decode()
    assert "城关快递驿站" in body and "水坪环卫驿站" not in body
    assert client.get(reverse("stations:station_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("stations:station_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("stations:station_edit", args=[mine.pk])).status_code == 403
    api = client.get(reverse("station-list")).json()
    assert [row["name"] for row in api["results"]] == ["城关快递驿站"]
    assert client.get(reverse("station-detail", args=[theirs.pk])).status_code == 404


def test_a_keeper_lands_on_their_stations(client, county, stan, two):
    client.force_login(stan)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("stations:station_list")


def test_town_and_county(client, county, alice, bob, two):
    client.force_login(bob)
    body = client.get(reverse("stations:station_list")).content.decode()
    assert "城关快递驿站" in body and "水坪环卫驿站" not in body
    client.force_login(alice)
    body = client.get(reverse("stations:station_list")).content.decode()
    assert "城关快递驿站" in body and "水坪环卫驿站" in body


def test_a_lawyer_gets_403(client, county, lena, two):
    client.force_login(lena)
    assert client.get(reverse("stations:station_list")).status_code == 403


def test_create_and_edit_through_the_form(client, county, bob, stan):
    client.force_login(bob)
    data = {
        "name": "城关新驿站", "kind": "petrol", "partner": "中石化城关站",
        "union": county.town_a.pk, "address": "城关镇解放路8号", "latitude": "33.77",
        "longitude": "120.25", "datum": "gcj02", "facilities": ["water", "toilet"],
        "keepers": [stan.pk], "hotline": "12351", "status": "open",
    }  # fmt: skip
    response = client.post(reverse("stations:station_add"), data)
    made = Station.objects.get(name="城关新驿站")
    assert response.status_code == 302 and made.facility_codes == ["water", "toilet"]
    data.pop("union")
    data["name"] = "城关新驿站（改）"
    client.post(reverse("stations:station_edit", args=[made.pk]), data)
    made.refresh_from_db()
    assert made.name == "城关新驿站（改）" and list(made.keepers.all()) == [stan]


def test_keeper_adds_hours_and_confirms(client, county, stan, two):
    mine, _theirs, _kate = two
    client.force_login(stan)
    client.post(
        reverse("stations:window_add", args=[mine.pk]),
        {"weekdays": [0, 1], "starts": "21:30", "ends": "06:30", "mode": "unattended"},
    )
    assert mine.windows.filter(mode="unattended").count() == 2
    tomorrow = datetime.date.today() + datetime.timedelta(1)
    client.post(
        reverse("stations:exception_add", args=[mine.pk]),
        {"date": tomorrow.isoformat(), "kind": "closed", "mode": "staffed", "reason": "春节闭站"},
    )
    assert mine.exceptions.get().reason == "春节闭站"
    client.post(reverse("stations:hours_confirm", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.hours_confirmed_by == stan
    page = client.get(reverse("stations:station_detail", args=[mine.pk])).content.decode()
    assert "次日06:30" in page and "hours-unconfirmed" not in page


def test_exports(client, county, alice, two):
    client.force_login(alice)
    geo = client.get(reverse("stations:station_list") + "?export=geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    feature = geo["features"][0]
    lng, lat = feature["geometry"]["coordinates"]
    assert feature["properties"]["gcj02"] != [lng, lat]
    xlsx = client.get(reverse("stations:station_list") + "?export=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_api_create_and_coordinates(client, county, bob):
    client.force_login(bob)
    body = {
        "name": "接口驿站", "kind": "union", "union": county.town_a.pk, "address": "路2号",
        "latitude": "39.915", "longitude": "116.404", "datum": "bd09", "facilities": ["water"],
    }  # fmt: skip
    response = client.post(reverse("station-list"), body, content_type="application/json")
    assert response.status_code == 201, response.content
    coords = response.json()["coordinates"]
    assert coords["gcj02"] == {"lat": 39.908657, "lng": 116.397627}
    bad = client.post(
        reverse("station-list"),
        {**body, "union": county.town_b.pk},
        content_type="application/json",
    )
    assert bad.status_code == 400


def test_a_keeper_sees_nothing_of_another_keepers_station(client, county, stan, two):
    from gonghui.stations.care import incidents
    from gonghui.stations.visits import services as visits

    mine, theirs, kate = two
    theirs_incident = incidents.report_incident(
        actor=kate, station=theirs, kind="conflict", source="visitor", description="水坪争执"
    )
    visits.scan_in(station=theirs, person_hash="w", occupation="driver")
    client.force_login(stan)
    assert "水坪争执" not in client.get(reverse("stations:incident_list")).content.decode()
    url = reverse("stations:incident_detail", args=[theirs_incident.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("station-incident-list")).json()["results"] == []
    assert client.get(reverse("station-visit-list")).json()["results"] == []
    assert "水坪环卫驿站" not in client.get(reverse("stations:visit_list")).content.decode()
    post = client.post(reverse("stations:walk_in_add", args=[theirs.pk]), {"date": "2026-01-01"})
    assert post.status_code == 404


def test_photos_are_images_only_and_served_scoped(
    client, county, stan, charlie, two, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gonghui.stations.tests.url_cases_stations import PNG

    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    mine, _theirs, _kate = two
    client.force_login(stan)
    url = reverse("stations:photo_add", args=[mine.pk])
    client.post(url, {"upload": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf")})
    assert not mine.photos.exists()
    client.post(url, {"upload": SimpleUploadedFile("门头.png", PNG, "image/png")})
    photo = mine.photos.get()
    response = client.get(reverse("stations:photo_file", args=[photo.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    client.force_login(charlie)
    assert client.get(reverse("stations:photo_file", args=[photo.pk])).status_code == 404
