"""The returns' pages and API: the status table of a town's children, the send-back note the
union sees, the hand-cell form, the catalogue pages, the xlsx in the forms' layout, the work
queues, and town B seeing nothing of town A."""

import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.returns import services
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.models import Return
from gonghui.returns.tests.conftest import filled

pytestmark = pytest.mark.django_db


@pytest.fixture
def town_return(county, catalogue, bob):
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    return filled(ret, bob)


def test_clerk_fills_submits_and_head_signs_on_the_pages(client, county, catalogue, bob, head_a):
    client.force_login(bob)
    page = client.get(reverse("returns:return_list"))
    assert "城关镇总工会" in page.content.decode() and "开始填报" in page.content.decode()
    response = client.post(reverse("returns:return_open", args=[county.town_a.pk]),
                           {"year": catalogue.year})  # fmt: skip
    ret = Return.objects.get(union=county.town_a)
    assert response.url == ret.get_absolute_url()
    edit = reverse("returns:return_edit", args=[ret.pk])
    bad = client.post(edit, {"G18": "很多"})
    assert "专职工会工作人员数（G18）：“很多”不是数字" in bad.content.decode()
    client.post(edit, {"G18": "1", "G19": "2", "G20": "3.5", "G21": "1", "U02": "2", "U03": "1",
                       "U05": "1"})  # fmt: skip
    client.post(reverse("returns:return_submit", args=[ret.pk]))
    ret.refresh_from_db()
    assert ret.status == Status.SUBMITTED
    client.force_login(head_a)
    assert ret.pk in {r.pk for r in _todo(head_a, "sign")}
    client.post(reverse("returns:return_sign", args=[ret.pk]))
    ret.refresh_from_db()
    assert ret.status == Status.SIGNED


def _todo(user, key):
    from gonghui.returns import queries

    return queries.todo(user, key)


def test_status_table_and_send_back_note(client, county, catalogue, town_return, alice, bob,
                                         head_a):  # fmt: skip
    services.sign_return(actor=head_a, ret=services.submit_return(actor=bob, ret=town_return))
    client.force_login(alice)
    table = client.get(reverse("returns:union_status", args=[county.county.pk]),
                       {"year": catalogue.year}).content.decode()  # fmt: skip
    assert "城关镇总工会" in table and "已签发" in table
    assert "水坪镇总工会" in table and "未填报" in table
    assert town_return.pk in {r.pk for r in _todo(alice, "review")}
    client.post(reverse("returns:return_send_back", args=[town_return.pk]),
                {"note": "G20 与决算不符，请核对"})  # fmt: skip
    client.force_login(bob)
    page = client.get(town_return.get_absolute_url()).content.decode()
    assert "G20 与决算不符，请核对" in page and "退回修改" in page
    assert town_return.pk in {r.pk for r in _todo(bob, "fill")}


def test_xlsx_has_one_sheet_per_form_in_its_layout(client, county, town_return, bob):
    client.force_login(bob)
    response = client.get(reverse("returns:return_export", args=[town_return.pk]))
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["基层工会统计表", "基层以上工会统计表"]
    rows = book.get_sheet_by_name("基层工会统计表").to_python()
    assert rows[0][0].endswith("年基层工会统计表") and "城关镇总工会" in rows[1][0]
    assert rows[2] == ["表中位置", "指标代码", "指标名称", "计量单位", "本年数", "数据来源"]
    members = next(r for r in rows if r[1] == "G09")
    assert members[0] == "第9行" and members[2] == "会员数" and members[4] == 1
    assert members[5] == "系统计算"
    upper = book.get_sheet_by_name("基层以上工会统计表").to_python()
    assert [r[1] for r in upper[3:]] == ["U01", "U02", "U03", "U04", "U05", "U06", "U07", "U08"]


def test_grassroots_union_files_one_form(county, catalogue, dora):
    ret = services.open_return(actor=dora, catalogue=catalogue, union=county.union_a)
    assert set(ret.values.values_list("indicator__form", flat=True)) == {"grassroots"}


def test_catalogue_pages_copy_and_edit(client, county, catalogue, alice, bob):
    client.force_login(alice)
    page = client.get(catalogue.get_absolute_url()).content.decode()
    assert "会员数" in page and "手工填报" in page and "复制为新年度目录" in page
    response = client.post(reverse("returns:catalogue_copy", args=[catalogue.pk]),
                           {"year": catalogue.year + 1})  # fmt: skip
    copy = catalogue.__class__.objects.get(year=catalogue.year + 1)
    assert response.url == copy.get_absolute_url()
    g21 = copy.indicators.get(code="G21")
    client.post(reverse("returns:indicator_edit", args=[g21.pk]), {
        "code": "G21", "label": "职工之家数", "form": "grassroots", "cell": "第21行",
        "unit": "个", "source": "", "aggregation": "sum", "order": 21, "definition": "",
    })  # fmt: skip
    assert copy.indicators.get(code="G21").label == "职工之家数"
    assert catalogue.indicators.get(code="G21").label == "职工之家（小家）数"
    client.force_login(bob)
    assert "复制为新年度目录" not in client.get(catalogue.get_absolute_url()).content.decode()
    assert client.get(reverse("returns:indicator_edit", args=[g21.pk])).status_code == 403


def test_town_b_sees_nothing_of_town_a(client, county, town_return, charlie):
    client.force_login(charlie)
    assert client.get(town_return.get_absolute_url()).status_code == 404
    listing = client.get(reverse("returns:return_list")).content.decode()
    assert "城关镇总工会" not in listing
    api = client.get(reverse("returns-return-list")).json()
    assert api["results"] == []
    assert client.get(reverse("returns-return-detail", args=[town_return.pk])).status_code == 404


def test_api_lists_and_steps(client, county, catalogue, town_return, alice, bob, head_a):
    client.force_login(bob)
    data = client.get(reverse("returns-return-list"), {"year": catalogue.year}).json()
    assert data["results"][0]["union_name"] == "城关镇总工会"
    codes = {v["code"]: v for v in data["results"][0]["values"]}
    assert codes["G09"]["value"] == "1.00" and codes["G09"]["origin"] == "figure"
    submitted = client.post(reverse("returns-return-submit", args=[town_return.pk]))
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert client.post(reverse("returns-return-sign", args=[town_return.pk])).status_code == 403
    client.force_login(head_a)
    assert client.post(reverse("returns-return-sign", args=[town_return.pk])).json()["status"] == (
        "signed"
    )
    client.force_login(alice)
    empty = client.post(reverse("returns-return-send-back", args=[town_return.pk]), {"note": ""})
    assert empty.status_code == 400
    back = client.post(reverse("returns-return-send-back", args=[town_return.pk]),
                       {"note": "请核对"}, content_type="application/json")  # fmt: skip
    assert back.json()["status"] == "returned" and back.json()["return_note"] == "请核对"
    assert client.get(reverse("returns-return-list"), {"year": "x"}).status_code == 400


def test_workbench_counts_returns_to_fill_sign_and_review(county, town_return, alice, bob, head_a):
    from gonghui.core.workbench import items_for

    def count(user, key):
        return next(i.count for i in items_for(user).items if i.key == f"returns.{key}")

    assert count(bob, "fill") == 1 and count(head_a, "sign") == 0
    services.submit_return(actor=bob, ret=town_return)
    assert count(bob, "fill") == 0 and count(head_a, "sign") == 1
    services.sign_return(actor=head_a, ret=town_return)
    assert count(alice, "review") == 1 and count(head_a, "review") == 0
