"""Points inside 甲机械厂 from the worker's phone to the county's dashboard.

张甲明 snaps a safety hazard (安全随手拍) on the phone with a photo; the union's clerk approves
the points; the clerk puts a reward in the catalogue; the worker redeems it on the phone; the
clerk hands it out and the worker's signature is recorded; the month's leaderboard ranks the
worker first and the county's dashboard counts the points awarded and redeemed.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.tests.test_browser_aid import (
    PHONE,
    PHONE_UA,
    desktop_page,
    empty_outbox,  # noqa: F401 - the autouse fixture of the phone sign-in
    phone_sign_in,
)
from gonghui.workforce.models import PointsClaim, Redemption
from gonghui.workforce.tests.points_helpers import PNG, make_rule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MEMBER_A_PHONE = "13812345678"


def post_and_wait(page, selector):
    with page.expect_navigation():
        page.click(selector)


def snap_on_the_phone(phone, live_server):
    phone.goto(live_server.url + reverse("portal:home"))
    phone_sign_in(phone, MEMBER_A_PHONE)
    phone.wait_for_url("**/m/")
    with phone.expect_navigation():
        phone.tap("#workforce-points")
    with phone.expect_navigation():
        phone.tap("#claim-points")
    phone.fill("#id_description", "二号车间消防通道堆放纸箱")
    phone.set_input_files("#id_upload", files=[
        {"name": "隐患.png", "mimeType": "image/png", "buffer": PNG}
    ])  # fmt: skip
    post_and_wait(phone, "#submit-claim")
    assert "待审核" in phone.inner_text("#my-claims")


def add_reward(dora, live_server, county):
    dora.goto(live_server.url + reverse("workforce:reward_add"))
    dora.click("#id_union")  # the organisation picker: type part of the name, pick by keyboard
    dora.keyboard.type(county.union_a.name[:3])
    dora.wait_for_selector(f"#id_union-list li[role=option]:has-text('{county.union_a.name}')")
    dora.keyboard.press("ArrowDown")
    dora.keyboard.press("Enter")
    assert dora.input_value("input[name=union]") == str(county.union_a.pk)
    dora.fill("#id_name", "保温杯")
    dora.fill("#id_points", "10")
    dora.fill("#id_stock", "5")
    post_and_wait(dora, ".page-body form button[type=submit]")


def test_snap_approve_redeem_hand_out(live_server, county, settings, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"
    make_user("dora", Role.CLERK, county.union_a, "孙朵拉")
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    make_rule(county, points=10)
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        snap_on_the_phone(phone, live_server)
        claim = PointsClaim.objects.get()
        assert claim.evidence.count() == 1

        dora = desktop_page(phone, live_server, "dora")
        dora.goto(live_server.url + reverse("workforce:points_claim_list") + "?status=pending")
        post_and_wait(dora, f"tr[data-claim='{claim.pk}'] a")
        assert "隐患.png" in dora.inner_text(".page-body")
        post_and_wait(dora, "#approve-form button")
        assert dora.inner_text("#claim-status") == "已通过"
        add_reward(dora, live_server, county)

        phone.reload()
        assert phone.inner_text("#points-balance").startswith("10")
        post_and_wait(phone, "#rewards form button")
        assert "待领取" in phone.inner_text("#my-redemptions")
        assert phone.inner_text("#points-balance").startswith("0")
        phone.screenshot(path=str(ARTIFACTS / "points_portal.png"), full_page=True)

        redemption = Redemption.objects.get()
        dora.goto(live_server.url + reverse("workforce:redemption_list") + "?status=pending")
        post_and_wait(dora, f"tr[data-redemption='{redemption.pk}'] a")
        assert dora.input_value("#hand_signed_by") == "张甲明"
        post_and_wait(dora, "#hand-out-form button")
        assert dora.inner_text("#redemption-status") == "已发放"
        assert "孙朵拉" in dora.inner_text("#handed-by")

        dora.goto(live_server.url + reverse("workforce:points_leaderboard"))
        first = dora.inner_text("#leaderboard tr[data-rank='1']")
        assert "张甲明" in first and "10" in first
        dora.screenshot(path=str(ARTIFACTS / "points_leaderboard.png"), full_page=True)

        alice = desktop_page(phone, live_server, "alice")
        alice.goto(live_server.url + reverse("reports:dashboard"))
        figures = alice.locator("#workforce-points-figures")
        for key in ("points_awarded", "points_redeemed"):
            card = figures.locator(f'[data-figure="{key}"]')
            assert card.get_attribute("data-value") == "10", key
        alice.screenshot(path=str(ARTIFACTS / "points_dashboard.png"), full_page=True)
