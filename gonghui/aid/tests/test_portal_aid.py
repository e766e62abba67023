"""The worker's aid pages (/m/aid/): eligibility, apply, upload, withdraw, follow the review, and
the money received — only ever the records of members with the worker's own phone."""

import datetime
import re
import struct
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.aid.choices import AidStatus, Channel, Eligibility, HardshipStatus
from gonghui.aid.models import AidApplication, Document, HardshipFile, Payment
from gonghui.aid.programmes import applications
from gonghui.aid.tests.conftest import make_programme
from gonghui.core import sms
from gonghui.registry.choices import EmploymentForm

pytestmark = pytest.mark.django_db

MEMBER_A_PHONE = "13812345678"  # member_a 张甲明 (gonghui/conftest.py)
STRANGER_PHONE = "13700002222"  # no membership at all
ADMISSION = "录取通知书"


def png_bytes() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def png_upload(name="通知书.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    sms.outbox.clear()
    yield tmp_path
    sms.outbox.clear()


def sign_in(client, phone: str) -> None:
    """Through the views, as a phone does: number, then the texted code."""
    response = client.post(reverse("portal:signin"), {"phone": phone})
    assert response.status_code == 302
    code = re.search(r"\d{6}", sms.outbox[-1].text).group()
    response = client.post(reverse("portal:signin_code"), {"code": code})
    assert response.status_code == 302


@pytest.fixture
def worker(client, county):
    """A client signed in with member_a's phone."""
    sign_in(client, MEMBER_A_PHONE)
    return client


@pytest.fixture
def study(county):
    """金秋助学 for any member, one required document."""
    return make_programme(county, required_documents=ADMISSION)


def apply_for(member, programme, amount="1500.00"):
    return applications.apply(
        programme=programme,
        member=member,
        amount_requested=Decimal(amount),
        beneficiary="张小明 县一中",
        payee_name=member.name,
        bank_name="农商银行",
        bank_account="6222020200001234567",
    )


def form_data(member, **overrides):
    data = {
        "member": member.pk,
        "amount_requested": "1500.00",
        "beneficiary": "张小明 县一中",
        "reason_text": "孩子考上大学，家中困难",
        "payee_name": "张甲明",
        "bank_name": "农商银行",
        "bank_account": "6222 0202 0000 1234 567",
    }
    data.update(overrides)
    return data


def text(response) -> str:
    return response.content.decode()


# --- sign-in and the portal home -----------------------------------------------------------


def test_pages_ask_for_the_phone_first(client, county, study):
    response = client.get(reverse("aid_portal:home"))
    assert response.status_code == 302 and reverse("portal:signin") in response["Location"]
    response = client.get(reverse("aid_portal:apply", args=[study.pk]))
    assert response.status_code == 302 and reverse("portal:signin") in response["Location"]


def test_portal_home_links_to_aid(worker):
    response = worker.get(reverse("portal:home"))
    assert 'id="aid-home"' in text(response) and reverse("aid_portal:home") in text(response)


# --- eligibility ---------------------------------------------------------------------------


def test_home_lists_open_programmes_and_says_why_not(worker, county, study):
    today = datetime.date.today()
    filed_only = make_programme(county, name="医疗救助", eligibility=Eligibility.FILED)
    couriers = make_programme(county, name="骑手关爱", eligibility=Eligibility.NEW_FORM)
    closed = make_programme(
        county, name="去年助学", opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=1),
    )  # fmt: skip
    elsewhere = make_programme(county, name="水坪镇助学", organisation=county.town_b)

    body = text(worker.get(reverse("aid_portal:home")))
    assert f'id="apply-{study.pk}"' in body
    assert "每人最高 2000.00 元" in body
    assert f'id="apply-{filed_only.pk}"' not in body and "本项目只面向建档困难职工" in body
    assert f'id="apply-{couriers.pk}"' not in body and "新就业形态劳动者" in body
    assert "去年助学" not in body and f"apply-{closed.pk}" not in body
    assert "水坪镇助学" not in body and f"apply-{elsewhere.pk}" not in body


def test_filed_household_and_new_form_worker_may_apply(worker, county):
    filed_only = make_programme(county, name="医疗救助", eligibility=Eligibility.FILED)
    couriers = make_programme(county, name="骑手关爱", eligibility=Eligibility.NEW_FORM)
    HardshipFile.objects.create(
        union=county.union_a, member=county.member_a, causes="illness", household_size=3,
        monthly_income=Decimal("1500.00"), income_per_head=Decimal("500.00"),
        local_line=Decimal("800.00"), status=HardshipStatus.FILED, filed_on=datetime.date.today(),
    )  # fmt: skip
    county.member_a.employment_form = EmploymentForm.COURIER
    county.member_a.save(update_fields=["employment_form"])
    body = text(worker.get(reverse("aid_portal:home")))
    assert f'id="apply-{filed_only.pk}"' in body and f'id="apply-{couriers.pk}"' in body


def test_already_applied_is_shown_and_not_offered_again(worker, county, study):
    apply_for(county.member_a, study)
    body = text(worker.get(reverse("aid_portal:home")))
    assert f'id="apply-{study.pk}"' not in body and "已有本项目的申请在办理中" in body
    response = worker.get(reverse("aid_portal:apply", args=[study.pk]))
    assert 'id="not-eligible"' in text(response) and 'id="apply-form"' not in text(response)


def test_a_phone_without_membership_is_told_so(client, county, study):
    sign_in(client, STRANGER_PHONE)
    body = text(client.get(reverse("aid_portal:home")))
    assert 'id="no-programmes"' in body and "没有在会会籍" in body
    assert client.get(reverse("aid_portal:apply", args=[study.pk])).status_code == 404


def test_a_programme_not_offered_to_the_worker_is_404(worker, county):
    elsewhere = make_programme(county, name="水坪镇助学", organisation=county.town_b)
    assert worker.get(reverse("aid_portal:apply", args=[elsewhere.pk])).status_code == 404
    assert worker.post(reverse("aid_portal:apply", args=[elsewhere.pk]), {}).status_code == 404
    assert not AidApplication.objects.exists()


def test_an_ineligible_worker_cannot_post_an_application(worker, county):
    filed_only = make_programme(county, name="医疗救助", eligibility=Eligibility.FILED)
    url = reverse("aid_portal:apply", args=[filed_only.pk])
    response = worker.post(url, form_data(county.member_a))
    assert response.status_code == 200 and "本项目只面向建档困难职工" in text(response)
    assert not AidApplication.objects.exists()


# --- apply, upload, withdraw ---------------------------------------------------------------


def test_apply_then_upload_the_required_document(worker, county, study):
    url = reverse("aid_portal:apply", args=[study.pk])
    page = text(worker.get(url))
    assert "每人最高 2000.00 元" in page and ADMISSION in page
    assert "受助子女姓名及就读学校" in page  # a study grant asks for the child and the school

    response = worker.post(url, form_data(county.member_a))
    application = AidApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("aid_portal:application", args=[application.pk])
    assert application.member == county.member_a and application.union == county.union_a
    assert application.channel == Channel.PORTAL and application.created_by is None
    assert application.status == AidStatus.AWAITING_UNION
    assert application.amount_requested == Decimal("1500.00")
    assert application.bank_account == "62220202000012345 67".replace(" ", "")
    assert application.bank_account_masked == "6222****4567"

    page = text(worker.get(response["Location"]))
    assert 'accept="image/*,.pdf"' in page and f'data-kind="{ADMISSION}"' in page
    assert "请您上传：录取通知书" in page
    assert "6222020200001234567" not in page and "6222****4567" in page

    upload_url = reverse("aid_portal:upload", args=[application.pk])
    response = worker.post(upload_url, {"kind": ADMISSION, "upload": png_upload()}, follow=True)
    document = Document.objects.get()
    assert document.application == application and document.kind == ADMISSION
    assert document.uploaded_by is None and document.content_type == "image/png"
    page = text(response)
    assert "已上传：通知书.png" in page and "材料已上传" in page

    download = worker.get(reverse("aid_portal:document_download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes()
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_bad_input_gets_a_clear_message_and_changes_nothing(worker, county, study):
    url = reverse("aid_portal:apply", args=[study.pk])
    response = worker.post(url, form_data(county.member_a, amount_requested="2500.00"))
    assert response.status_code == 200 and "2000" in text(response)
    assert 'id="id_amount_requested_error"' in text(response)
    response = worker.post(url, form_data(county.member_a, amount_requested="abc"))
    assert 'id="id_amount_requested_error"' in text(response)
    response = worker.post(url, form_data(county.member_a, bank_account=""))
    assert 'id="id_bank_account_error"' in text(response)
    assert not AidApplication.objects.exists()

    application = apply_for(county.member_a, study)
    upload_url = reverse("aid_portal:upload", args=[application.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("通知书.pdf", b"<html><script>x</script></html>")
    response = worker.post(upload_url, {"kind": ADMISSION, "upload": fake}, follow=True)
    assert "通知书.pdf" in text(response) and "不是 JPG、PNG 或 PDF" in text(response)
    response = worker.post(upload_url, {"kind": ADMISSION}, follow=True)
    assert "请选择要上传的文件" in text(response)
    response = worker.post(upload_url, {"kind": "户口本", "upload": png_upload()}, follow=True)
    assert "不在本项目所需材料之列" in text(response)
    assert not Document.objects.exists()


def test_delete_a_document_while_awaiting_the_union(worker, county, study):
    application = apply_for(county.member_a, study)
    worker.post(
        reverse("aid_portal:upload", args=[application.pk]),
        {"kind": ADMISSION, "upload": png_upload()},
    )
    document = Document.objects.get()
    response = worker.post(reverse("aid_portal:document_delete", args=[document.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("aid_portal:application", args=[application.pk])
    assert not Document.objects.exists()
    assert worker.get(reverse("aid_portal:document_delete", args=[1])).status_code == 405


def test_withdraw_before_approval(worker, county, study):
    application = apply_for(county.member_a, study)
    page = text(worker.get(reverse("aid_portal:application", args=[application.pk])))
    assert 'id="withdraw"' in page
    response = worker.post(reverse("aid_portal:withdraw", args=[application.pk]), follow=True)
    application.refresh_from_db()
    assert application.status == AidStatus.WITHDRAWN
    assert "申请已撤回" in text(response) and 'id="withdraw"' not in text(response)
    # Withdrawn: the programme is offered again.
    body = text(worker.get(reverse("aid_portal:home")))
    assert f'id="apply-{study.pk}"' in body


# --- only one's own ------------------------------------------------------------------------


def test_another_phones_records_are_404(worker, county, study):
    theirs = apply_for(county.member_b, study)
    document = Document.objects.create(
        application=theirs, kind=ADMISSION, upload="aid/x", original_name="x.png",
        content_type="image/png", size=1, sha256="0" * 64,
    )  # fmt: skip
    for name, pk in [
        ("aid_portal:application", theirs.pk),
        ("aid_portal:document_download", document.pk),
    ]:
        assert worker.get(reverse(name, args=[pk])).status_code == 404, name
    for name, pk in [
        ("aid_portal:upload", theirs.pk),
        ("aid_portal:withdraw", theirs.pk),
        ("aid_portal:document_delete", document.pk),
    ]:
        assert worker.post(reverse(name, args=[pk])).status_code == 404, name
    theirs.refresh_from_db()
    assert theirs.status == AidStatus.AWAITING_UNION and Document.objects.count() == 1
    body = text(worker.get(reverse("aid_portal:home")))
    assert f'data-application="{theirs.pk}"' not in body and "李乙华" not in body


def test_staff_login_is_not_a_worker(client, county, alice, study):
    """A staff session proves no phone: the portal still asks for one."""
    client.force_login(alice)
    response = client.get(reverse("aid_portal:home"))
    assert response.status_code == 302 and reverse("portal:signin") in response["Location"]


# --- following the review ------------------------------------------------------------------


def attach_admission(application):
    from gonghui.aid.documents.services import attach_document

    return attach_document(actor=None, owner=application, kind=ADMISSION, upload=png_upload())


def test_refusal_reason_is_shown_to_the_worker(worker, county, study, dora):
    application = apply_for(county.member_a, study)
    applications.refuse(actor=dora, application=application, reason="非本人子女，不符合条件")
    home = text(worker.get(reverse("aid_portal:home")))
    assert "非本人子女，不符合条件" in home and 'data-status="refused"' in home
    page = text(worker.get(reverse("aid_portal:application", args=[application.pk])))
    assert 'id="refusal-reason"' in page and "非本人子女，不符合条件" in page
    assert 'id="withdraw"' not in page and 'id="upload-form-1"' not in page


def test_the_deciding_level_is_shown_not_the_reviewers(worker, county, study, dora, erin):
    application = apply_for(county.member_a, study)
    attach_admission(application)
    applications.submit(actor=dora, application=application)
    page = text(worker.get(reverse("aid_portal:application", args=[application.pk])))
    assert 'data-status="reviewing"' in page and "正在由测试县总工会审核" in page
    assert 'id="upload-form-1"' not in page  # sent on: documents are fixed now
    assert 'id="withdraw"' in page  # still before a decision
    assert "正在由测试县总工会审核" in text(worker.get(reverse("aid_portal:home")))

    applications.approve_step(actor=erin, application=application, amount=Decimal("1200.00"))
    application.refresh_from_db()
    page = text(worker.get(reverse("aid_portal:application", args=[application.pk])))
    assert 'data-status="approved"' in page and "1200.00" in page
    assert f"{application.notice_ends_on:%Y-%m-%d}" in page and 'id="notice-ends-on"' in page
    for name in ("周艾琳", "孙朵拉", "erin", "dora"):  # reviewers and the clerk stay unnamed
        assert name not in page
    assert 'id="withdraw"' not in page
    response = worker.post(reverse("aid_portal:withdraw", args=[application.pk]), follow=True)
    assert "不能撤回" in text(response)
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED


# --- money received ------------------------------------------------------------------------


@pytest.fixture
def approved(county, study, dora, erin):
    """member_a's approved study grant, its public notice over (moved into the past directly:
    the days passing are not under test)."""
    application = apply_for(county.member_a, study, amount="2000.00")
    attach_admission(application)
    applications.submit(actor=dora, application=application)
    applications.approve_step(actor=erin, application=application)
    AidApplication.objects.filter(pk=application.pk).update(
        notice_ends_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    return application


def test_a_batch_line_counts_as_received_only_once_settled(worker, county, approved, alice):
    from gonghui.aid.payments import services as payments

    batch = payments.create_batch(actor=alice, programme=approved.programme)
    assert Payment.objects.filter(application=approved).count() == 1
    home = text(worker.get(reverse("aid_portal:home")))
    assert 'id="no-payments"' in home and 'id="aid-paid-total"' not in home

    payments.export_batch(actor=alice, batch=batch)
    home = text(worker.get(reverse("aid_portal:home")))
    assert 'id="no-payments"' in home  # sent to the bank is not received

    payments.settle_batch(
        actor=alice, batch=batch, settled_on=datetime.date.today(), bank_reference="HX001"
    )
    home = text(worker.get(reverse("aid_portal:home")))
    assert re.search(r'id="aid-paid-total">2000\.00<', home)
    assert "金秋助学" in home and f"{datetime.date.today():%Y-%m-%d}" in home
    page = text(worker.get(reverse("aid_portal:application", args=[approved.pk])))
    assert 'id="paid-total">2000.00' in page


def test_a_failed_transfer_is_not_received(worker, county, approved, alice):
    from gonghui.aid.payments import services as payments

    batch = payments.create_batch(actor=alice, programme=approved.programme)
    payments.export_batch(actor=alice, batch=batch)
    line = Payment.objects.get(application=approved)
    payments.settle_batch(
        actor=alice, batch=batch, settled_on=datetime.date.today(), bank_reference="HX002",
        failed_payment_ids=[line.pk],
    )  # fmt: skip
    home = text(worker.get(reverse("aid_portal:home")))
    assert 'id="no-payments"' in home and 'id="aid-paid-total"' not in home


def test_a_direct_payment_is_received_and_others_are_not_shown(worker, county, approved, alice):
    from gonghui.aid.payments import services as payments

    payments.pay(actor=alice, application=approved, amount=Decimal("500.00"))
    # Another phone's money never shows here.
    theirs = apply_for(county.member_b, approved.programme, amount="800.00")
    AidApplication.objects.filter(pk=theirs.pk).update(
        status=AidStatus.APPROVED, amount_approved=Decimal("800.00"),
        approved_on=datetime.date.today(), notice_ends_on=datetime.date.today(),
    )  # fmt: skip
    Payment.objects.create(
        programme=approved.programme, application=theirs, amount=Decimal("800.00"),
        created_by=alice,
    )  # fmt: skip
    home = text(worker.get(reverse("aid_portal:home")))
    assert re.search(r'id="aid-paid-total">500\.00<', home) and "800.00" not in home


def test_two_members_on_one_phone_choose_whose_application(worker, county, study):
    """A couple sharing a phone: the worker picks which membership applies; a member of another
    phone is not a choice."""
    from gonghui.core.validators import resident_id_check_char
    from gonghui.registry.services import create_member

    first17 = "42032419920611002"
    spouse = create_member(
        actor=None, name="王甲芳", id_number=first17 + resident_id_check_char(first17),
        phone=MEMBER_A_PHONE, union=county.union_b, employer=county.employer_b,
        joined_on=datetime.date(2024, 1, 1),
    )  # fmt: skip
    url = reverse("aid_portal:apply", args=[study.pk])
    page = text(worker.get(url))
    assert 'name="member"' in page and "甲机械厂工会" in page and "乙茶叶公司工会" in page

    response = worker.post(url, form_data(county.member_b))  # not under this phone
    assert response.status_code == 200 and 'id="id_member_error"' in text(response)
    assert not AidApplication.objects.exists()

    worker.post(url, form_data(spouse, payee_name="王甲芳"))
    application = AidApplication.objects.get()
    assert application.member == spouse and application.union == county.union_b
