"""Reading an uploaded spreadsheet into rows of cells: xlsx (and xls, ods) with python-calamine,
csv in UTF-8 (with or without BOM) or GBK/GB18030 as Excel on a Chinese Windows writes it.

Row i of the result is the spreadsheet's row i + 1, empty rows included, so every message can
name the row number the clerk sees.

Every file is checked before it is read (settings.GONGHUI_SHEET_LIMITS): an xlsx or ods is a zip
archive, so its members' uncompressed sizes and compression ratios are known from the archive's
directory without inflating anything, and a worksheet states its extent in its first bytes. A
file over a limit is refused at once with one message that names the limit; a decompression bomb
is never read into memory. What is read is checked again: rows, columns, a cell's length.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
SUFFIXES = EXCEL_SUFFIXES | {".csv"}
NOTES_SHEET = "填写说明"


ZIP_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
MB = 1024 * 1024
NOT_XLSX = "文件不是有效的 xlsx，请用 Excel 另存为 .xlsx 后重新上传"


class FileError(Exception):
    """The file as a whole cannot be read; the message says why."""


@dataclass(frozen=True)
class Limits:
    uncompressed_mb: int = 512
    ratio: int = 200
    file_mb: int = 100
    rows: int = 300_000
    columns: int = 200
    cell_chars: int = 2_000

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(**getattr(settings, "GONGHUI_SHEET_LIMITS", {}))


def read_rows(path: Path, *, sheet_title: str = "", limits: Limits | None = None) -> list[list]:
    limits = limits or Limits.from_settings()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileError(_("只能导入 xlsx 或 csv 文件"))
    check_file(path, limits)
    if suffix in EXCEL_SUFFIXES:
        rows = _read_excel(path, sheet_title)
    else:
        rows = _read_csv(path.read_bytes())
    check_rows(rows, limits)
    return rows


# ---------------------------------------------------------------------------------------------
# Checks before and after reading
# ---------------------------------------------------------------------------------------------


def check_file(path: Path, limits: Limits) -> None:
    """Refuse a file over a limit without reading its content."""
    size = path.stat().st_size
    if size > limits.file_mb * MB:
        raise FileError(
            _("文件有 %(size)d MB，超过 %(n)d MB 的上限：请分成几个文件导入")
            % {"size": size // MB, "n": limits.file_mb}
        )
    if path.suffix.lower() in ZIP_SUFFIXES:
        _check_archive(path, limits)


def _check_archive(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(m.file_size for m in members)
            if total > limits.uncompressed_mb * MB:
                raise FileError(
                    _("文件解压后有 %(size)d MB，超过 %(n)d MB 的上限：请分成几个文件导入")
                    % {"size": total // MB, "n": limits.uncompressed_mb}
                )
            for member in members:
                # Small members compress however they like; a large one this compressed is
                # not a spreadsheet but a bomb.
                if member.file_size > MB and member.file_size > limits.ratio * max(
                    member.compress_size, 1
                ):
                    raise FileError(
                        _("文件的压缩比异常（超过 %(n)d 倍），不像正常的表格，已拒绝：请用 Excel "
                          "打开后另存为 .xlsx 再上传") % {"n": limits.ratio}
                    )  # fmt: skip
            for member in members:
                name = member.filename
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(member) as sheet:
                        _check_extent(sheet.read(4096), limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError):
        raise FileError(_(NOT_XLSX)) from None


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _check_extent(head: bytes, limits: Limits) -> None:
    """A worksheet's <dimension ref="A1:AB200001"/> says how far it reaches."""
    found = _DIMENSION.search(head)
    if not found:
        return
    letters, last_row = found.group(1).decode(), int(found.group(2))
    columns = 0
    for letter in letters:
        columns = columns * 26 + ord(letter) - 64
    _check_extent_numbers(last_row, columns, limits)


def _check_extent_numbers(rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.rows:
        raise FileError(
            _("表格有 %(rows)d 行，超过 %(n)d 行的上限：请分成几个文件导入")
            % {"rows": rows, "n": limits.rows}
        )
    if columns > limits.columns:
        raise FileError(
            _("表格有 %(cols)d 列，超过 %(n)d 列的上限：请删去模板以外的列")
            % {"cols": columns, "n": limits.columns}
        )


def check_rows(rows: list[list], limits: Limits) -> None:
    _check_extent_numbers(len(rows), max((len(r) for r in rows), default=0), limits)
    longest = limits.cell_chars
    for number, row in enumerate(rows, start=1):
        for index, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > longest:
                raise FileError(
                    _("第%(row)d行第%(col)d列有 %(len)d 个字，超过每格 %(n)d 个字的上限")
                    % {"row": number, "col": index + 1, "len": len(cell), "n": longest}
                )


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
    except (CalamineError, OSError, ValueError):
        # The library's own words ("invalid Zip archive: Could not find EOCD") help no one.
        raise FileError(_(NOT_XLSX)) from None


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
