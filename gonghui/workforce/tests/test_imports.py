"""Importing the existing roll and studios: every error by row and column, nothing written on
error, the template downloadable, an xlsx read through core.sheets."""

import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.workforce.imports import honourees, studios
from gonghui.workforce.imports.common import ImportFailed
from gonghui.workforce.models import Honour, Honouree, Studio
from gonghui.workforce.tests.helpers import make_kind

pytestmark = pytest.mark.django_db
ROLL_HEADER = [
    "姓名",
    "公民身份号码",
    "荣誉名称",
    "年度",
    "授予日期",
    "表彰文号",
    "证书编号",
    "状态",
]


def xlsx(rows, title) -> SimpleUploadedFile:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet(title)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, str(value))
    book.close()
    return SimpleUploadedFile("名册.xlsx", out.getvalue())


def test_roll_errors_by_row_and_column_nothing_written(county, bob):
    make_kind(county)
    table = [
        ROLL_HEADER,
        ["张甲明", "420324199003071231", "县劳动模范", "2020", "2020-04-28", "县工发〔2020〕5号",
         "LM2020-001", "在职"],
        ["张甲明", "420324199003071231", "市劳动模范", "2021", "2021-04-28", "X", "", "退休"],
        ["李乙华", "420324198502110026", "县劳动模范", "2020", "2020-04-28", "X", "LM2020-001", ""],
    ]  # fmt: skip
    with pytest.raises(ImportFailed) as exc:
        honourees.import_roll(actor=bob, table=table)
    found = {(e.row, e.column) for e in exc.value.errors}
    assert (3, "荣誉名称") in found  # no such kind
    assert (4, "证书编号") in found  # repeats row 2
    assert (4, "公民身份号码") in found  # town B's member: not bob's
    assert not Honour.objects.exists() and not Honouree.objects.exists()


def test_roll_imports_through_the_page(client, county, bob):
    make_kind(county)
    client.force_login(bob)
    assert client.get(reverse("workforce:import_honourees_template")).status_code == 200
    upload = xlsx(
        [ROLL_HEADER, ["张甲明", "420324199003071231", "县劳动模范", "2020", "2020-04-28",
                       "县工发〔2020〕5号", "LM2020-001", "退休"]],
        "劳模名册",
    )  # fmt: skip
    response = client.post(reverse("workforce:import_honourees"), {"file": upload})
    assert response.status_code == 302, response.content.decode()[-1500:]
    honour = Honour.objects.get()
    assert honour.certificate_no == "LM2020-001" and honour.honouree.status == "retired"


def test_studios_import(county, bob):
    header = [c.header for c in studios.TEMPLATE.columns]
    good = ["数控创新工作室", "县级", "91420324MA4F00001L", "420324199003071231", "数控",
            "2024-05-01", "县工发〔2024〕9号"]  # fmt: skip
    bad = ["茶叶工作室", "县级", "91420324MA4F00003T", "420324198502110026", "", "2024-05-01", ""]
    with pytest.raises(ImportFailed) as exc:
        studios.import_studios(actor=bob, table=[header, good, bad])
    assert {e.row for e in exc.value.errors} == {3}
    assert not Studio.objects.exists()
    studios.import_studios(actor=bob, table=[header, good])
    assert Studio.objects.get().leader_member == county.member_a
