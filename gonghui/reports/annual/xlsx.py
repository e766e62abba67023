"""The report as a workbook: one sheet of every figure (section, label, this year, last year,
change) and one sheet per section's table by town. A number is a number (rates as
percentages, yuan with two places), so the county can sum and chart it; a breakdown is its
text. Text is written as text (core.sheets.workbooks: never a formula)."""

import io
from decimal import Decimal

import xlsxwriter

from gonghui.core import figures as core_figures
from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.reports.annual import content

HEADER = ("板块", "数据项", "本年", "上年", "比上年")


def render(data: dict) -> bytes:
    labels = core_figures.labels()
    sections = content.build(data, labels)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    # Fixed properties: the same snapshot gives the same workbook.
    book.set_properties({"title": f"{data['org_name']}{data['year']}年度报告", "author": "gonghui"})
    formats = Formats(book)
    formats.percent = book.add_format({"num_format": "0.00%"})
    formats.yuan = book.add_format({"num_format": "#,##0.00"})
    formats.count = book.add_format({"num_format": "#,##0"})
    _figures_sheet(book, formats, sections)
    for section in sections:
        if section.town_rows:
            _table_sheet(book, formats, f"{section.title}（按单位）", section)
    book.close()
    return out.getvalue()


def _write_value(sheet, row: int, col: int, key: str, value, unit: str, formats) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, dict):
        write_cell(sheet, row, col, content.value_text(key, value, unit), formats)
    elif content.is_rate(key):
        sheet.write_number(row, col, float(value), formats.percent)
    elif isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), formats.yuan)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, formats.count if isinstance(value, int) else None)
    else:
        write_cell(sheet, row, col, value, formats)


def _figures_sheet(book, formats, sections) -> None:
    sheet = book.add_worksheet("数据")
    for col, text in enumerate((*HEADER, "单位")):
        sheet.write_string(0, col, text, formats.header)
    row = 1
    for section in sections:
        for item in section.figures:
            write_cell(sheet, row, 0, section.title, formats)
            write_cell(sheet, row, 1, item.label, formats)
            _write_value(sheet, row, 2, item.key, item.value, item.unit, formats)
            _write_value(sheet, row, 3, item.key, item.previous, item.unit, formats)
            write_cell(sheet, row, 4, item.change or "—", formats)
            unit = "元" if isinstance(item.value, Decimal) and not item.unit else item.unit
            write_cell(sheet, row, 5, "" if content.is_rate(item.key) else unit, formats)
            row += 1
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 30)
    sheet.set_column(2, 3, 16)
    sheet.set_column(4, 4, 36)
    sheet.freeze_panes(1, 0)


def _table_sheet(book, formats, name: str, section) -> None:
    sheet = book.add_worksheet(name[:31])
    for col, text in enumerate(section.town_header):
        sheet.write_string(0, col, text, formats.header)
    keys = section.town_keys
    for row, (town, values) in enumerate(
        zip(section.town_rows, section.town_values, strict=True), 1
    ):
        write_cell(sheet, row, 0, town[0], formats)
        for col, (key, value) in enumerate(zip(keys, values, strict=True), start=1):
            _write_value(sheet, row, col, key, value, "", formats)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, len(section.town_header), 18)
    sheet.freeze_panes(1, 1)
