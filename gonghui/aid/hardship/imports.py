"""Import of existing hardship files (困难职工档案) from a spreadsheet, and the list's export.

Synchronous: files are a few hundred rows a county. The registry's import pieces are reused (the
column specs, the reader, header binding and cell parsing, the template workbook); the rules are
this module's. Every row is checked first — the member found by ID number within the user's
editing scope and active, no open file already, level and causes by their Chinese labels, sizes,
money — and each problem is reported as row + column + reason. If any row fails, nothing is
written. Imported files are on record (filed) with the sheet's filing and review dates.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.aid.choices import HardshipCause, HardshipLevel
from gonghui.aid.hardship import services as hardship
from gonghui.aid.models import HardshipFile
from gonghui.core import audit
from gonghui.core.money import parse_yuan
from gonghui.core.scoping import holds_role_at, may_edit_org
from gonghui.core.sheets.cells import (
    CellError,
    Column,
    Template,
    attr,
    choice,
    count,
    date,
    fold,
    label,
    related_name,
    resident_id,
    text,
)
from gonghui.core.sheets.rows import Errors, RowError, bind_headers, parse_rows
from gonghui.registry.choices import MemberStatus
from gonghui.registry.membership_queries import REVIEW_ROLES
from gonghui.registry.models import Member

MAX_ROWS = 5000
CAUSE_SEPARATORS = ("、", ",", "，", ";", "；", "/", " ")


def money_cell(value) -> Decimal:
    """Yuan from a cell (core.money's one parser): "1,200.50" typed as text is fine, a number
    cell loses its binary noise but is never rounded."""
    try:
        return parse_yuan(value, from_cell=True, label="")
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None


_CAUSES = {fold(str(lbl)): value for value, lbl in HardshipCause.choices}
_CAUSES.update({fold(str(lbl)).removeprefix("因"): value for value, lbl in HardshipCause.choices})
_CAUSES.update({value: value for value in HardshipCause.values})


def causes_cell(value) -> list[str]:
    text_value = fold(str(value))
    for separator in CAUSE_SEPARATORS[1:]:
        text_value = text_value.replace(separator, CAUSE_SEPARATORS[0])
    words = [w for w in text_value.split(CAUSE_SEPARATORS[0]) if w]
    found, unknown = [], []
    for word in words:
        code = _CAUSES.get(word)
        (found if code else unknown).append(code or word)
    if unknown or not found:
        labels = "、".join(str(lbl) for lbl in HardshipCause.labels)
        raise CellError(
            _("“%(bad)s”不是致困原因；应为以下一项或几项（用顿号分隔）：%(labels)s")
            % {"bad": "、".join(unknown) or value, "labels": labels}
        )
    return found


def _causes_of(obj) -> str:
    return "、".join(obj.cause_labels)


def choice_labels(choices) -> tuple[str, ...]:
    return tuple(str(lbl) for lbl in choices.labels)


TEMPLATE = Template(
    key="hardship",
    title=gettext_lazy("困难职工档案"),
    columns=(
        Column("姓名", "name", text(50), lambda f: f.member.name, required=True, width=10,
               repeats=False, help=gettext_lazy("须与会员库中该身份号码的姓名一致")),
        Column("公民身份号码", "id_number", resident_id, lambda f: f.member.id_masked,
               required=True, as_text=True, width=22, repeats=False,
               help=gettext_lazy("18位；须为您管理范围内的在会会员")),
        Column("档案编号", "file_number", text(30), attr("file_number"), default="", width=14),
        Column("建档级别", "level", choice(HardshipLevel), label("level"), required=True,
               options=choice_labels(HardshipLevel), width=14),
        Column("致困原因", "causes", causes_cell, _causes_of, required=True, width=18,
               help=gettext_lazy("一项或几项，用顿号分隔，如“因病、因学”")),
        Column("困难情况说明", "cause_note", text(500), attr("cause_note"), default="", width=30),
        Column("家庭人口", "household_size", count, attr("household_size"), required=True,
               width=8, help=gettext_lazy("含职工本人，至少1人")),
        Column("家庭月收入（元）", "monthly_income", money_cell, attr("monthly_income"),
               required=True, width=14),
        Column("当地认定标准（元/人·月）", "local_line", money_cell, attr("local_line"),
               required=True, width=16),
        Column("建档日期", "filed_on", date, attr("filed_on"), required=True, width=12,
               help=gettext_lazy("不能晚于今天")),
        Column("最近复核日期", "reviewed_on", date, attr("reviewed_on"), width=12,
               help=gettext_lazy("不填为建档日期；不能早于建档日期、不能晚于今天")),
    ),
    notes=(
        gettext_lazy("导入的档案直接为“在档”状态；家庭成员和证明材料请在档案页面补充。"),
        gettext_lazy("同一职工只能有一份在档或待审核的档案；已有的会报错，不会更新。"),
        gettext_lazy("只要有一行有错，整个文件都不会写入。"),
    ),
)  # fmt: skip

# The list's export: the import's columns, then where the file stands.
EXPORT = Template(
    key="hardship_export",
    title=gettext_lazy("困难职工档案"),
    columns=(
        *TEMPLATE.columns,
        Column("所在工会", "union", None, related_name("union"), width=24),
        Column("家庭月人均收入（元）", "income_per_head", None, attr("income_per_head"), width=14),
        Column("状态", "status", None, label("status"), width=12),
        Column("状态说明", "status_reason", None, attr("status_reason"), width=24),
        Column("解困/移出日期", "closed_on", None, attr("closed_on"), width=12),
    ),
)


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class Prepared:
    row: int
    member: Member
    fields: dict


def _find_member(actor, values: dict, row, errors: Errors, seen: dict) -> Member | None:
    number = values["id_number"].number
    if number in seen:
        errors.add(row, "id_number", _("与第%(n)d行是同一人") % {"n": seen[number]})
        return None
    seen[number] = row.number
    member = (
        Member.objects.editable_by(actor)
        .with_id_number(number)
        .filter(status=MemberStatus.ACTIVE)
        .select_related("union__parent")
        .first()
    )
    if member is None:
        errors.add(row, "id_number", _("在您管理的工会中没有该身份号码的在会会员"))
        return None
    if member.name != values["name"]:
        errors.add(row, "name", _("与会员库中的姓名“%(n)s”不一致") % {"n": member.name})
        return None
    parent = member.union.parent
    if parent is None or not holds_role_at(actor, parent, REVIEW_ROLES):
        # Files come in already on record, so only the level that decides files may import them.
        errors.add(
            row,
            "id_number",
            _("该会员所在的%(union)s的档案须由上级工会（%(parent)s）的审核人员导入")
            % {"union": member.union.name, "parent": parent.name if parent else "—"},
        )
        return None
    if HardshipFile.objects.filter(member=member, status__in=hardship.OPEN).exists():
        errors.add(row, "id_number", hardship.one_open_message())
        return None
    return member


def _check_values(values: dict, row, errors: Errors, today) -> None:
    if values["household_size"] < 1:
        errors.add(row, "household_size", _("至少为1人"))
    if values["household_size"] > 99:
        errors.add(row, "household_size", _("家庭人口过多，请核对"))
    if values["filed_on"] > today:
        errors.add(row, "filed_on", _("不能晚于今天"))
    reviewed = values.get("reviewed_on")
    if reviewed is not None:
        if reviewed > today:
            errors.add(row, "reviewed_on", _("不能晚于今天"))
        elif reviewed < values["filed_on"]:
            errors.add(row, "reviewed_on", _("不能早于建档日期"))


def check_table(actor, table: list[list]) -> list[Prepared]:
    """Every row checked; raises ImportFailed with all errors, or returns what to write."""
    errors = Errors(TEMPLATE)
    bound = bind_headers(TEMPLATE, table, errors)
    if errors:
        raise ImportFailed(errors.sorted())
    rows = parse_rows(table, bound, errors)
    if not rows:
        errors.add_header("", _("文件中没有数据行"))
    if len(rows) > MAX_ROWS:
        errors.add_header("", _("一次最多导入%(n)d行，请分批导入") % {"n": MAX_ROWS})
        raise ImportFailed(errors.sorted())
    today, seen, prepared = timezone.localdate(), {}, []
    for row in rows:
        if row.bad:
            continue
        values = row.values
        _check_values(values, row, errors, today)
        member = _find_member(actor, values, row, errors, seen)
        if row.bad or member is None:
            continue
        fields = {k: values[k] for k in ("file_number", "level", "cause_note", "household_size")}
        fields.update(
            causes=",".join(c for c in HardshipCause.values if c in values["causes"]),
            monthly_income=values["monthly_income"],
            local_line=values["local_line"],
            filed_on=values["filed_on"],
            reviewed_on=values.get("reviewed_on") or values["filed_on"],
        )
        prepared.append(Prepared(row.number, member, fields))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


@transaction.atomic
def import_files(*, actor, table: list[list]) -> list[HardshipFile]:
    prepared = check_table(actor, table)
    created = []
    for item in prepared:
        if not may_edit_org(actor, item.member.union):  # checked already; never write outside
            raise ImportFailed([RowError(item.row, "", _("不在您的管理范围内"))])
        fields = dict(item.fields)
        filed_on, reviewed_on = fields.pop("filed_on"), fields.pop("reviewed_on")
        try:
            file = hardship.file_from_import(
                actor=actor,
                member=item.member,
                fields=fields,
                filed_on=filed_on,
                reviewed_on=reviewed_on,
            )
        except ValidationError as exc:
            raise ImportFailed(
                [RowError(item.row, TEMPLATE.header("id_number"), m) for m in exc.messages]
            ) from exc
        created.append(file)
    audit.record_bulk_create(actor=actor, objs=created)
    return created
