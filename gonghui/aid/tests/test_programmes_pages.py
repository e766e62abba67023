"""Programme, application and notice pages: who sees what, the forms and their messages, the
whole path on the pages (apply, upload, submit, approve, notice), and the public notice."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.aid.choices import AidStatus
from gonghui.aid.models import AidApplication, Payment, Programme, ProgrammeKind
from gonghui.aid.programmes import applications
from gonghui.aid.tests.conftest import make_programme
from gonghui.aid.tests.programme_helpers import submitted
from gonghui.aid.tests.url_cases_hardship import PNG

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
CLEAR_ID, CLEAR_PHONE = "420324199003071231", "13812345678"


def page(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


# ---------------------------------------------------------------------------------------------
# Programmes
# ---------------------------------------------------------------------------------------------


def test_programme_list_scoped(client, county, alice, charlie, programme):
    town_a = make_programme(county, organisation=county.town_a, name="城关镇医疗救助")
    body = text(page(client, alice, "aid:programme_list"))
    assert "金秋助学" in body and "城关镇医疗救助" in body
    body = text(page(client, charlie, "aid:programme_list"))
    assert "金秋助学" in body and "城关镇医疗救助" not in body  # the county's, not town A's
    assert page(client, charlie, "aid:programme_detail", town_a.pk).status_code == 404


def test_lawyers_and_station_keepers_see_nothing(client, county, lena, stan, programme):
    for user in (lena, stan):
        for name in ("aid:programme_list", "aid:application_list", "aid:notice_list"):
            assert page(client, user, name).status_code == 403
        assert page(client, user, "aid:programme_detail", programme.pk).status_code in (403, 404)
        assert page(client, user, "aid:kind_list").status_code == 403
        assert page(client, user, "aid:application_add").status_code == 403


def test_programme_detail_budget_and_counts(client, county, alice, charlie, dora, programme):
    application = applications.apply(
        programme=programme, member=county.member_a, amount_requested=Decimal("800"), actor=dora
    )
    application.status = AidStatus.APPROVED
    application.amount_approved = Decimal("800")
    application.save()
    Payment.objects.create(
        programme=programme, application=application, amount=Decimal("800"), created_by=alice
    )
    response = page(client, alice, "aid:programme_detail", programme.pk)
    assert response.context["committed"] == Decimal("800.00")
    assert response.context["paid"] == Decimal("800.00")
    assert response.context["remaining"] == Decimal("9200.00")
    counts = {r["status"]: r["count"] for r in response.context["status_counts"]}
    assert counts["approved"] == 1
    response = page(client, charlie, "aid:programme_detail", programme.pk)
    counts = {r["status"]: r["count"] for r in response.context["status_counts"]}
    assert counts["approved"] == 0  # town A's applications are not town B's to count
    assert not response.context["can_edit"]


def programme_form(county, **overrides) -> dict:
    data = {
        "organisation": county.county.pk,
        "kind": ProgrammeKind.objects.get(code="living").pk,
        "name": "生活救助",
        "year": TODAY.year,
        "eligibility": "filed",
        "budget": "30000",
        "cap": "3000",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "required_documents": "收入证明",
        "review_levels": "2",
        "notice_days": "5",
        "description": "",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_create_and_edit_a_programme(client, county, alice):
    client.force_login(alice)
    response = client.post(reverse("aid:programme_add"), programme_form(county))
    programme = Programme.objects.get(name="生活救助")
    assert response.status_code == 302 and response["Location"] == programme.get_absolute_url()
    assert programme.review_levels == 2 and programme.document_kinds == ["收入证明"]
    data = programme_form(county, cap="2500")
    data.pop("organisation")
    response = client.post(reverse("aid:programme_edit", args=[programme.pk]), data)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.cap == Decimal("2500.00")


def test_programme_form_shows_the_services_messages(client, county, alice):
    client.force_login(alice)
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    data = programme_form(county, closes_on=yesterday)
    response = client.post(reverse("aid:programme_add"), data)
    assert response.status_code == 200
    assert "申请截止日期不能早于申请开始日期" in text(response)
    assert not Programme.objects.exists()


def test_only_editors_of_the_organisation_edit(client, county, bob, erin, programme):
    assert page(client, bob, "aid:programme_edit", programme.pk).status_code == 403
    assert page(client, erin, "aid:programme_add").status_code == 403
    client.force_login(bob)
    response = client.post(reverse("aid:programme_add"), programme_form(county))
    assert response.status_code == 200 and not Programme.objects.filter(name="生活救助").exists()


def test_kinds_page(client, county, alice, bob):
    assert "金秋助学" in text(page(client, bob, "aid:kind_list"))
    client.force_login(bob)
    assert client.post(reverse("aid:kind_list"), {"code": "x", "name": "y"}).status_code == 403
    client.force_login(alice)
    response = client.post(reverse("aid:kind_list"), {"code": "flood", "name": "洪灾救助"})
    assert response.status_code == 302 and ProgrammeKind.objects.filter(code="flood").exists()
    response = client.post(reverse("aid:kind_list"), {"code": "flood2", "name": "洪灾救助"})
    assert "已有同名的项目类别" in text(response)


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


def test_a_clerk_applies_for_a_worker(client, county, dora, charlie, programme):
    response = page(client, dora, "aid:application_add", q="张甲")
    assert f"?member={county.member_a.pk}" in text(response)
    assert page(client, charlie, "aid:application_add", q="张甲").context["found"].count() == 0
    response = page(client, charlie, "aid:application_add", member=county.member_a.pk)
    assert response.status_code == 404
    client.force_login(dora)
    data = {
        "member": county.member_a.pk,
        "programme": programme.pk,
        "amount_requested": "2500",
        "bank_account": "6222021234567890",
    }
    response = client.post(reverse("aid:application_add"), data)
    assert response.status_code == 200 and "上限 2000.00" in text(response)
    assert not AidApplication.objects.exists()
    data["amount_requested"] = "1500"
    response = client.post(reverse("aid:application_add"), data)
    application = AidApplication.objects.get()
    assert response["Location"] == application.get_absolute_url()
    assert application.created_by == dora and application.bank_account_masked == "6222****7890"


def test_the_whole_path_on_the_pages(client, county, dora, erin, settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    programme = make_programme(county, required_documents="录取通知书")
    application = applications.apply(
        programme=programme, member=county.member_a, amount_requested=Decimal("2000")
    )
    client.force_login(dora)
    detail = reverse("aid:application_detail", args=[application.pk])
    response = client.get(detail)
    assert response.context["may_submit"] and response.context["missing"] == ["录取通知书"]
    assert CLEAR_ID not in text(response) and CLEAR_PHONE not in text(response)
    # Submitting without the document is refused with the reason.
    response = client.post(reverse("aid:application_submit", args=[application.pk]), follow=True)
    assert any("缺少所需材料：录取通知书" in m for m in messages_of(response))
    upload = SimpleUploadedFile("通知书.png", PNG, content_type="image/png")
    client.post(
        reverse("aid:application_upload", args=[application.pk]),
        {"kind": "录取通知书", "upload": upload},
    )
    assert application.documents.filter(kind="录取通知书").exists()
    client.post(reverse("aid:application_submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == AidStatus.REVIEWING and application.submitted_by == dora
    assert not client.get(detail).context["may_decide"]  # dora sent it on
    client.force_login(erin)
    response = client.get(reverse("aid:application_list"), {"mine": "true"})
    assert [a.pk for a in response.context["objects"]] == [application.pk]
    assert client.get(detail).context["may_decide"]
    client.post(
        reverse("aid:application_approve", args=[application.pk]),
        {"amount": "1800", "comment": "同意"},
    )
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED
    assert application.amount_approved == Decimal("1800.00")
    body = text(client.get(reverse("aid:notice_list")))
    assert "张*明" in body and "张甲明" not in body and "1800.00" in body


def test_refuse_on_the_page_needs_a_reason(client, county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    client.force_login(erin)
    url = reverse("aid:application_refuse", args=[application.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert any("请填写未通过的原因" in m for m in messages_of(response))
    client.post(url, {"reason": "收入超标"})
    application.refresh_from_db()
    assert application.status == AidStatus.REFUSED and application.refusal_reason == "收入超标"
    assert "收入超标" in text(client.get(application.get_absolute_url()))


def test_the_submitter_gets_no_decision_buttons(client, county, bob, frank):
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=bob)
    response = page(client, bob, "aid:application_detail", application.pk)
    assert not response.context["may_decide"] and 'id="approve"' not in text(response)
    client.post(reverse("aid:application_approve", args=[application.pk]), {})
    application.refresh_from_db()
    assert application.steps.filter(status="waiting").count() == 2
    assert page(client, frank, "aid:application_detail", application.pk).context["may_decide"]


def test_application_list_scoped_and_filtered(client, county, alice, charlie, dora, programme):
    applications.apply(
        programme=programme, member=county.member_a, amount_requested=Decimal("500"), actor=dora
    )
    assert len(page(client, alice, "aid:application_list").context["objects"]) == 1
    body = text(page(client, charlie, "aid:application_list"))
    assert "张甲明" not in body
    response = page(client, alice, "aid:application_list", status="approved")
    assert len(response.context["objects"]) == 0


# ---------------------------------------------------------------------------------------------
# The public notice
# ---------------------------------------------------------------------------------------------


def test_public_notice_masks_names_without_a_login(client, county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application, amount=Decimal("1000"))
    response = client.get(reverse("aid:notice_public"))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = text(response)
    assert "张*明" in body and "甲机械厂工会" in body and "1000.00" in body
    for secret in ("张甲明", county.member_a.id_masked, CLEAR_ID, CLEAR_PHONE, "6222"):
        assert secret not in body
    response = client.get(reverse("aid:notice_public"), {"programme": "x"})
    assert response.status_code == 200
    AidApplication.objects.update(notice_ends_on=TODAY - datetime.timedelta(days=1))
    assert "张*明" not in text(client.get(reverse("aid:notice_public")))


def test_public_notice_names_only_a_programme_in_notice(client, county, dora, erin, programme):
    other = make_programme(county, name="未公示的项目")
    url = reverse("aid:notice_public")
    assert client.get(url, {"programme": programme.pk}).status_code == 404
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application, amount=Decimal("1000"))
    response = client.get(url, {"programme": programme.pk})
    assert response.status_code == 200 and "张*明" in text(response)
    assert client.get(url, {"programme": other.pk}).status_code == 404
    assert client.get(url, {"programme": 999999}).status_code == 404
    AidApplication.objects.update(notice_ends_on=TODAY - datetime.timedelta(days=1))
    assert client.get(url, {"programme": programme.pk}).status_code == 404


def test_staff_notice_is_scoped(client, county, dora, erin, charlie, programme):
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application)
    body = text(page(client, charlie, "aid:notice_list"))
    assert "张*明" not in body and "甲机械厂" not in body
