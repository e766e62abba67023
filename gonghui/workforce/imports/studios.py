"""Import of the existing innovation studios (创新工作室名册).

Each row: the studio's name, level (县级/市级/省级/全国), the employer by its unified social
credit code (covered by a union in the user's editing scope), the leader by ID number (an active
member in scope), field, naming date and document number. A studio already registered under the
same employer and name is an error, not an update. Nothing is written when any row fails.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.scoping import may_edit_org
from gonghui.core.sheets.cells import (
    Column,
    Template,
    attr,
    choice,
    choice_labels,
    credit_code,
    date,
    resident_id,
    text,
)
from gonghui.core.sheets.rows import Errors, bind_headers, parse_rows
from gonghui.registry.models import Employer
from gonghui.workforce.choices import Level
from gonghui.workforce.imports.common import MAX_ROWS, ImportFailed, find_member, of
from gonghui.workforce.models import Honouree, Studio

TEMPLATE = Template(
    key="studios",
    title=gettext_lazy("创新工作室名册"),
    columns=(
        Column("工作室名称", "name", text(100), attr("name"), required=True, width=24),
        Column("命名级别", "level", choice(Level), attr("level"), required=True,
               options=choice_labels(Level), width=10),
        Column("所在单位统一社会信用代码", "credit_code", credit_code, of("employer.credit_code"),
               required=True, as_text=True, width=22),
        Column("领衔人公民身份号码", "leader_id", resident_id, of("leader_member.id_masked"),
               required=True, as_text=True, width=22,
               help=gettext_lazy("须为您管理范围内的在会会员")),
        Column("专业领域", "field", text(100), attr("field"), default="", width=14),
        Column("命名日期", "named_on", date, attr("named_on"), required=True, width=12),
        Column("命名文号", "document_number", text(60), attr("document_number"), default="",
               width=20),
    ),
    notes=(gettext_lazy("只要有一行有错，整个文件都不会写入。"),),
)  # fmt: skip


@dataclass
class Prepared:
    row: int
    employer: Employer
    leader: object
    values: dict


def check_table(actor, table: list[list]) -> list[Prepared]:
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
        employer = (
            Employer.objects.visible_to(actor).select_related("union")
            .filter(credit_code=values["credit_code"]).first()
        )  # fmt: skip
        if employer is None:
            errors.add(row, "credit_code", _("在您管理范围内没有该信用代码的单位"))
        elif employer.union is None or not may_edit_org(actor, employer.union):
            errors.add(row, "credit_code", _("该单位未建会或不在您的可编辑范围内"))
        if values["named_on"] > today:
            errors.add(row, "named_on", _("不能晚于今天"))
        key = (values["credit_code"], values["name"])
        if key in seen:
            errors.add(row, "name", _("与第%(n)d行重复") % {"n": seen[key]})
        seen[key] = row.number
        twin = Studio.objects.filter(employer=employer, name=values["name"])
        if employer is not None and twin.exists():
            errors.add(row, "name", _("该单位已有同名工作室"))
        leader = find_member(actor, values["leader_id"].number, None, row, "leader_id", errors)
        if row.bad or leader is None or employer is None:
            continue
        prepared.append(Prepared(row.number, employer, leader, values))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


@transaction.atomic
def import_studios(*, actor, table: list[list]) -> list[Studio]:
    created = []
    for item in check_table(actor, table):
        v = item.values
        created.append(Studio.objects.create(
            name=v["name"], level=v["level"], employer=item.employer, union=item.employer.union,
            leader_member=item.leader,
            leader_honouree=Honouree.objects.filter(id_hash=item.leader.id_hash).first(),
            field=v.get("field") or "", named_on=v["named_on"],
            document_number=v.get("document_number") or "",
        ))  # fmt: skip
    audit.record_bulk_create(actor=actor, objs=created)
    return created
