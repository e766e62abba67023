"""Rows of a spreadsheet checked against a `Template`: the header bound to columns, every cell
through its column's parser, every problem a `RowError` (row, column, reason).

Shared by every import (the registry's templates, hardship files): a kind's own rules run over
the parsed `Row`s afterwards and add to the same `Errors`, so a file with any error writes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gonghui.core.sheets.cells import CellError, Column, Template, clean, excerpt

PROGRESS_EVERY = 5000
COLUMN_CHARS = 40
REASON_CHARS = 300

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet's own row number; the header is row 1
    column: str  # the header, or "" for the row as a whole
    reason: str

    def __post_init__(self):
        # A header or a message may quote what the file holds: never more than a few dozen
        # characters of it (a 1 GB cell must not become a 1 GB message, stored and shown).
        object.__setattr__(self, "column", excerpt(self.column, COLUMN_CHARS))
        object.__setattr__(self, "reason", excerpt(self.reason, REASON_CHARS))

    def __str__(self) -> str:
        if self.column:
            return _("第%(row)d行 %(column)s：%(reason)s") % {
                "row": self.row,
                "column": self.column,
                "reason": self.reason,
            }
        return _("第%(row)d行：%(reason)s") % {"row": self.row, "reason": self.reason}


@dataclass
class Row:
    number: int
    values: dict  # field -> parsed value; a field whose cell is wrong is missing
    bad: bool = False


@dataclass
class Plan:
    rows: int = 0
    creates: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    unchanged: int = 0


class Errors:
    """Collects every problem; `add` marks the row so later rules can skip it."""

    def __init__(self, template: Template):
        self.template = template
        self.items: list[RowError] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, row: Row | int, field_name: str, reason) -> None:
        number = row.number if isinstance(row, Row) else row
        if isinstance(row, Row):
            row.bad = True
        column = self.template.header(field_name) if field_name else ""
        self.items.append(RowError(number, column, str(reason)))

    def add_header(self, header: str, reason) -> None:
        self.items.append(RowError(1, header, str(reason)))

    def sorted(self) -> list[RowError]:
        order = {h: i for i, h in enumerate(self.template.headers)}
        return sorted(self.items, key=lambda e: (e.row, order.get(e.column, -1)))


# ---------------------------------------------------------------------------------------------
# Header and cells
# ---------------------------------------------------------------------------------------------


def _header_text(value) -> str:
    text = str(value).strip() if value is not None else ""
    return text.rstrip("*＊").strip()  # a required mark some people add


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def bind_headers(template: Template, table: list[list], errors: Errors) -> list[tuple[int, Column]]:
    """(cell index, column) for each known header; unknown, repeated, missing ones are errors."""
    if not table or not any(clean(cell) is not None for cell in table[0]):
        errors.add_header("", _("第一行应为表头（列名），但它是空的"))
        return []
    by_header = {c.header: c for c in template.columns}
    bound: list[tuple[int, Column]] = []
    seen: set[str] = set()
    for index, cell in enumerate(table[0]):
        header = _header_text(cell)
        if not header:
            if any(index < len(r) and clean(r[index]) is not None for r in table[1:]):
                errors.add_header(
                    _("%(letter)s列") % {"letter": _column_letter(index)}, _("有数据但没有列名")
                )
            continue
        column = by_header.get(header)
        if column is None:
            errors.add_header(
                header,
                _("未知的列，本模板的列为：%(headers)s") % {"headers": "、".join(template.headers)},
            )
        elif header in seen:
            errors.add_header(header, _("列名重复"))
        else:
            seen.add(header)
            bound.append((index, column))
    for column in template.columns:
        if column.required and column.header not in seen:
            errors.add_header(column.header, _("缺少必填的列"))
    return bound


class _CellParser:
    """One column of a file: parses its cells into `row.values`, reporting what is wrong.
    Parsers are pure functions of the cell, so a column whose values repeat (a union's name,
    是/否, a date) is parsed once per distinct value."""

    def __init__(self, index: int, column: Column):
        self.index, self.field, self.parse = index, column.field, column.parse
        self.required, self.default = column.required, column.default
        self.memo: dict | None = {} if column.repeats else None

    def __call__(self, row: Row, cell, errors: Errors) -> None:
        if cell is None:
            if self.required:
                errors.add(row, self.field, _("必填"))
            else:
                row.values[self.field] = self.default
            return
        memo = self.memo
        key = (cell.__class__, cell)  # 1, 1.0 and True are equal keys but different cells
        if memo is not None and key in memo:
            ok, value = memo[key]
        else:
            try:
                ok, value = True, self.parse(cell)
            except CellError as exc:
                ok, value = False, exc.args[0]
            if memo is not None:
                memo[key] = ok, value
        if ok:
            row.values[self.field] = value
        else:
            errors.add(row, self.field, value)


def parse_rows(
    table: list[list],
    bound: list[tuple[int, Column]],
    errors: Errors,
    progress: Progress | None = None,
) -> list[Row]:
    """Every non-empty row, each cell through its column's parser."""
    rows: list[Row] = []
    total = len(table) - 1
    parsers = [_CellParser(index, column) for index, column in bound]
    indexes = [p.index for p in parsers]
    if progress:
        progress(0, total, _("校验"))
    for number in range(2, len(table) + 1):
        raw = table[number - 1]
        width = len(raw)
        cells = [clean(raw[i]) if i < width else None for i in indexes]
        if cells.count(None) == len(cells):
            continue  # an empty row: nothing was entered, nothing is dropped
        row = Row(number=number, values={})
        for parser, cell in zip(parsers, cells, strict=True):
            parser(row, cell, errors)
        rows.append(row)
        if progress and number % PROGRESS_EVERY == 0:
            progress(number - 1, total, _("校验"))
    return rows
