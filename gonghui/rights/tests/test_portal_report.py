"""我要维权 in the portal (/m/rights/report/): a worker reports a case from a phone, with their
papers; bad input gets a message naming the field or the file, and nothing is saved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.core import sms
from gonghui.core.models import AuditEntry
from gonghui.rights.choices import CaseAction, CaseChannel, CaseKind, CaseStatus
from gonghui.rights.models import Case, CaseDocument, CaseEvent
from gonghui.rights.tests.portal_helpers import (
    MEMBER_A_PHONE,
    RIDER_PHONE,
    html_upload,
    png_bytes,
    png_upload,
    sign_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    sms.outbox.clear()
    yield tmp_path
    sms.outbox.clear()


@pytest.fixture
def rider(client, county):
    """A delivery rider with no membership, signed in with their phone."""
    sign_in(client, RIDER_PHONE)
    sms.outbox.clear()
    return client


def report_data(county, **overrides):
    data = {
        "kind": CaseKind.WAGES,
        "employer_q": "城关镇快送站点",
        "town": county.town_a.pk,
        "facts": "2025年3月起送餐工资未结，共欠 4,800 元，站长说平台没打款。",
        "amount_claimed": "4800.50",
        "workers_involved": "3",
        "complainant_name": "刘骑手",
        "document_kind": "工资记录或欠条",
    }
    data.update(overrides)
    return data


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def body(response) -> str:
    return response.content.decode()


def test_report_needs_a_signed_in_phone(client, county):
    response = client.get(reverse("rights_portal:report"))
    assert response.status_code == 302 and reverse("portal:signin") in response["Location"]


def test_form_offers_the_towns_and_unpaid_wages_first(rider, county):
    page = body(rider.get(reverse("rights_portal:report")))
    assert page.index("拖欠工资") < page.index("劳动合同")
    assert "城关镇总工会" in page and "水坪镇总工会" in page and "不清楚" in page
    assert 'accept="image/*,.pdf"' in page and "multiple" in page
    assert "137****6666" in page  # the verified number, masked


def test_rider_reports_unpaid_wages_with_a_photo(
    rider, county, private_root, django_capture_on_commit_callbacks
):
    data = report_data(county, documents=[png_upload("欠条.png"), png_upload("聊天.png")])
    with django_capture_on_commit_callbacks(execute=True):
        response = rider.post(reverse("rights_portal:report"), data)

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rights_portal:case", args=[case.pk])
    assert case.union == county.town_a
    assert case.channel == CaseChannel.PORTAL and case.status == CaseStatus.RECEIVED
    assert case.kind == CaseKind.WAGES and case.complainant_name == "刘骑手"
    assert case.employer is None and case.employer_name == "城关镇快送站点"
    assert case.amount_claimed == Decimal("4800.50") and case.workers_involved == 3
    assert case.phone == RIDER_PHONE and case.phone_masked == "137****6666"
    assert case.created_by is None and case.member is None
    documents = list(CaseDocument.objects.filter(case=case).order_by("pk"))
    assert [d.original_name for d in documents] == ["欠条.png", "聊天.png"]
    assert all(d.uploaded_by is None and d.kind == "工资记录或欠条" for d in documents)
    assert documents[0].upload.read() == png_bytes()
    event = CaseEvent.objects.get(case=case)
    assert event.action == CaseAction.RECEIVE and event.actor is None
    assert AuditEntry.objects.filter(object_id=str(case.pk)).exists()
    assert case.number in sms.outbox[-1].text

    page = body(rider.get(response["Location"]))
    assert case.number in page and "已收到您的维权申请" in page


def test_unsure_of_the_town_goes_to_the_county(rider, county):
    rider.post(reverse("rights_portal:report"), report_data(county, town=county.county.pk))
    assert Case.objects.get().union == county.county


def test_a_picked_employer_is_linked(rider, county):
    data = report_data(county, employer=county.employer_a.pk, employer_q="")
    rider.post(reverse("rights_portal:report"), data)
    case = Case.objects.get()
    assert case.employer == county.employer_a and case.employer_name == "甲机械厂"


def test_an_employer_typed_in_full_is_linked(rider, county):
    rider.post(reverse("rights_portal:report"), report_data(county, employer_q="乙茶叶公司"))
    assert Case.objects.get().employer == county.employer_b


def test_a_member_is_prefilled_and_linked(client, county):
    sign_in(client, MEMBER_A_PHONE)
    page = body(client.get(reverse("rights_portal:report")))
    assert 'value="张甲明"' in page
    client.post(reverse("rights_portal:report"), report_data(county, complainant_name="张甲明"))
    case = Case.objects.get()
    assert case.member == county.member_a and case.complainant_name == "张甲明"


def test_someone_else_reporting_from_a_members_phone_is_not_linked(client, county):
    sign_in(client, MEMBER_A_PHONE)
    client.post(reverse("rights_portal:report"), report_data(county, complainant_name="张妻"))
    assert Case.objects.get().member is None


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"amount_claimed": "abc"}, "amount_claimed", "金额“abc”不是金额"),
        ({"amount_claimed": "-5"}, "amount_claimed", "金额不能为负数"),
        ({"amount_claimed": "10.005"}, "amount_claimed", "金额最多保留两位小数"),
        ({"amount_claimed": "9999999999999"}, "amount_claimed", "金额过大"),
        ({"facts": "  "}, "facts", "请写明发生了什么"),
        ({"complainant_name": ""}, "complainant_name", "请填写您的姓名"),
        ({"employer_q": ""}, "employer_q", "请填写用人单位的名称"),
        ({"town": ""}, "town", "请选择工作所在乡镇"),
        ({"town": "999999"}, "town", "请从列表中选择"),
        ({"workers_involved": "0"}, "workers_involved", "涉及职工人数至少为 1"),
        ({"workers_involved": "两个"}, "workers_involved", "涉及职工人数须为整数"),
        ({"kind": "bribe"}, "kind", "请从列表中选择遇到的问题"),
        ({"document_kind": "x"}, "document_kind", "请从列表中选择材料类型"),
    ],
)
def test_bad_input_is_named_and_nothing_saved(
    rider, county, private_root, django_capture_on_commit_callbacks, overrides, field, message
):
    data = report_data(county, documents=[png_upload()], **overrides)
    with django_capture_on_commit_callbacks(execute=True):
        response = rider.post(reverse("rights_portal:report"), data)
    assert response.status_code == 200
    page = body(response)
    assert f'id="id_{field}_error"' in page and message in page
    assert not Case.objects.exists() and not CaseDocument.objects.exists()
    assert stored_files(private_root) == [] and sms.outbox == []


def test_an_html_file_is_refused_by_name(rider, county, private_root):
    data = report_data(county, documents=[png_upload("欠条.png"), html_upload("证据.html")])
    response = rider.post(reverse("rights_portal:report"), data)
    page = body(response)
    assert response.status_code == 200
    assert 'id="id_documents_error"' in page and "证据.html" in page
    assert "不是 JPG、PNG 或 PDF" in page
    assert not Case.objects.exists() and not CaseDocument.objects.exists()
    assert stored_files(private_root) == []


def test_a_file_refused_by_the_service_undoes_the_case_and_the_files(
    rider, county, private_root, monkeypatch
):
    """Should the service refuse a file the form let through (e.g. a virus scanner's finding),
    the case, the other documents and their stored files all go."""
    from django.core.exceptions import ValidationError

    from gonghui.rights.cases import services as cases

    real = cases.attach_document

    def second_is_refused(*, actor, case, upload, kind):
        if upload.name == "坏.png":
            raise ValidationError({"upload": "文件“坏.png”未通过病毒扫描：测试"})
        return real(actor=actor, case=case, upload=upload, kind=kind)

    monkeypatch.setattr(cases, "attach_document", second_is_refused)
    data = report_data(county, documents=[png_upload("好.png"), png_upload("坏.png")])
    response = rider.post(reverse("rights_portal:report"), data)
    assert response.status_code == 200 and "坏.png" in body(response)
    assert not Case.objects.exists() and not CaseDocument.objects.exists()
    assert stored_files(private_root) == [] and sms.outbox == []


def test_too_many_files_are_refused(rider, county):
    data = report_data(county, documents=[png_upload(f"{n}.png") for n in range(11)])
    page = body(rider.post(reverse("rights_portal:report"), data))
    assert "一次最多上传 10 个文件" in page and not Case.objects.exists()


def test_employer_search_and_pick(rider, county):
    url = reverse("rights_portal:employer_search")
    page = body(rider.get(url, {"employer_q": "机械"}))
    assert "甲机械厂" in page and f'data-employer="{county.employer_a.pk}"' in page
    assert "乙茶叶公司" not in page
    assert "没有找到" in body(rider.get(url, {"employer_q": "不存在的公司"}))
    picked = body(rider.get(url, {"pick": county.employer_a.pk}))
    assert f'name="employer" value="{county.employer_a.pk}"' in picked
    assert rider.get(url, {"pick": "999999"}).status_code == 404
    assert rider.get(url, {"pick": "１"}).status_code == 404
    assert 'name="employer_q"' in body(rider.get(url, {"clear": "1"}))


def test_employer_search_needs_a_signed_in_phone(client, county):
    response = client.get(reverse("rights_portal:employer_search"), {"employer_q": "机械"})
    assert response.status_code == 302 and "甲机械厂" not in body(response)


def test_a_picked_employer_stays_picked_when_the_form_comes_back(rider, county):
    data = report_data(county, employer=county.employer_a.pk, employer_q="", facts="")
    page = body(rider.post(reverse("rights_portal:report"), data))
    assert 'id="employer-picked"' in page and "甲机械厂" in page
