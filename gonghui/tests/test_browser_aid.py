"""A study grant (金秋助学) from the phone to the bank and back, in a real browser.

A worker (member of 甲机械厂工会) signs in on the phone with the texted code, applies for the
study grant and photographs the admission letter; the union's clerk checks it and submits it; the
county reviewer approves 2000 yuan; the public notice shows the masked name; after the notice the
county administrator makes the payment batch, downloads the bank's transfer list and enters the
bank's return; the worker sees the 2000.00 yuan received.
"""

import datetime
import io
import re
import struct
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.aid.choices import AidStatus, BatchStatus
from gonghui.aid.models import AidApplication, PaymentBatch, ProgrammeKind
from gonghui.aid.tests.conftest import make_programme
from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD, make_user
from gonghui.core import sms
from gonghui.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

PHONE = {"width": 390, "height": 844}
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
)
MEMBER_A_PHONE = "13812345678"  # member_a 张甲明 (gonghui/conftest.py)
ADMISSION = "录取通知书"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def small_png() -> bytes:
    """A valid 1x1 PNG: the photographed admission letter."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


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
    page.fill("#id_code", re.search(r"\d{6}", texts[-1]).group())
    with page.expect_navigation():
        page.click("#verify-code")


def desktop_page(phone_page, live_server, username: str):
    """Someone at a desk: a new browser context (own cookies), logged in as staff."""
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


def study_grant(county):
    # A transactional test flushes the tables, seeded kinds included: make sure of the kind.
    ProgrammeKind.objects.get_or_create(
        code="autumn_study", defaults={"name": "金秋助学", "builtin": True}
    )
    return make_programme(county, required_documents=ADMISSION)


def apply_on_the_phone(phone, live_server, programme) -> AidApplication:
    phone.goto(live_server.url + reverse("portal:home"))
    phone_sign_in(phone, MEMBER_A_PHONE)
    phone.wait_for_url("**/m/")
    with phone.expect_navigation():
        phone.tap("#aid-home")
    with phone.expect_navigation():
        phone.tap(f"#apply-{programme.pk}")
    assert "每人最高 2000.00 元" in phone.inner_text("#aid-apply")
    assert ADMISSION in phone.inner_text("#required-documents")
    phone.fill("#id_amount_requested", "2000")
    phone.fill("#id_beneficiary", "张小明 县第一中学")
    phone.fill("#id_reason_text", "孩子今年考上高中，家里负担重")
    assert phone.input_value("#id_payee_name") == "张甲明"
    phone.fill("#id_bank_name", "县农商银行")
    phone.fill("#id_bank_account", "6222 0202 0000 1234 567")
    phone.screenshot(path=str(ARTIFACTS / "aid_portal_apply.png"), full_page=True)
    with phone.expect_navigation():
        phone.tap("#submit-apply")
    pk = int(re.search(r"/m/aid/applications/(\d+)/", phone.url).group(1))
    assert phone.get_attribute("#aid-application", "data-status") == "awaiting_union"

    # The admission letter, photographed: the field offers the camera (image/*) or a PDF.
    field = phone.locator("#upload-1")
    assert field.get_attribute("accept") == "image/*,.pdf"
    field.set_input_files(
        files=[{"name": "录取通知书.png", "mimeType": "image/png", "buffer": small_png()}]
    )
    with phone.expect_navigation():
        phone.tap("#upload-submit-1")
    assert "已上传：录取通知书.png" in phone.inner_text("main")
    assert "录取通知书.png" in phone.inner_text(f'[data-kind="{ADMISSION}"]')
    phone.screenshot(path=str(ARTIFACTS / "aid_portal_uploaded.png"), full_page=True)
    return AidApplication.objects.get(pk=pk)


def submit_and_approve(phone, live_server, application) -> None:
    detail = live_server.url + reverse("aid:application_detail", args=[application.pk])
    # The union's clerk checks the document and sends it on.
    dora = desktop_page(phone, live_server, "dora")
    dora.goto(detail)
    assert "录取通知书.png" in dora.inner_text("#documents")
    with dora.expect_navigation():
        dora.click("#submit")
    application.refresh_from_db()
    assert application.status == AidStatus.REVIEWING
    # The county reviewer approves 2000 yuan.
    erin = desktop_page(phone, live_server, "erin")
    erin.goto(detail)
    erin.fill("#id_amount", "2000")
    with erin.expect_navigation():
        erin.click("#approve")
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED
    assert application.amount_approved == Decimal("2000.00")


def check_public_notice(phone, live_server) -> None:
    """The notice needs no login and names the worker only masked."""
    context = phone.context.browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + reverse("aid:notice_public"))
    table = page.inner_text("#notice-table")
    assert "张*明" in table and "2000.00" in table
    assert "张甲明" not in page.content()
    page.screenshot(path=str(ARTIFACTS / "aid_notice_public.png"), full_page=True)
    context.close()


def pay_by_batch(phone, live_server, programme, tmp_path) -> PaymentBatch:
    alice = desktop_page(phone, live_server, "alice")
    alice.goto(live_server.url + reverse("aid:payable_list") + f"?programme={programme.pk}")
    group = alice.locator(f'form[data-programme="{programme.pk}"]')
    assert "张甲明" in group.inner_text()
    with alice.expect_navigation():
        group.locator("button[type=submit]").click()
    batch = PaymentBatch.objects.get(programme=programme)
    assert alice.url.endswith(reverse("aid:batch_detail", args=[batch.pk]))

    # The bank's transfer list: the payee, the account in clear, 2000 yuan.
    with alice.expect_download() as download:
        alice.click("#export")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".xlsx"
    rows = transfer_rows(saved.read_bytes())
    assert len(rows) == 1
    assert "张甲明" in rows[0] and "6222020200001234567" in rows[0] and 2000 in rows[0]

    # The bank's return: everything went through.
    alice.goto(live_server.url + reverse("aid:batch_detail", args=[batch.pk]))
    with alice.expect_navigation():
        alice.click("#settle")
    alice.fill("#id_bank_reference", "NSH20250901")
    with alice.expect_navigation():
        alice.click("button:has-text('确认回单')")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.SETTLED
    return batch


def transfer_rows(content: bytes) -> list[tuple]:
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    return [tuple(row) for row in rows[1:] if any(row)]


def test_study_grant_from_the_phone_to_the_bank(live_server, county, tmp_path, settings):
    ARTIFACTS.mkdir(exist_ok=True)
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"
    make_user("dora", Role.CLERK, county.union_a, "孙朵拉")
    make_user("erin", Role.REVIEWER, county.county, "周艾琳")
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    programme = study_grant(county)

    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        application = apply_on_the_phone(phone, live_server, programme)
        assert application.member == county.member_a and application.channel == "portal"
        assert application.documents.get().kind == ADMISSION

        submit_and_approve(phone, live_server, application)
        # The worker follows it: approved, in public notice; reviewers stay unnamed.
        phone.reload()
        assert phone.get_attribute("#aid-application", "data-status") == "approved"
        assert "2000.00" in phone.inner_text("#amount-approved")
        assert "周艾琳" not in phone.content() and "孙朵拉" not in phone.content()

        check_public_notice(phone, live_server)

        # The notice period passes. Moving its end into the past directly (ORM) simulates the
        # days going by; waiting them out is not what this test is about.
        AidApplication.objects.filter(pk=application.pk).update(
            notice_ends_on=datetime.date.today() - datetime.timedelta(days=1)
        )
        pay_by_batch(phone, live_server, programme, tmp_path)

        # Back on the phone: the money has arrived.
        phone.goto(live_server.url + reverse("aid_portal:home"))
        assert phone.inner_text("#aid-paid-total") == "2000.00"
        assert "金秋助学" in phone.inner_text("#aid-payments")
        assert "已批准" in phone.inner_text("#aid-applications")
        phone.screenshot(path=str(ARTIFACTS / "aid_portal_received.png"), full_page=True)
