"""The annual report's snapshot: the Word document's sentences and town tables, the workbook's
sheets, rendering again from the snapshot after the data has moved on, the changes since, and
a town's clerk limited to the town."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document
from python_calamine import CalamineWorkbook

from gonghui.conftest import make_user
from gonghui.core import private_files
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role
from gonghui.registry.services import create_member
from gonghui.reports.annual import services

pytestmark = pytest.mark.django_db
YEAR = datetime.date.today().year


def text_of(report) -> tuple[str, list[list[str]]]:
    doc = Document(io.BytesIO(private_files.read(report.docx_file)))
    body = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return body, tables


def add_member(county, name="孙新"):
    import random

    from gonghui.core.validators import make_resident_id

    return create_member(
        actor=None, name=name, id_number=make_resident_id(random.Random(name)),
        union=county.union_b, employer=county.employer_b,
        joined_on=datetime.date(YEAR, 2, 1),
    )  # fmt: skip


def test_the_document_says_the_year_by_section_and_town(county, alice):
    report = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    body, tables = text_of(report)
    assert f"测试县总工会{YEAR}年度工会工作统计报告" in body
    assert "一、组织建设" in body and "会员" in body
    assert "全县会员总数 2 人" in body
    town_names = {row[0] for table in tables for row in table[1:]}
    assert town_names == {"城关镇总工会", "水坪镇总工会"}
    assert AuditEntry.objects.filter(object_id=str(report.pk), action="create").exists()


def test_the_workbook_has_the_figures_and_one_sheet_per_town_table(county, alice):
    report = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    book = CalamineWorkbook.from_filelike(io.BytesIO(private_files.read(report.xlsx_file)))
    assert book.sheet_names[0] == "数据"
    rows = book.get_sheet_by_name("数据").to_python()
    assert rows[0] == ["板块", "数据项", "本年", "上年", "比上年", "单位"]
    members = next(row for row in rows if row[1] == "会员总数")
    assert members[0] == "会员" and members[2] == 2 and members[5] == "人"
    rate = next(row for row in rows if row[1] == "建会率")
    assert isinstance(rate[2], float) and 0 < rate[2] <= 1
    assert "会员（按单位）" in book.sheet_names
    towns = book.get_sheet_by_name("会员（按单位）").to_python()
    assert towns[0][:2] == ["单位", "会员总数"]
    assert sorted(row[:2] for row in towns[1:]) == [["城关镇总工会", 1], ["水坪镇总工会", 1]]


def test_rendering_again_uses_the_snapshot_and_the_changes_name_the_figure(county, alice):
    report = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    first = text_of(report)
    add_member(county)
    services.render_again(actor=alice, report=report)
    report.refresh_from_db()
    assert text_of(report) == first
    rows = services.changes_since(report, actor=alice)
    changed = {row["key"]: row for row in rows}
    assert changed["members"]["old"] == "2" and changed["members"]["new"] == "3"
    assert changed["members"]["label"] == "会员总数"


def test_a_town_clerk_reports_on_the_town_only(county, charlie):
    leader = make_user("vera_b", Role.VIEWER, county.town_b)
    for actor in (charlie, leader):
        with pytest.raises(PermissionDenied):
            services.take_snapshot(actor=actor, organisation=county.county, year=YEAR)
        report = services.take_snapshot(actor=actor, organisation=county.town_b, year=YEAR)
        body, _tables = text_of(report)
        assert "城关镇" not in body and "水坪镇总工会会员总数 1 人" in body


def test_a_year_to_come_is_refused(county, alice):
    with pytest.raises(ValidationError):
        services.take_snapshot(actor=alice, organisation=county.county, year=YEAR + 1)


def test_the_county_may_use_its_own_template(county, alice, settings, tmp_path):
    own = tmp_path / "own.docx"
    doc = Document()
    doc.add_paragraph("本县报告：{{ figures.members.sentence }}")
    doc.save(own)
    settings.GONGHUI_ANNUAL_REPORT_TEMPLATE = str(own)
    report = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    body, _tables = text_of(report)
    assert body.startswith("本县报告：全县会员总数 2 人")
