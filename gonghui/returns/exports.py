"""A return as xlsx in its forms' layout: one sheet per form (基层工会统计表, 基层以上工会统计表),
each with the form's title, the union and year, and one row per indicator in the form's order:
表中位置 (row/column or cell), 指标代码, 指标名称, 计量单位, 本年数, 数据来源. Written through the
project's workbook helpers (text never becomes a formula)."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.returns.choices import Form
from gonghui.returns.models import Return

HEADERS = ("表中位置", "指标代码", "指标名称", "计量单位", "本年数", "数据来源")
FIRST_ROW = 3  # title, union and year, headers


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def return_workbook(ret: Return) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = Formats(workbook)
    values = list(ret.values.select_related("indicator").order_by("indicator__order", "pk"))
    for form, title in Form.choices:
        rows = [v for v in values if v.indicator.form == form]
        if not rows:
            continue
        sheet = workbook.add_worksheet(str(title))
        sheet.write_string(0, 0, f"{ret.year}年{title}")
        sheet.write_string(1, 0, _("填报单位：%(u)s　状态：%(s)s") % {
            "u": ret.union.name, "s": ret.get_status_display()})  # fmt: skip
        for col, header in enumerate(HEADERS):
            sheet.write_string(2, col, _(header), formats.header)
        for col, width in enumerate((10, 10, 36, 8, 14, 10)):
            sheet.set_column(col, col, width)
        for row, value in enumerate(rows, start=FIRST_ROW):
            cells = (
                value.indicator.cell, value.indicator.code, value.indicator.label,
                value.indicator.unit, _number(value.value), value.get_origin_display(),
            )  # fmt: skip
            for col, cell in enumerate(cells):
                write_cell(sheet, row, col, cell, formats)
        sheet.freeze_panes(FIRST_ROW, 0)
    workbook.close()
    return buffer.getvalue()
