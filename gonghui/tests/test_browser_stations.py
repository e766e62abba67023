"""Stations on a phone, in a real browser: a courier lets the finder locate them, finds the
nearest open station first, opens it, scans in (signing in with the code texted to them); the
station's keeper sees the visit on the station's page; the county's dashboard counts it."""

import datetime
import re

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.core import sms
from gonghui.stations.choices import WindowMode
from gonghui.stations.models import Visit
from gonghui.stations.tests.helpers import station

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
)
COURIER_PHONE = "13700002222"
ALWAYS = [(datetime.time(0), datetime.time(0), WindowMode.STAFFED)]


def sign_in_staff(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    return page


def test_courier_finds_scans_keeper_sees_county_counts(live_server, county, alice, stan, settings):
    settings.GONGHUI_OTP_RESEND_SECONDS = 0
    sms.outbox.clear()
    near = station(county.town_a, "城关快递驿站", keepers=[stan], spans=ALWAYS,
                   latitude="34.200000", longitude="119.575000")  # fmt: skip
    station(county.town_b, "水坪远处驿站", spans=ALWAYS, latitude="34.300000",
            longitude="119.575000")  # fmt: skip
    station(county.town_a, "城关夜间闭站驿站", spans=[], latitude="34.200100",
            longitude="119.575000")  # fmt: skip
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        phone.context.grant_permissions(["geolocation"], origin=live_server.url)
        phone.context.set_geolocation({"latitude": 34.2005, "longitude": 119.5752})
        phone.goto(live_server.url + reverse("stations_portal:finder"))
        with phone.expect_navigation():
            phone.tap("#locate")
        assert "lat=34.2005" in phone.url
        cards = phone.locator(".station-card")
        first = cards.first
        assert first.locator(".station-name").inner_text() == "城关快递驿站"
        assert first.get_attribute("data-open") == "1"
        assert "米" in first.locator(".station-distance").inner_text()
        # the closed one, though nearer than the far open one, comes last
        assert cards.last.locator(".station-name").inner_text() == "城关夜间闭站驿站"
        first.tap()
        phone.wait_for_selector("#go-amap")
        assert "uri.amap.com" in phone.get_attribute("#go-amap", "href")
        assert "coord_type=bd09ll" in phone.get_attribute("#go-baidu", "href")
        phone.tap("#scan-in")
        # scanning needs the worker's phone: sign in with the texted code
        phone.wait_for_selector("#send-code")
        phone.fill("#id_phone", COURIER_PHONE)
        phone.click("#send-code")
        phone.wait_for_selector("#id_code")
        code = re.search(r"\d{6}", [m.text for m in sms.outbox if m.phone == COURIER_PHONE][-1])
        phone.fill("#id_code", code.group())
        with phone.expect_navigation():
            phone.click("#verify-code")
        phone.wait_for_selector("#scan-form")
        phone.check("input[name=occupation][value=courier]")
        with phone.expect_navigation():
            phone.tap("#scan-submit")
        assert "已登记到站" in phone.inner_text("main")
        assert Visit.objects.filter(station=near, source="scan", occupation="courier").count() == 1

        browser = phone.context.browser
        keeper = sign_in_staff(browser, live_server, "stan")
        assert keeper.url.endswith(reverse("stations:station_list"))
        keeper.click(f'#station-table tr[data-station="{near.pk}"] a')
        keeper.wait_for_selector("#visits-panel")
        assert keeper.locator('#visit-table tr[data-source="scan"]').count() == 1
        assert keeper.inner_text("#today-scans") == "1"

        county_page = sign_in_staff(browser, live_server, "alice")
        county_page.goto(live_server.url + reverse("reports:dashboard"))
        visits = county_page.locator('#stations-figures [data-figure="station_visits"]')
        assert visits.get_attribute("data-value") == "1"
        people = county_page.locator('#stations-figures [data-figure="station_visitors"]')
        assert people.get_attribute("data-value") == "1"
