"""Workbooks written for people: the empty template of each kind (with its 填写说明 sheet) and an
uploaded file handed back with a 错误说明 column and its wrong cells filled red."""

import datetime
import io
from collections import defaultdict
from pathlib import Path

import xlsxwriter
from django.utils.translation import gettext as _

from gonghui.core.sheets.cells import Template, neutralise
from gonghui.core.sheets.rows import RowError

DATE_FORMAT = "yyyy-mm-dd"
NOTES_SHEET = "填写说明"
OPTIONS_SHEET = "选项"
TEMPLATE_ROWS = 5000  # rows the drop-downs and text formats cover in an empty template

GENERAL_NOTES = (
    "第一行是表头，请勿修改列名；列的顺序可以调整，不需要的非必填列可以删除。",
    "日期可填 2021-03-05、2021/3/5、2021.3.5、2021年3月5日，或使用 Excel 日期格式。",
    "身份号码、信用代码、手机号码请保持“文本”格式，以免 Excel 把长数字改掉。",
    "导入前会检查每一行；只要有一处错误，整个文件都不会写入，请按错误说明修改后重新上传。",
    "同一文件重复导入不会产生重复记录：已有的记录按表中内容更新，内容相同的不做改动。",
)


class Formats:
    """The formats a workbook's cells use, created once per workbook."""

    def __init__(self, workbook):
        self.header = workbook.add_format({"bold": True, "bg_color": "#E7EEF7", "border": 1})
        self.required = workbook.add_format(
            {"bold": True, "bg_color": "#E7EEF7", "border": 1, "font_color": "#C0392B"}
        )
        self.date = workbook.add_format({"num_format": DATE_FORMAT})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.text = workbook.add_format({"num_format": "@"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.bad = workbook.add_format({"bg_color": "#F8D7DA", "font_color": "#842029"})
        self.bad_date = workbook.add_format(
            {"bg_color": "#F8D7DA", "font_color": "#842029", "num_format": DATE_FORMAT}
        )
        self.message = workbook.add_format({"font_color": "#842029", "text_wrap": True})


def write_cell(sheet, row: int, col: int, value, formats: Formats, *, bad=False, safe=True):
    """One cell by the type of its value. Text is always written as text, never as a formula;
    with `safe` it is also neutralised for when the sheet is saved as csv and reopened."""
    if value is None or value == "":
        if bad:
            sheet.write_blank(row, col, None, formats.bad)
        return
    cell_format = formats.bad if bad else None
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value, cell_format)
    elif isinstance(value, datetime.datetime):
        sheet.write_datetime(row, col, value, formats.bad_date if bad else formats.datetime)
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row, col, value, formats.bad_date if bad else formats.date)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, cell_format)
    else:
        text = str(value)
        sheet.write_string(row, col, neutralise(text) if safe else text, cell_format)


def template_workbook(spec: Template) -> bytes:
    """The empty template: exact headers (required ones in red), text columns formatted as
    text, drop-downs for the fixed choices, and a 填写说明 sheet."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(str(spec.title))
    options = workbook.add_worksheet(OPTIONS_SHEET)
    options_col = 0
    for col, column in enumerate(spec.columns):
        header_format = formats.required if column.required else formats.header
        sheet.write_string(0, col, column.header, header_format)
        sheet.set_column(col, col, column.width, formats.text if column.as_text else None)
        if column.options:
            options.write_column(0, options_col, column.options)
            letter = xlsxwriter.utility.xl_col_to_name(options_col)
            source = f"='{OPTIONS_SHEET}'!${letter}$1:${letter}${len(column.options)}"
            sheet.data_validation(
                1,
                col,
                TEMPLATE_ROWS,
                col,
                {"validate": "list", "source": source, "ignore_blank": True},
            )
            options_col += 1
    sheet.freeze_panes(1, 0)
    options.hide()
    _notes_sheet(workbook, spec, formats)
    workbook.close()
    return buffer.getvalue()


def _notes_sheet(workbook, spec: Template, formats: Formats) -> None:
    sheet = workbook.add_worksheet(NOTES_SHEET)
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 8)
    sheet.set_column(2, 2, 60)
    sheet.set_column(3, 3, 50)
    for col, title in enumerate((_("列名"), _("必填"), _("说明"), _("可选值"))):
        sheet.write_string(0, col, title, formats.header)
    for row, column in enumerate(spec.columns, start=1):
        sheet.write_string(row, 0, column.header)
        sheet.write_string(row, 1, _("是") if column.required else _("否"))
        sheet.write_string(row, 2, str(column.help), formats.wrap)
        sheet.write_string(row, 3, "、".join(column.options), formats.wrap)
    row = len(spec.columns) + 2
    for note in (*GENERAL_NOTES, *(str(n) for n in spec.notes)):
        sheet.write_string(row, 0, note)
        row += 1


def error_workbook(table: list[list], errors: list[RowError], path: Path) -> None:
    """The uploaded rows as they were, with 错误说明 beside each row and its wrong cells red,
    and every error listed on a second sheet. Streams rows (constant memory)."""
    by_row: dict[int, list[RowError]] = defaultdict(list)
    for error in errors:
        by_row[error.row].append(error)
    header = list(table[0]) if table else []
    positions = column_positions(header)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(_("错误标注"))
    width = max((len(r) for r in table), default=0)
    message_col = max(width, 1)
    sheet.set_column(message_col, message_col, 60)
    for index, cells in enumerate(table):
        number = index + 1
        row_errors = by_row.get(number, ())
        bad = {positions.get(e.column) for e in row_errors}
        for col in range(width):
            value = cells[col] if col < len(cells) else None
            fmt = formats.required if index == 0 and col in bad else None
            if index == 0:
                sheet.write_string(
                    0, col, "" if value is None else str(value), fmt or formats.header
                )
            else:
                write_cell(sheet, index, col, value, formats, bad=col in bad, safe=False)
        if index == 0:
            sheet.write_string(0, message_col, _("错误说明"), formats.required)
            if row_errors:
                sheet.write_comment(0, message_col, "\n".join(str(e) for e in row_errors))
        elif row_errors:
            text = "；".join(
                f"{e.column}：{e.reason}" if e.column else e.reason for e in row_errors
            )
            sheet.write_string(index, message_col, text, formats.message)
    sheet.freeze_panes(1, 0)
    listing = workbook.add_worksheet(_("错误列表"))
    for col, title in enumerate((_("行"), _("列"), _("原因"))):
        listing.write_string(0, col, title, formats.header)
    listing.set_column(2, 2, 80)
    for row, error in enumerate(errors, start=1):
        listing.write_number(row, 0, error.row)
        listing.write_string(row, 1, error.column)
        listing.write_string(row, 2, error.reason)
    workbook.close()


def column_positions(header: list) -> dict[str, int]:
    """An error's column (a header, or "F列" for a column without one) → its cell index."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = str(cell).strip().rstrip("*＊").strip() if cell is not None else ""
        positions.setdefault(text, index)
        positions[f"{xlsxwriter.utility.xl_col_to_name(index)}列"] = index
    positions.pop("", None)
    return positions
