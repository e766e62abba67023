"""The hardship pages: list, filters and export (masked), the due list, a file's page, entering
and correcting a file, deciding, reviewing and uploading through the pages, and who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from gonghui.aid.hardship import services as hardship
from gonghui.aid.models import Document, HardshipFile
from gonghui.aid.tests.hardship_helpers import PNG, enter_file, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def file_a(county, dora):
    return enter_file(dora, county.member_a)


@pytest.fixture
def file_b(county, charlie):
    return enter_file(charlie, county.member_b, household=[], household_size=1)


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def test_list_is_scoped_and_masked(client, county, bob, file_a, file_b):
    body = get(client, bob, "aid:hardship_list").content.decode()
    assert "张甲明" in body and "420324********1231" in body
    assert "李乙华" not in body
    assert "420324199003071231" not in body


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"status": "pending"}, True),
        ({"status": "filed"}, False),
        ({"level": "county"}, True),
        ({"level": "national"}, False),
        ({"cause": "schooling"}, True),
        ({"cause": "disaster"}, False),
        ({"q": "甲明"}, True),
        ({"q": "无此人"}, False),
    ],
)
def test_list_filters(client, county, alice, file_a, params, shown):
    body = get(client, alice, "aid:hardship_list", **params).content.decode()
    assert ("张甲明" in body) is shown


def test_list_filter_by_union(client, county, alice, file_a, file_b):
    body = get(client, alice, "aid:hardship_list", within=county.town_b.pk).content.decode()
    assert "李乙华" in body and "张甲明" not in body


def test_csv_export_is_masked_and_scoped(client, county, bob, file_a, file_b):
    response = get(client, bob, "aid:hardship_list", export="csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "420324********1231" in text and "420324199003071231" not in text
    assert "张甲明" in text and "李乙华" not in text
    assert "因病、因学" in text


def test_xlsx_export_is_formula_safe(client, county, dora, bob, tmp_path):
    enter_file(dora, county.member_a, cause_note='=HYPERLINK("http://x")')
    response = get(client, bob, "aid:hardship_list", export="xlsx")
    path = tmp_path / "e.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    note = rows[1][rows[0].index("困难情况说明")]
    assert note.startswith("'=")


def test_due_list(client, county, bob, frank, file_a):
    hardship.decide_file(actor=frank, file=file_a, approve=True)
    assert "张甲明" not in get(client, bob, "aid:hardship_due").content.decode()
    HardshipFile.objects.filter(pk=file_a.pk).update(
        reviewed_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    body = get(client, bob, "aid:hardship_due").content.decode()
    assert "张甲明" in body and "data-review-late" in body


def test_detail_shows_household_line_badge_and_forms(client, county, dora, frank, file_a):
    body = get(client, frank, "aid:hardship_detail", file_a.pk).content.decode()
    assert "王某" in body and "配偶" in body
    assert 'id="decide"' in body and 'id="review"' not in body
    assert "data-above-line" not in body  # 600 a head against a line of 800
    # dora entered it: no decision form for her, but the upload form.
    body = get(client, dora, "aid:hardship_detail", file_a.pk).content.decode()
    assert 'id="decide"' not in body and 'name="upload"' in body
    HardshipFile.objects.filter(pk=file_a.pk).update(local_line=500)
    body = get(client, dora, "aid:hardship_detail", file_a.pk).content.decode()
    assert "data-above-line" in body


def test_add_searches_within_scope_then_creates(client, county, dora):
    body = get(client, dora, "aid:hardship_add", q="李乙华").content.decode()
    assert "没有找到" in body  # town B's member is not dora's
    body = get(client, dora, "aid:hardship_add", q="张甲").content.decode()
    assert f"?member={county.member_a.pk}" in body
    data = {
        "member": county.member_a.pk, "level": "county", "causes": ["illness"],
        "household_size": "2", "monthly_income": "1000", "local_line": "800",
        "household-TOTAL_FORMS": "3", "household-INITIAL_FORMS": "0",
        "household-0-name": "王某", "household-0-relation": "配偶",
        "household-0-monthly_income": "200",
    }  # fmt: skip
    response = client.post(reverse("aid:hardship_add"), data)
    assert response.status_code == 302
    file = HardshipFile.objects.get()
    assert file.status == "pending" and file.submitted_by == dora
    assert [m.name for m in file.household.all()] == ["王某"]


def test_add_shows_service_errors(client, county, dora):
    client.force_login(dora)
    data = {
        "member": county.member_a.pk, "level": "county", "causes": ["illness"],
        "household_size": "1", "monthly_income": "1000", "local_line": "800",
        "household-TOTAL_FORMS": "1", "household-INITIAL_FORMS": "0",
        "household-0-name": "王某", "household-0-relation": "配偶",
    }  # fmt: skip
    response = client.post(reverse("aid:hardship_add"), data)
    assert response.status_code == 200
    assert "少于登记的家庭成员" in response.content.decode()
    assert not HardshipFile.objects.exists()


def test_add_for_a_member_out_of_scope_is_404(client, county, dora):
    response = get(client, dora, "aid:hardship_add", member=county.member_b.pk)
    assert response.status_code == 404


def test_edit_returned_file(client, county, dora, frank, file_a):
    hardship.decide_file(actor=frank, file=file_a, approve=False, reason="缺材料")
    body = get(client, dora, "aid:hardship_edit", file_a.pk).content.decode()
    assert "缺材料" in body and 'value="王某"' in body
    data = {
        "level": "provincial", "causes": ["disability"], "household_size": "3",
        "monthly_income": "900", "local_line": "800",
        "household-TOTAL_FORMS": "2", "household-INITIAL_FORMS": "2",
        "household-0-name": "王某", "household-0-relation": "配偶",
        "household-1-name": "张小某", "household-1-relation": "子女",
    }  # fmt: skip
    assert client.post(reverse("aid:hardship_edit", args=[file_a.pk]), data).status_code == 302
    file_a.refresh_from_db()
    assert (file_a.status, file_a.level, file_a.causes) == ("pending", "provincial", "disability")


def test_decide_and_review_through_the_pages(client, county, frank, file_a):
    client.force_login(frank)
    url = reverse("aid:hardship_decide", args=[file_a.pk])
    client.post(url, {"approve": "0", "reason": ""})
    assert HardshipFile.objects.get(pk=file_a.pk).status == "pending"  # a reason is needed
    client.post(url, {"approve": "1"})
    assert HardshipFile.objects.get(pk=file_a.pk).status == "filed"
    client.post(reverse("aid:hardship_review", args=[file_a.pk]), {"outcome": "remove"})
    assert HardshipFile.objects.get(pk=file_a.pk).status == "filed"
    client.post(
        reverse("aid:hardship_review", args=[file_a.pk]), {"outcome": "remove", "reason": "调离"}
    )
    assert HardshipFile.objects.get(pk=file_a.pk).status == "removed"


def test_submitter_posting_a_decision_is_forbidden(client, county, dora, file_a):
    client.force_login(dora)
    response = client.post(reverse("aid:hardship_decide", args=[file_a.pk]), {"approve": "1"})
    assert response.status_code == 403
    assert HardshipFile.objects.get(pk=file_a.pk).status == "pending"


def test_upload_through_the_page(client, county, dora, file_a):
    client.force_login(dora)
    url = reverse("aid:hardship_document_add", args=[file_a.pk])
    client.post(url, {"kind": "诊断证明", "upload": upload("a.pdf", b"<html>")})
    assert not Document.objects.exists()
    response = client.post(url, {"kind": "诊断证明", "upload": upload("a.png", PNG)}, follow=True)
    assert Document.objects.get().original_name == "a.png"
    assert "a.png" in response.content.decode()


@pytest.mark.parametrize("persona", ["lena", "stan"])
def test_lawyer_and_station_keeper_see_nothing(client, request, county, file_a, persona):
    user = request.getfixturevalue(persona)
    for name in ("aid:hardship_list", "aid:hardship_due"):
        response = get(client, user, name)
        assert response.status_code in (200, 403, 404)
        assert "张甲明" not in response.content.decode()
    for name in ("aid:hardship_add", "aid:hardship_import"):
        assert get(client, user, name).status_code == 403
    assert get(client, user, "aid:hardship_detail", file_a.pk).status_code == 404
    # No editing role anywhere: refused before the file is even looked up.
    assert get(client, user, "aid:hardship_edit", file_a.pk).status_code == 403
    for name in ("aid:hardship_decide", "aid:hardship_review", "aid:hardship_document_add"):
        assert client.post(reverse(name, args=[file_a.pk]), {"approve": "1"}).status_code == 404
    response = get(client, user, "aid:hardship_list", export="csv")
    if response.status_code == 200:
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        assert "张甲明" not in text


def test_export_of_an_unknown_format_is_404(client, county, bob):
    assert get(client, bob, "aid:hardship_list", export="pdf").status_code == 404
