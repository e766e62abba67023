"""Join QR codes (PNG, SVG) and the printable poster."""

import pytest
from django.urls import reverse

from gonghui.portal import links

pytestmark = pytest.mark.django_db


def test_png_and_svg(client, county):
    code = links.join_code(county.union_a)
    png = client.get(reverse("portal:join_qr_png", args=[code]))
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    svg = client.get(reverse("portal:join_qr_svg", args=[code]))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content


def test_the_poster_names_the_union(client, county):
    code = links.join_code(county.union_a)
    body = client.get(reverse("portal:join_poster", args=[code])).content.decode()
    assert "甲机械厂工会" in body and "<svg" in body
    assert f"/m/join/{code}/" in body


def test_bad_codes_have_no_qr(client, county):
    for name in ("portal:join_qr_png", "portal:join_qr_svg", "portal:join_poster"):
        assert client.get(reverse(name, args=["1.bad"])).status_code == 404
        town = links.join_code(county.town_a)
        assert client.get(reverse(name, args=[town])).status_code == 404


def test_join_links_use_the_public_address(rf, county, settings):
    request = rf.get("/")
    settings.GONGHUI_PORTAL_BASE_URL = ""
    assert links.join_url(request, county.union_a).startswith("http://testserver/m/join/")
    settings.GONGHUI_PORTAL_BASE_URL = "https://gh.example.cn/"
    url = links.join_url(request, county.union_a)
    assert url == f"https://gh.example.cn/m/join/{links.join_code(county.union_a)}/"


def test_join_codes_are_stable_and_per_union(county):
    assert links.join_code(county.union_a) == links.join_code(county.union_a)
    assert links.join_code(county.union_a) != links.join_code(county.union_b)
    assert links.union_for_code(links.join_code(county.union_b)) == county.union_b
