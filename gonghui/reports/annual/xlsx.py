"""The report as a workbook: one sheet of every figure (label, this year, last year, change)
and one sheet per section's table by town. Text is written as text (core.sheets.workbooks)."""

import io

import xlsxwriter

from gonghui.core import figures as core_figures
from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.reports.annual import content

HEADER = ("数据项", "本年", "上年", "比上年")


def render(data: dict) -> bytes:
    labels = core_figures.labels()
    sections = content.build(data, labels)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    # Fixed properties: the same snapshot gives the same workbook.
    book.set_properties({"title": f"{data['org_name']}{data['year']}年度报告", "author": "gonghui"})
    formats = Formats(book)
    _figures_sheet(book, formats, sections)
    for section in sections:
        if section.town_rows:
            _table_sheet(book, formats, f"{section.title}（按单位）", section)
    book.close()
    return out.getvalue()


def _figures_sheet(book, formats, sections) -> None:
    sheet = book.add_worksheet("数据")
    header = ("板块", *HEADER)
    for col, text in enumerate(header):
        sheet.write_string(0, col, text, formats.header)
    row = 1
    for section in sections:
        for item in section.figures:
            previous = content.value_text(item.key, item.previous, item.unit)
            cells = (section.title, item.label, item.text, previous, item.change or "—")
            for col, value in enumerate(cells):
                write_cell(sheet, row, col, value, formats)
            row += 1
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 30)
    sheet.set_column(2, 4, 36)


def _table_sheet(book, formats, name: str, section) -> None:
    sheet = book.add_worksheet(name[:31])
    for col, text in enumerate(section.town_header):
        sheet.write_string(0, col, text, formats.header)
    for row, cells in enumerate(section.town_rows, start=1):
        for col, value in enumerate(cells):
            write_cell(sheet, row, col, value, formats)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, len(section.town_header), 18)
