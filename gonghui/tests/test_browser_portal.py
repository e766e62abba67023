"""The worker portal on a phone, in a real browser, with the union's clerk on a desktop beside it.

A courier scans a union's join link, signs in with the code sent by text message, applies, the
union's clerk approves, and the courier signs in again and shows the member card with its QR code.
A member asks on the phone to transfer to another union, that union's clerk approves, and both
unions see the right history on the member's pages.
"""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.core import sms
from gonghui.portal.links import join_code
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Application, Member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

PHONE = {"width": 390, "height": 844}
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
)
COURIER_PHONE = "13700001111"
COURIER_ID = "420324199508150015"
MEMBER_A_PHONE = "13812345678"  # member_a 张甲明 (gonghui/conftest.py)


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def texts_to(phone: str) -> list[str]:
    return [message.text for message in sms.outbox if message.phone == phone]


def phone_sign_in(page, phone: str) -> None:
    """On the sign-in page: ask for a code, read it from the console SMS backend, type it."""
    page.wait_for_selector("#send-code")
    page.fill("#id_phone", phone)
    sent = len(texts_to(phone))
    page.click("#send-code")
    page.wait_for_selector("#id_code")
    texts = texts_to(phone)
    assert len(texts) == sent + 1, texts
    code = re.search(r"\d{6}", texts[-1]).group()
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.click("#verify-code")


def desktop_page(phone_page, live_server, username: str):
    """A second person at a desk: a new browser context (own cookies), logged in as staff."""
    context = phone_page.context.browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    return page


def approve_in_queue(page, live_server, application: Application) -> None:
    page.goto(live_server.url + reverse("registry:application_list"))
    row = page.locator(f'#application-table tr[data-application="{application.pk}"]')
    assert application.name in row.inner_text()
    row.locator("a").first.click()
    page.wait_for_url(f"**/applications/{application.pk}/")
    with page.expect_navigation():
        page.click("#approve")
    assert "已通过" in page.inner_text("#decision")


def pick_employer(page, text: str, name: str) -> None:
    """The htmx employer picker: type, wait for the results, tap one."""
    page.fill("#id_employer_q", text)
    option = page.locator(".employer-option", has_text=name)
    option.wait_for()
    option.tap()
    page.wait_for_selector("#employer-picked")
    assert name in page.inner_text("#employer-picked")


def application_from_url(page) -> Application:
    pk = int(re.search(r"/m/applications/(\d+)/", page.url).group(1))
    return Application.objects.get(pk=pk)


def test_courier_joins_by_link_and_shows_the_member_card(live_server, county, bob, settings):
    ARTIFACTS.mkdir(exist_ok=True)
    # The courier signs in a second time within a minute; the resend wait is not under test.
    settings.GONGHUI_OTP_RESEND_SECONDS = 0
    join_url = live_server.url + reverse("portal:join", args=[join_code(county.union_a)])
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        # Scanning the poster opens the union's join page; applying starts with the phone number.
        phone.goto(join_url)
        assert phone.inner_text("#union-name") == "甲机械厂工会"
        phone.tap("#join-signin")
        phone_sign_in(phone, COURIER_PHONE)
        # Back on the join link, now as the verified worker: the form.
        phone.wait_for_selector("#join-form")
        assert phone.input_value("#id_phone") == COURIER_PHONE
        phone.fill("#id_name", "周快递")
        phone.fill("#id_id_number", COURIER_ID)
        pick_employer(phone, "甲机械", "甲机械厂")
        phone.select_option("#id_employment_form", "courier")
        phone.check("#id_is_migrant_worker")
        phone.check("#id_consent")
        phone.screenshot(path=str(ARTIFACTS / "portal_join_form.png"), full_page=True)
        with phone.expect_navigation():
            phone.tap("#submit-join")

        status = phone.locator("#application-status")
        assert status.get_attribute("data-status") == "pending"
        assert "待审核" in status.inner_text() and "甲机械厂工会" in status.inner_text()
        application = application_from_url(phone)
        assert application.union == county.union_a and application.employer == county.employer_a
        assert application.employment_form == "courier" and application.is_migrant_worker
        assert application.consent_version

        # The clerk of town A finds it in the queue and approves it.
        desk = desktop_page(phone, live_server, "bob")
        approve_in_queue(desk, live_server, application)
        application.refresh_from_db()
        member = application.result
        assert member is not None and member.status == MemberStatus.ACTIVE
        assert member.card_number in desk.inner_text("#decision")

        # The courier was told by text message.
        notice = texts_to(COURIER_PHONE)[-1]
        assert "已通过" in notice and "甲机械厂工会" in notice and member.card_number in notice

        # Later: signs out, signs in again, and finds the membership and the card.
        phone.goto(live_server.url + reverse("portal:home"))
        phone.tap("#portal-signout")
        phone_sign_in(phone, COURIER_PHONE)
        phone.wait_for_url("**/m/")
        assert "甲机械厂工会" in phone.inner_text("#my-memberships")
        assert "已通过" in phone.inner_text("#my-applications")
        with phone.expect_navigation():
            phone.tap(f"#card-{member.pk}")

        card = phone.locator("#member-card")
        assert card.get_attribute("data-card") == member.card_number
        assert phone.inner_text("#card-number") == member.card_number
        assert phone.inner_text("#card-name") == "周快递"
        assert phone.inner_text("#card-union") == "甲机械厂工会"
        qr = phone.locator("#card-qr svg")
        assert qr.is_visible()
        box = qr.bounding_box()
        assert box["width"] >= 150 and box["width"] <= PHONE["width"]  # scannable, not cropped
        assert COURIER_ID not in phone.content()  # no personal data beyond the name
        phone.screenshot(path=str(ARTIFACTS / "portal_card.png"), full_page=True)


def test_member_transfers_and_both_unions_see_the_history(live_server, county, bob, charlie):
    ARTIFACTS.mkdir(exist_ok=True)
    old = county.member_a
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        # 张甲明 has a new job at 乙茶叶公司 and asks on the phone to move there.
        phone.goto(live_server.url + reverse("portal:home"))
        phone_sign_in(phone, MEMBER_A_PHONE)
        phone.wait_for_url("**/m/")
        assert "甲机械厂工会" in phone.inner_text("#my-memberships")
        phone.tap(f"#transfer-{old.pk}")
        phone.wait_for_url("**/m/transfer/")
        with phone.expect_navigation():
            phone.locator(".union-option", has_text="乙茶叶公司工会").tap()
        assert phone.inner_text("#union-name") == "乙茶叶公司工会"
        pick_employer(phone, "乙茶叶", "乙茶叶公司")
        with phone.expect_navigation():
            phone.tap("#submit-transfer")

        status = phone.locator("#application-status")
        assert status.get_attribute("data-status") == "pending"
        assert "甲机械厂工会" in status.inner_text() and "乙茶叶公司工会" in status.inner_text()
        application = application_from_url(phone)
        assert application.member_id == old.pk and application.from_union == county.union_a

        # The receiving union's clerk (town B) approves it in his queue.
        charlie_desk = desktop_page(phone, live_server, "charlie")
        approve_in_queue(charlie_desk, live_server, application)
        application.refresh_from_db()
        new = application.result
        assert new is not None and new.union == county.union_b
        assert "转入乙茶叶公司工会" in texts_to(MEMBER_A_PHONE)[-1]

        # Charlie opens the new spell from the decision: transferred in from 甲机械厂工会.
        with charlie_desk.expect_navigation():
            charlie_desk.click(f"#decision a:has-text('{new.card_number}')")
        assert charlie_desk.url.endswith(reverse("registry:member_detail", args=[new.pk]))
        history = charlie_desk.locator("#membership-history")
        new_row = history.locator(f'tr[data-spell="{new.pk}"]')
        assert "table-active" in new_row.get_attribute("class")
        assert "在会" in new_row.inner_text()
        assert "转入 ← 甲机械厂工会" in new_row.inner_text()
        old_row = history.locator(f'tr[data-spell="{old.pk}"]')
        assert "已转出 → 乙茶叶公司工会" in old_row.inner_text()
        assert old_row.locator("a").count() == 0  # town A's spell is not charlie's to open
        charlie_desk.screenshot(path=str(ARTIFACTS / "portal_transfer_in.png"), full_page=True)

        # Bob opens the old spell: transferred out to 乙茶叶公司工会, and nothing left to do.
        bob_desk = desktop_page(phone, live_server, "bob")
        bob_desk.goto(live_server.url + reverse("registry:member_detail", args=[old.pk]))
        history = bob_desk.locator("#membership-history")
        old_row = history.locator(f'tr[data-spell="{old.pk}"]')
        assert "table-active" in old_row.get_attribute("class")
        assert "已转出 → 乙茶叶公司工会" in old_row.inner_text()
        assert "转会至乙茶叶公司工会" in old_row.inner_text()
        new_row = history.locator(f'tr[data-spell="{new.pk}"]')
        assert "转入 ← 甲机械厂工会" in new_row.inner_text()
        assert new_row.locator("a").count() == 0  # town B's spell is not bob's to open
        assert bob_desk.locator("#start-transfer").count() == 0
        bob_desk.screenshot(path=str(ARTIFACTS / "portal_transfer_out.png"), full_page=True)

        # Never active twice: the phone now shows the one active spell, in the new union.
        assert Member.objects.filter(id_hash=old.id_hash, status=MemberStatus.ACTIVE).count() == 1
        phone.goto(live_server.url + reverse("portal:home"))
        memberships = phone.inner_text("#my-memberships")
        assert "乙茶叶公司工会" in memberships and "甲机械厂工会" not in memberships
        assert phone.locator(f"#card-{new.pk}").is_visible()
        assert "甲机械厂工会" in phone.inner_text("#membership-history")
