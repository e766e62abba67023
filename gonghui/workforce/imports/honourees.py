"""Import of the existing roll of honourees (劳模名册): one row per honour held.

Each row names the person (ID number of an active member in the user's editing scope, name as
in the registry), the honour kind by its name (a kind the user sees: the county's own or a
higher level's), the year, the date, the decision's document number and the certificate number
(unique, also against what is already on record), and the person's status (在职/退休/去世).
The person's file is opened the first time they appear (one per ID number). Nothing is written
when any row fails.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.sheets.cells import (
    Column,
    Template,
    attr,
    choice,
    choice_labels,
    count,
    date,
    resident_id,
    text,
)
from gonghui.core.sheets.rows import Errors, bind_headers, parse_rows
from gonghui.workforce.choices import HonoureeStatus, Subject
from gonghui.workforce.honours.nominations import honouree_for
from gonghui.workforce.imports.common import MAX_ROWS, ImportFailed, find_member, of
from gonghui.workforce.models import Honour, HonourKind

TEMPLATE = Template(
    key="honourees",
    title=gettext_lazy("劳模名册"),
    columns=(
        Column("姓名", "name", text(50), of("honouree.name"), required=True, width=10,
               help=gettext_lazy("须与会员库中该身份号码的姓名一致")),
        Column("公民身份号码", "id_number", resident_id, of("honouree.id_masked"),
               required=True, as_text=True, width=22,
               help=gettext_lazy("18位；须为您管理范围内的在会会员")),
        Column("荣誉名称", "kind", text(50), of("kind.name"), required=True, width=18,
               help=gettext_lazy("须为系统中已设的荣誉类别名称，如“县劳动模范”")),
        Column("年度", "year", count, attr("year"), required=True, width=8),
        Column("授予日期", "awarded_on", date, attr("awarded_on"), required=True, width=12),
        Column("表彰文号", "document_number", text(60), attr("document_number"), required=True,
               width=20),
        Column("证书编号", "certificate_no", text(60), attr("certificate_no"), default="",
               width=16, help=gettext_lazy("不能与已有证书编号重复；可不填")),
        Column("状态", "status", choice(HonoureeStatus), of("honouree.status"),
               default=HonoureeStatus.WORKING, options=choice_labels(HonoureeStatus), width=8),
    ),
    notes=(
        gettext_lazy("一行一项荣誉；同一人有多项荣誉时写多行。"),
        gettext_lazy("只要有一行有错，整个文件都不会写入。"),
    ),
)  # fmt: skip


@dataclass
class Prepared:
    row: int
    member: object
    kind: HonourKind
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
    kinds = {k.name: k for k in HonourKind.objects.visible_to(actor)}
    numbers_seen: dict[str, int] = {}
    today, prepared = timezone.localdate(), []
    for row in rows:
        if row.bad:
            continue
        values = row.values
        kind = kinds.get(values["kind"])
        if kind is None:
            errors.add(row, "kind", _("没有名为“%(k)s”的荣誉类别") % {"k": values["kind"]})
        elif kind.subject != Subject.INDIVIDUAL:
            errors.add(row, "kind", _("“%(k)s”授予集体，不能导入到个人名册") % {"k": kind.name})
        if not 1950 <= values["year"] <= today.year:
            errors.add(row, "year", _("年度应在1950年至今年之间"))
        if values["awarded_on"] > today:
            errors.add(row, "awarded_on", _("不能晚于今天"))
        number = values.get("certificate_no") or ""
        if number:
            if number in numbers_seen:
                errors.add(
                    row, "certificate_no", _("与第%(n)d行重复") % {"n": numbers_seen[number]}
                )
            elif Honour.objects.filter(certificate_no=number).exists():
                errors.add(row, "certificate_no", _("已有此证书编号的荣誉"))
            numbers_seen[number] = row.number
        member = find_member(actor, values["id_number"].number, values["name"], row,
                             "id_number", errors)  # fmt: skip
        if row.bad or member is None or kind is None:
            continue
        prepared.append(Prepared(row.number, member, kind, values))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


@transaction.atomic
def import_roll(*, actor, table: list[list]) -> list[Honour]:
    created = []
    for item in check_table(actor, table):
        honouree = honouree_for(item.member, actor=actor)
        status = item.values.get("status") or HonoureeStatus.WORKING
        if honouree.status != status:
            before = audit.snapshot(honouree)
            honouree.status = status
            audit.saved(honouree, actor=actor, before=before)
        created.append(Honour.objects.create(
            kind=item.kind, honouree=honouree, union=honouree.union, year=item.values["year"],
            awarded_on=item.values["awarded_on"],
            document_number=item.values["document_number"],
            certificate_no=item.values.get("certificate_no") or None,
        ))  # fmt: skip
    audit.record_bulk_create(actor=actor, objs=created)
    return created
