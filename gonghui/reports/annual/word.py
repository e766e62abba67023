"""The report as a Word document: docxtpl fills the template (the project's default, or the
county's own named by settings.GONGHUI_ANNUAL_REPORT_TEMPLATE) with the context below; the
variables are listed in docs/annual-report.md."""

import io
from pathlib import Path

from django.conf import settings
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from gonghui.core import figures as core_figures
from gonghui.reports.annual import charts, content
from gonghui.reports.annual.build_template import TEMPLATE

CHART_WIDTH = Mm(150)


def template_path() -> Path:
    configured = getattr(settings, "GONGHUI_ANNUAL_REPORT_TEMPLATE", "")
    return Path(configured) if configured else TEMPLATE


def title(data: dict) -> str:
    return f"{data['org_name']}{data['year']}年度工会工作统计报告"


def period(data: dict) -> str:
    return f"统计期：{data['year']}年1月1日至{data['year']}年12月31日"


def context(tpl: DocxTemplate, data: dict) -> dict:
    """The template's variables for one snapshot's data (see services.report_data)."""
    labels = core_figures.labels()
    sections = content.build(data, labels)
    where = content.where_name(data["org_name"], data["is_county"])
    by_key = {}
    built = []
    for section in sections:
        for item in section.figures:
            by_key[item.key] = item
        built.append(_section(tpl, section))
    titles = "、".join(s.title for s in sections)
    return {
        "title": title(data),
        "org_name": data["org_name"],
        "year": data["year"],
        "previous_year": data["year"] - 1,
        "period": period(data),
        "generated": f"数据快照：{data['taken']}",
        "intro": (
            f"{data['year']}年，{where}各级工会围绕{titles}等工作，各项数据如下（与上年同期比较）。"
            if sections
            else f"{data['year']}年{where}暂无可统计的数据。"
        ),
        "closing": "注：本报告数据取自工会工作平台的数据快照；比率保留两位小数。",
        "sections": built,
        "figures": by_key,
    }


def _section(tpl: DocxTemplate, section: content.SectionContent) -> dict:
    table = None
    if section.town_rows:
        table = tpl.new_subdoc()
        grid = table.add_table(rows=1, cols=len(section.town_header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, section.town_header, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for row in section.town_rows:
            cells = grid.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                cell.text = text
                if index:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    chart = None
    if section.chart:
        png = charts.bar_chart(**section.chart)
        if png:
            chart = InlineImage(tpl, io.BytesIO(png), width=CHART_WIDTH)
    return {
        "key": section.section.key,
        "number": section.number,
        "title": section.title,
        "sentences": section.sentences,
        "figures": section.figures,
        "table": table,
        "table_title": f"表：{section.title}主要数据（按单位）",
        "chart": chart,
    }


def render(data: dict) -> bytes:
    tpl = DocxTemplate(str(template_path()))
    tpl.render(context(tpl, data), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
