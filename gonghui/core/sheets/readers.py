"""Reading an uploaded spreadsheet into rows of cells: xlsx (and xls, ods) with python-calamine,
csv in UTF-8 (with or without BOM) or GBK/GB18030 as Excel on a Chinese Windows writes it.

Row i of the result is the spreadsheet's row i + 1, empty rows included, so every message can
name the row number the clerk sees.
"""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
SUFFIXES = EXCEL_SUFFIXES | {".csv"}
NOTES_SHEET = "填写说明"


class FileError(Exception):
    """The file as a whole cannot be read; the message says why."""


def read_rows(path: Path, *, sheet_title: str = "") -> list[list]:
    suffix = Path(path).suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, sheet_title)
    if suffix == ".csv":
        return _read_csv(Path(path).read_bytes())
    raise FileError(_("只能导入 xlsx 或 csv 文件"))


def _read_excel(path: Path, sheet_title: str) -> list[list]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        # The sheet named like the template, else the first one that is not the instructions.
        name = (
            sheet_title
            if sheet_title in names
            else next((n for n in names if n != NOTES_SHEET), names[0] if names else None)
        )
        if name is None:
            raise FileError(_("文件中没有工作表"))
        # Keep leading empty rows and columns so row numbers are the spreadsheet's own.
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise FileError(_("无法读取该 Excel 文件：%(reason)s") % {"reason": exc}) from exc
    except (OSError, ValueError) as exc:
        raise FileError(_("无法读取该文件：%(reason)s") % {"reason": exc}) from exc


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else GB18030, the superset of the GBK Excel writes in China."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise FileError(_("无法识别 csv 文件的编码：请另存为 UTF-8 或 GBK")) from exc


def _read_csv(data: bytes) -> list[list]:
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise FileError(_("csv 文件格式错误：%(reason)s") % {"reason": exc}) from exc
