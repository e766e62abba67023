"""Cells of a spreadsheet: parsers, renderers and the declarative `Column` / `Template` spec.

Every import and export (the registry's three templates, hardship files, care visits, the bank's
transfer list) shares these: a column's `parse` turns a cell as people type it into a value, its
`render` turns a record back into a cell, so every export imports again unchanged. Parsers see a
cleaned cell (see `clean`), never an empty one, and raise `CellError` with a reason a clerk can
act on.
"""

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from gonghui.core.validators import (
    FORMULA_NAME_STARTS,
    parse_resident_id,
    validate_credit_code,
    validate_mobile,
)

# Spreadsheet programs run a cell that starts with one of these as a formula. Exports put an
# apostrophe in front (shown by no program, kept by all); imports take it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_INT = 2_147_483_647


class CellError(Exception):
    """A cell that cannot be taken as it is; the message says why."""


def excerpt(text, limit: int = 40) -> str:
    """At most `limit` characters of `text`, an ellipsis saying the rest was cut."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean(value):
    """A cell as read: surrounding spaces trimmed, blanks as None, the export's apostrophe off."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if value[0] == "'" and len(value) > 1 and value[1] in FORMULA_STARTS:
            return value[1:]
        return value
    return value


def neutralise(value):
    """A text cell that a spreadsheet program would run as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def fold(text: str) -> str:
    # Full-width letters, digits and brackets typed with a Chinese input method become ASCII.
    return unicodedata.normalize("NFKC", text).strip()


def as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def joined_messages(exc: ValidationError) -> str:
    return "；".join(str(m) for m in exc.messages)


# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------


def text(max_length: int) -> Callable:
    def parse(value) -> str:
        value = as_text(value)
        if len(value) > max_length:
            raise CellError(_("不能超过%(n)d个字") % {"n": max_length})
        return value

    return parse


def plain_name(max_length: int) -> Callable:
    """A person's or an employer's name: text that does not begin as a formula."""
    as_text_cell = text(max_length)

    def parse(value) -> str:
        value = as_text_cell(value)
        if value.startswith(FORMULA_NAME_STARTS):
            raise CellError(_("不能以 = + - @ 开头"))
        return value

    return parse


def choice(choices: type[models.TextChoices]) -> Callable:
    """By label as shown on the pages (县总工会, 非公 …); the stored code is accepted as well."""
    lookup = {fold(str(label)): value for value, label in choices.choices}
    lookup.update({value: value for value in choices.values})

    def parse(value):
        found = lookup.get(fold(as_text(value)))
        if found is None:
            labels = "、".join(str(label) for label in choices.labels)
            raise CellError(_("应为以下之一：%(labels)s") % {"labels": labels})
        return found

    return parse


YES = {"是", "Y", "YES", "TRUE", "1", "√"}
NO = {"否", "N", "NO", "FALSE", "0", "×"}


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    word = fold(as_text(value)).upper()
    if word in YES:
        return True
    if word in NO:
        return False
    raise CellError(_("应填“是”或“否”"))


_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Excel serial numbers of 1910-01-01 and 9999-12-31: a bare number below is a year or a typo.
_SERIAL_MIN, _SERIAL_MAX = 3653, 2958465


@lru_cache(maxsize=20000)
def _date_from_text(text: str) -> datetime.date:
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        raise CellError(_("日期格式无法识别：请填写如 2021-03-05、2021/3/5 或 2021年3月5日"))
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError(_("不是真实的日期")) from None


def date(value) -> datetime.date:
    """Excel date cells, and 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日 typed as text."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell whose format was lost reads as Excel's day count.
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise CellError(_("日期不完整：请填写年、月、日，如 2021-03-05"))
    if isinstance(value, datetime.time | datetime.timedelta):
        raise CellError(_("应为日期，不是时间"))
    return _date_from_text(fold(str(value)))


def count(value) -> int:
    """A non-negative whole number; typed as text, with thousands separators, is fine."""
    if isinstance(value, bool):
        raise CellError(_("应为非负整数"))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("应为整数"))
        value = int(value)
    if not isinstance(value, int):
        digits = fold(str(value)).replace(",", "").replace(" ", "")
        if not (digits.isascii() and digits.isdigit()):
            raise CellError(_("应为非负整数"))
        value = int(digits)
    if value < 0:
        raise CellError(_("应为非负整数"))
    if value > MAX_INT:
        raise CellError(_("数值过大"))
    return value


@lru_cache(maxsize=8192)
def _valid_credit_code(text: str) -> str:
    return validate_credit_code(text)  # a wrong code raises, and raising is not cached


def credit_code(value) -> str:
    # Cached: a members file names the same few hundred employers a hundred thousand times.
    try:
        return _valid_credit_code(as_text(value))
    except ValidationError as exc:
        raise CellError(joined_messages(exc)) from None


def resident_id(value):
    """The parsed number (with gender and birth date), validated by GB 11643."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: the last digits of the number are already gone.
        raise CellError(_("身份号码被存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写"))
    try:
        return parse_resident_id(str(value))
    except ValidationError as exc:
        raise CellError(joined_messages(exc)) from None


def mobile(value) -> str:
    try:
        return validate_mobile(as_text(value))
    except ValidationError as exc:
        raise CellError(joined_messages(exc)) from None


# ---------------------------------------------------------------------------------------------
# Renderers: a record's value as a cell (dates as dates; the exporter formats them)
# ---------------------------------------------------------------------------------------------


def attr(name: str) -> Callable:
    return lambda obj: getattr(obj, name)


def label(name: str) -> Callable:
    def render(obj):
        return str(getattr(obj, f"get_{name}_display")()) if getattr(obj, name) else ""

    return render


def related_name(name: str) -> Callable:
    def render(obj):
        related = getattr(obj, name)
        return related.name if related is not None else ""

    return render


def yes_no_of(name: str) -> Callable:
    return lambda obj: _("是") if getattr(obj, name) else _("否")


# ---------------------------------------------------------------------------------------------
# The templates
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    parse: Callable
    render: Callable
    required: bool = False
    default: object = None  # the value of an empty cell
    help: str = ""
    options: tuple[str, ...] = ()  # offered as a drop-down in the template
    as_text: bool = False  # formatted as text in the template (long numbers stay intact)
    width: int = 16
    # Values repeat down the column (a union's name, 是/否): each distinct one is parsed once.
    repeats: bool = True
    # Personal data: `render` gives the masked value, `render_clear` the clear one, and `mask`
    # masks a cell as typed (for previews, which never show it in clear).
    render_clear: Callable | None = None
    mask: Callable | None = None


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = field(default=())

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)

    def header(self, field_name: str) -> str:
        return self.column(field_name).header

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def filename(self) -> str:
        return _("%(title)s导入模板.xlsx") % {"title": self.title}


def choice_labels(choices: type[models.TextChoices]) -> tuple[str, ...]:
    return tuple(str(label) for label in choices.labels)
