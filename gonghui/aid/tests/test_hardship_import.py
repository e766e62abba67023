"""Importing existing hardship files: good rows are filed with the sheet's dates; any bad row
is reported by row, column and reason, and nothing at all is written."""

import datetime
import io
from decimal import Decimal

import pytest
import xlsxwriter
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.aid.hardship.imports import TEMPLATE, ImportFailed, import_files
from gonghui.aid.models import HardshipFile
from gonghui.aid.tests.hardship_helpers import enter_file
from gonghui.core.models import AuditEntry

pytestmark = pytest.mark.django_db

HEADERS = TEMPLATE.headers
GOOD = ["张甲明", "420324199003071231", "HX-001", "县级档", "因病、因学", "妻子重病", 3,
        "1800", "800.00", "2024-03-01", "2025/3/5"]  # fmt: skip


def table(*rows, headers=HEADERS):
    return [list(headers), *[list(r) for r in rows]]


def xlsx(rows) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("困难职工档案")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def test_good_rows_are_filed_with_the_sheets_dates(county, bob):
    [file] = import_files(actor=bob, table=table(GOOD))
    file.refresh_from_db()
    assert file.member == county.member_a and file.union == county.union_a
    assert file.status == "filed" and file.level == "county"
    assert file.causes == "illness,schooling" and file.file_number == "HX-001"
    assert file.filed_on == datetime.date(2024, 3, 1)
    assert file.reviewed_on == datetime.date(2025, 3, 5)
    assert file.income_per_head == Decimal("600.00")
    assert AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(HardshipFile), object_id=str(file.pk)
    ).exists()


def test_reviewed_on_defaults_to_filed_on(county, bob):
    row = GOOD[:10] + [None]
    [file] = import_files(actor=bob, table=table(row))
    assert file.reviewed_on == file.filed_on


def errors_of(actor, rows, **kwargs) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        import_files(actor=actor, table=table(*rows, **kwargs))
    assert not HardshipFile.objects.exists()  # a failed import writes nothing
    return [str(e) for e in caught.value.errors]


def with_cell(header: str, value) -> list:
    row = list(GOOD)
    row[HEADERS.index(header)] = value
    return row


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("建档级别", "乡镇档", "应为以下之一"),
        ("致困原因", "因懒", "“因懒”不是致困原因"),
        ("家庭人口", 0, "至少为1人"),
        ("家庭人口", "三", "应为非负整数"),
        ("家庭月收入（元）", "-5", "不能为负数"),
        ("当地认定标准（元/人·月）", "八百", "“八百”不是金额"),
        ("建档日期", "2099-01-01", "不能晚于今天"),
        ("最近复核日期", "2020-01-01", "不能早于建档日期"),
        ("公民身份号码", "420324199003071232", "校验位"),
        ("公民身份号码", "420324199001010013", "没有该身份号码的在会会员"),
        ("姓名", "张三", "姓名“张甲明”不一致"),
        ("建档日期", None, "必填"),
    ],
)
def test_bad_row_names_row_column_reason(county, bob, header, value, reason):
    good_other = list(GOOD)  # row 2 fine, row 3 bad: still nothing is written
    bad = with_cell(header, value)
    bad[1] = bad[1] if header in ("公民身份号码",) else GOOD[1]
    messages = errors_of(bob, [bad] if header in ("公民身份号码", "姓名") else [good_other, bad])
    row = 2 if header in ("公民身份号码", "姓名") else 3
    if header not in ("公民身份号码", "姓名"):
        # The same person twice is reported as well; the bad cell is what matters here.
        messages = [m for m in messages if header in m]
    assert any(m.startswith(f"第{row}行 {header}：") and reason in m for m in messages), messages


def test_out_of_scope_member_is_not_found(county, charlie):
    messages = errors_of(charlie, [GOOD])
    assert messages == ["第2行 公民身份号码：在您管理的工会中没有该身份号码的在会会员"]


def test_same_person_twice_and_existing_file(county, bob, dora):
    messages = errors_of(bob, [GOOD, GOOD])
    assert "第3行 公民身份号码：与第2行是同一人" in messages
    enter_file(dora, county.member_a)
    with pytest.raises(ImportFailed) as caught:
        import_files(actor=bob, table=table(GOOD))
    assert "不能重复建档" in str(caught.value.errors[0])
    assert HardshipFile.objects.count() == 1


def test_unknown_and_missing_headers(county, bob):
    headers = [h for h in HEADERS if h != "建档级别"] + ["备注"]
    messages = errors_of(bob, [GOOD[:3] + GOOD[4:] + ["x"]], headers=headers)
    assert any("第1行 建档级别：缺少必填的列" in m for m in messages)
    assert any("第1行 备注：未知的列" in m for m in messages)


def test_import_page_reports_errors_and_writes_nothing(client, county, bob):
    client.force_login(bob)
    bad = with_cell("致困原因", "因懒")
    upload = SimpleUploadedFile("档案.xlsx", xlsx(table(GOOD, bad)))
    response = client.post(reverse("aid:hardship_import"), {"file": upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert "未导入任何档案" in body and "<td>3</td><td>致困原因</td>" in body
    assert not HardshipFile.objects.exists()


def test_import_page_imports(client, county, bob):
    client.force_login(bob)
    upload = SimpleUploadedFile("档案.xlsx", xlsx(table(GOOD)))
    response = client.post(reverse("aid:hardship_import"), {"file": upload})
    assert response.status_code == 302
    assert HardshipFile.objects.get().status == "filed"


def test_import_page_refuses_other_files(client, county, bob):
    client.force_login(bob)
    upload = SimpleUploadedFile("档案.pdf", b"%PDF-1.4")
    response = client.post(reverse("aid:hardship_import"), {"file": upload})
    assert "只能导入 xlsx 或 csv 文件" in response.content.decode()


def test_template_download_has_the_columns(client, county, bob, tmp_path):
    client.force_login(bob)
    response = client.get(reverse("aid:hardship_import_template"))
    assert response.status_code == 200
    path = tmp_path / "t.xlsx"
    path.write_bytes(response.content)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("困难职工档案")
    assert sheet.to_python()[0] == HEADERS


@pytest.mark.parametrize("persona", ["lena", "stan", "frank"])
def test_import_needs_an_editing_role(client, request, county, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("aid:hardship_import")).status_code == 403
    assert client.get(reverse("aid:hardship_import_template")).status_code == 403


def test_anonymous_template_goes_to_login(client, county):
    response = client.get(reverse("aid:hardship_import_template"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_only_the_level_above_imports_files_on_record(county, dora):
    """Imported files are on record at once, so the union's own clerk cannot import them: the
    decision of the level above would be skipped."""
    [message] = errors_of(dora, [GOOD])
    assert "城关镇总工会" in message and "审核人员导入" in message
