"""The three spreadsheet templates (工会组织, 单位, 会员), one declarative spec each.

Import and export share these specs: a column's `parse` turns a cell as people type it into a
value, its `render` turns a record back into a cell, so every export imports again unchanged.
Parsers see a cleaned cell (see `clean`), never an empty one, and raise `CellError` with a reason
a clerk can act on.
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
from django.utils.translation import gettext_lazy

from gonghui.core.models import OrgKind, OrgStatus
from gonghui.core.validators import (
    mask_mobile,
    mask_resident_id,
    parse_resident_id,
    validate_credit_code,
    validate_mobile,
)
from gonghui.registry.choices import EmploymentForm, Industry, OperatingStatus, Ownership

# Spreadsheet programs run a cell that starts with one of these as a formula. Exports put an
# apostrophe in front (shown by no program, kept by all); imports take it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_INT = 2_147_483_647


class CellError(Exception):
    """A cell that cannot be taken as it is; the message says why."""


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


def _fold(text: str) -> str:
    # Full-width letters, digits and brackets typed with a Chinese input method become ASCII.
    return unicodedata.normalize("NFKC", text).strip()


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _messages(exc: ValidationError) -> str:
    return "；".join(str(m) for m in exc.messages)


# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------


def text(max_length: int) -> Callable:
    def parse(value) -> str:
        value = _as_text(value)
        if len(value) > max_length:
            raise CellError(_("不能超过%(n)d个字") % {"n": max_length})
        return value

    return parse


def choice(choices: type[models.TextChoices]) -> Callable:
    """By label as shown on the pages (县总工会, 非公 …); the stored code is accepted as well."""
    lookup = {_fold(str(label)): value for value, label in choices.choices}
    lookup.update({value: value for value in choices.values})

    def parse(value):
        found = lookup.get(_fold(_as_text(value)))
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
    word = _fold(_as_text(value)).upper()
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
    return _date_from_text(_fold(str(value)))


def count(value) -> int:
    """A non-negative whole number; typed as text, with thousands separators, is fine."""
    if isinstance(value, bool):
        raise CellError(_("应为非负整数"))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("应为整数"))
        value = int(value)
    if not isinstance(value, int):
        digits = _fold(str(value)).replace(",", "").replace(" ", "")
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
        return _valid_credit_code(_as_text(value))
    except ValidationError as exc:
        raise CellError(_messages(exc)) from None


def resident_id(value):
    """The parsed number (with gender and birth date), validated by GB 11643."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: the last digits of the number are already gone.
        raise CellError(_("身份号码被存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写"))
    try:
        return parse_resident_id(str(value))
    except ValidationError as exc:
        raise CellError(_messages(exc)) from None


def mobile(value) -> str:
    try:
        return validate_mobile(_as_text(value))
    except ValidationError as exc:
        raise CellError(_messages(exc)) from None


_INDUSTRY_BY_NAME = {_fold(str(label)): value for value, label in Industry.choices}
_INDUSTRY_CODE = re.compile(r"^([A-Ta-t])(?:[\s\-—:：.、]*(.*))?$")


def industry(value) -> str:
    """A GB/T 4754 section by letter (C), name (制造业) or both (C 制造业)."""
    folded = _fold(_as_text(value))
    by_name = _INDUSTRY_BY_NAME.get(folded)
    if by_name:
        return by_name
    match = _INDUSTRY_CODE.match(folded)
    if match:
        letter, name = match.group(1).upper(), (match.group(2) or "").strip()
        label = _fold(str(Industry(letter).label))
        if name and name != label:
            raise CellError(
                _("门类 %(letter)s 是“%(label)s”，与“%(name)s”不符")
                % {"letter": letter, "label": label, "name": name}
            )
        return letter
    raise CellError(_("应为 GB/T 4754 门类字母（A–T）或名称，如“C 制造业”"))


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


def industry_of(obj) -> str:
    return f"{obj.industry} {obj.get_industry_display()}" if obj.industry else ""


def employer_code_of(obj) -> str:
    return obj.employer.credit_code if obj.employer_id else ""


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


def _labels(choices: type[models.TextChoices]) -> tuple[str, ...]:
    return tuple(str(label) for label in choices.labels)


UNIONS = Template(
    key="unions",
    title=gettext_lazy("工会组织"),
    columns=(
        Column("工会名称", "name", text(100), attr("name"), required=True, width=28, repeats=False,
               help=gettext_lazy("本县内不重复；已有的同名组织按本行更新")),
        Column("组织类型", "kind", choice(OrgKind), label("kind"), required=True,
               options=_labels(OrgKind), width=18),
        Column("上级工会", "parent", text(100), related_name("parent"), width=28,
               help=gettext_lazy("县总工会不填，其余必填；可以是本文件中的另一行")),
        Column("工会统一社会信用代码", "credit_code", credit_code, attr("credit_code"),
               default="", as_text=True, width=22, help=gettext_lazy("以81开头的18位代码")),
        Column("工会主席", "chair", text(50), attr("chair"), default=""),
        Column("成立日期", "founded_on", date, attr("founded_on"), width=12),
        Column("本届任期届满日期", "term_ends_on", date, attr("term_ends_on"), width=12),
        Column("状态", "status", choice(OrgStatus), label("status"), default=OrgStatus.ACTIVE,
               options=_labels(OrgStatus), width=8, help=gettext_lazy("不填为“正常”")),
    ),
    notes=(
        gettext_lazy("上级工会须先于下级存在：或已在系统中，或在本文件中（顺序不限）。"),
        gettext_lazy("导入不会移动已有组织：上级工会与系统中不同时报错，请在组织页面使用“移动”。"),
    ),
)  # fmt: skip

UNITS = Template(
    key="units",
    title=gettext_lazy("单位"),
    columns=(
        Column("统一社会信用代码", "credit_code", credit_code, attr("credit_code"),
               required=True, as_text=True, width=22, repeats=False,
               help=gettext_lazy("18位；已登记的单位按本行更新")),
        Column("单位名称", "name", text(200), attr("name"), required=True, width=30,
               repeats=False),
        Column("属地工会", "territory", text(100), related_name("territory"), required=True,
               width=22, help=gettext_lazy("所在乡镇(街道)总工会或园区工会的名称")),
        Column("所在工会", "union", text(100), related_name("union"), width=24,
               help=gettext_lazy("覆盖该单位的基层工会或联合基层工会；不填表示未建会")),
        Column("行业", "industry", industry, industry_of, default="", width=24,
               options=tuple(f"{v} {label}" for v, label in Industry.choices),
               help=gettext_lazy("GB/T 4754 门类：字母、名称或两者，如“C 制造业”")),
        Column("经济类型", "ownership", choice(Ownership), label("ownership"), required=True,
               options=_labels(Ownership), width=10),
        Column("职工人数", "headcount", count, attr("headcount"), required=True, width=10),
        Column("是否有党组织", "has_party_branch", yes_no, yes_no_of("has_party_branch"),
               default=False, options=("是", "否"), width=10, help=gettext_lazy("不填为“否”")),
        Column("成立日期", "founded_on", date, attr("founded_on"), width=12),
        Column("经营状态", "operating_status", choice(OperatingStatus),
               label("operating_status"), default=OperatingStatus.OPERATING,
               options=_labels(OperatingStatus), width=10, help=gettext_lazy("不填为“正常”")),
    ),
)  # fmt: skip

MEMBERS = Template(
    key="members",
    title=gettext_lazy("会员"),
    columns=(
        Column("姓名", "name", text(50), attr("name"), required=True, width=10, repeats=False),
        Column("公民身份号码", "id_number", resident_id, attr("id_masked"), required=True,
               as_text=True, width=22, render_clear=attr("id_number"), repeats=False,
               mask=mask_resident_id,
               help=gettext_lazy("18位，末位 x 大小写均可；同一人在一个文件中只能出现一次")),
        Column("手机号码", "phone", mobile, attr("phone_masked"), default="", as_text=True,
               width=14, render_clear=attr("phone"), repeats=False, mask=mask_mobile),
        Column("所在工会", "union", text(100), related_name("union"), required=True, width=24,
               help=gettext_lazy("基层工会或联合基层工会的名称")),
        Column("工作单位信用代码", "employer", credit_code, employer_code_of, as_text=True,
               width=22, help=gettext_lazy("须为已登记的单位；新就业形态无固定单位的不填")),
        Column("就业形态", "employment_form", choice(EmploymentForm), label("employment_form"),
               default=EmploymentForm.STANDARD, options=_labels(EmploymentForm), width=14,
               help=gettext_lazy("不填为“标准”")),
        Column("是否农民工", "is_migrant_worker", yes_no, yes_no_of("is_migrant_worker"),
               default=False, options=("是", "否"), width=10, help=gettext_lazy("不填为“否”")),
        Column("入会日期", "joined_on", date, attr("joined_on"), required=True, width=12,
               help=gettext_lazy("不能晚于今天")),
    ),
    notes=(
        gettext_lazy("同一身份号码在同一工会已是在会会员的，按本行更新；在其他工会在会的须办理转会。"),
        gettext_lazy("脱敏导出的会员名单（身份号码带 *）不能再导入：请使用明文导出。"),
    ),
)  # fmt: skip

TEMPLATES = {t.key: t for t in (UNIONS, UNITS, MEMBERS)}
