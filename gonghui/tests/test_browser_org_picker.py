"""The organisation picker in a real browser: a clerk types pinyin initials from the middle of a
name, picks with the keyboard and submits; on a phone, picks with a tap."""

from pathlib import Path

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.registry.models import Employer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def sign_in(page, live_server, username, next_url):
    page.goto(live_server.url + next_url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**" + next_url)


def test_pick_by_initials_with_the_keyboard_and_submit(live_server, county, alice, bob):
    ARTIFACTS.mkdir(exist_ok=True)
    with browser_page() as page:
        sign_in(page, live_server, "bob", reverse("registry:employer_add"))
        page.fill("#id_credit_code", "91420324MA4F00002P")
        page.fill("#id_name", "丙物流公司")
        # 城关镇总工会: CGZZGH — "zgh" from its middle.
        page.click("#id_territory")
        page.keyboard.type("zgh")
        page.wait_for_selector("#id_territory-list li[role=option]")
        options = page.inner_text("#id_territory-list")
        assert "城关镇总工会" in options and "测试县总工会 › 城关镇总工会" in options
        assert "水坪镇总工会" not in options  # town B is not bob's to choose
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert page.input_value("#id_territory") == "城关镇总工会"
        assert page.input_value("input[name=territory]") == str(county.town_a.pk)
        # 甲机械厂工会: JJXCGH — "xcgh" from its middle.
        page.click("#id_union")
        page.keyboard.type("xcgh")
        page.wait_for_selector("#id_union-list li[role=option]:has-text('甲机械厂工会')")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert page.input_value("input[name=union]") == str(county.union_a.pk)
        page.select_option("#id_ownership", "non_public")
        page.fill("#id_headcount", "30")
        page.screenshot(path=str(ARTIFACTS / "org_picker.png"), full_page=True)
        with page.expect_navigation():
            page.click(".card-footer button[type=submit]")
        assert "/add/" not in page.url, page.inner_text("form .card-body")
        employer = Employer.objects.get(name="丙物流公司")
        assert employer.territory == county.town_a and employer.union == county.union_a


def test_a_filter_picked_on_a_phone(live_server, county, alice):
    with browser_page(viewport={"width": 390, "height": 844}, is_mobile=True) as page:
        sign_in(page, live_server, "alice", reverse("registry:member_list"))
        page.fill("#id_within", "spz")  # 水坪镇总工会
        item = page.locator("#id_within-list li[role=option]", has_text="水坪镇总工会")
        item.first.tap()
        assert page.input_value("input[name=within]") == str(county.town_b.pk)
        page.click("form[role=search] button[type=submit]")
        page.wait_for_url(f"**within={county.town_b.pk}**")
        body = page.content()
        assert "李乙华" in body and "张甲明" not in body
