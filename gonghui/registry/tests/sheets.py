"""Spreadsheets for the import and export tests, written as clerks' files are: real xlsx cells
(dates as Excel dates, numbers as numbers) or csv in a chosen encoding."""

import csv
import datetime
import io
import random
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

from gonghui.core.validators import make_credit_code, make_resident_id
from gonghui.registry.imports import import_file

MEMBER_HEADERS = [
    "姓名",
    "公民身份号码",
    "手机号码",
    "所在工会",
    "工作单位信用代码",
    "就业形态",
    "是否农民工",
    "入会日期",
]
UNIT_HEADERS = [
    "统一社会信用代码",
    "单位名称",
    "属地工会",
    "所在工会",
    "行业",
    "经济类型",
    "职工人数",
    "是否有党组织",
    "成立日期",
    "经营状态",
]
UNION_HEADERS = [
    "工会名称",
    "组织类型",
    "上级工会",
    "工会统一社会信用代码",
    "工会主席",
    "成立日期",
    "本届任期届满日期",
    "状态",
]


def write_xlsx(path: Path, rows: list[list], sheet: str = "Sheet1") -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                if not isinstance(value, datetime.datetime):
                    value = datetime.datetime.combine(value, datetime.time())
                ws.write_datetime(r, c, value, date_format)
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    workbook.close()
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["" if v is None else v for v in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(tmp_path: Path, template: str, rows: list[list], *, actor=None, fmt="xlsx", **kw):
    """Import `rows` (the first one the header) as a file of `fmt`."""
    name = f"{template}-{len(list(tmp_path.iterdir()))}.{fmt}"
    path = write_xlsx(tmp_path / name, rows) if fmt == "xlsx" else write_csv(tmp_path / name, rows)
    return import_file(template=template, path=path, actor=actor, **kw)


def read_xlsx(data: bytes, sheet: int = 0) -> list[list]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return workbook.get_sheet_by_index(sheet).to_python(skip_empty_area=False)


def ids(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seen: list[str] = []
    while len(seen) < n:
        number = make_resident_id(rng)
        if number not in seen:
            seen.append(number)
    return seen


def codes(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [make_credit_code(rng) for _ in range(n)]


def union_code(seed: int = 3) -> str:
    return make_credit_code(random.Random(seed), authority="8", category="1")


def errors_of(outcome) -> list[tuple[int, str]]:
    """(row, column) of every error, for compact assertions."""
    return [(e.row, e.column) for e in outcome.errors]
