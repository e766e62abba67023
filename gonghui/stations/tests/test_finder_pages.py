"""The finder: nearest open first, by position or town, 去这里 links in each app's datum; a
station's public page; scanning in needs the proven phone and counts once a day."""

import datetime

import pytest
from django.urls import reverse

from gonghui.portal import identity
from gonghui.stations.choices import WindowMode
from gonghui.stations.models import Visit
from gonghui.stations.stations import queries
from gonghui.stations.tests.helpers import station

pytestmark = pytest.mark.django_db

ALWAYS = [(datetime.time(0), datetime.time(0), WindowMode.STAFFED)]


def test_nearest_open_first(client, county):
    near_closed = station(county.town_a, "近处闭站驿站", spans=[], latitude="33.7700",
                          longitude="120.2500")  # fmt: skip
    far_open = station(county.town_b, "远处开放驿站", spans=ALWAYS, latitude="33.8700",
                       longitude="120.2500")  # fmt: skip
    near_open = station(county.town_a, "近处开放驿站", spans=ALWAYS, latitude="33.7800",
                        longitude="120.2500", datum="gcj02")  # fmt: skip
    body = client.get(reverse("stations_portal:finder") + "?lat=33.7700&lng=120.2500")
    text = body.content.decode()
    assert text.index("近处开放驿站") < text.index("远处开放驿站") < text.index("近处闭站驿站")
    assert "公里" in text or "米" in text
    by_town = client.get(reverse("stations_portal:finder") + f"?town={county.town_b.pk}")
    assert (
        "远处开放驿站" in by_town.content.decode()
        and "近处开放驿站" not in by_town.content.decode()
    )
    page = client.get(reverse("stations_portal:station", args=[near_open.pk])).content.decode()
    # a GCJ-02 point goes to 高德 as entered and to 百度 shifted into BD-09
    assert "position=120.250000%2C33.780000" in page and "coord_type=bd09ll" in page
    assert near_closed and far_open


def test_scan_needs_sign_in_and_counts_once(client, county):
    made = station(county.town_a, spans=ALWAYS)
    url = reverse("stations_portal:scan", args=[queries.scan_code(made)])
    response = client.get(url)
    assert response.status_code == 302 and reverse("portal:signin") in response["Location"]
    session = client.session
    session[identity.SESSION_KEY] = {"phone": "x", "phone_hash": "h1", "at": ""}
    session.save()
    client.post(url, {"occupation": "courier"})
    client.post(url, {"occupation": "courier"})
    assert Visit.objects.filter(station=made).count() == 1
    bad = client.get(reverse("stations_portal:scan", args=["1.forged"]))
    assert bad.status_code == 404


def test_feedback_and_help_from_the_portal(client, county):
    from gonghui.core import pii
    from gonghui.stations.models import Feedback, Incident

    made = station(county.town_a, spans=ALWAYS)
    session = client.session
    session[identity.SESSION_KEY] = {
        "phone": pii.encrypt("13700003333"), "phone_hash": "h9", "at": "",
    }  # fmt: skip
    session.save()
    client.post(
        reverse("stations_portal:feedback", args=[made.pk]), {"rating": "5", "comment": "好"}
    )
    assert Feedback.objects.get().rating == 5
    client.post(
        reverse("stations_portal:help", args=[made.pk]), {"kind": "illness", "description": "中暑"}
    )
    incident = Incident.objects.get()
    assert incident.source == "visitor" and incident.caller == "137****3333"
