"""Import of past competition results (竞赛成绩导入), shaped like workforce/imports/.

Each row: the competition by its name (one the user may edit), the entrant by ID number (an
active member in the user's editing scope) and name, the trade, the total mark and the rank.
The entrant is written as confirmed with the mark and rank; a competition given results this way
is marked published. A member already entered in that competition is an error. Nothing is written
when any row fails: each error names the row, the column and the reason.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.sheets.cells import CellError, Column, Template, attr, count, resident_id, text
from gonghui.core.sheets.rows import Errors, bind_headers, parse_rows
from gonghui.workforce.imports.common import MAX_ROWS, ImportFailed, find_member, of
from gonghui.workforce.models import Competition, Entrant
from gonghui.workforce.models.competitions import ContestStatus, EntrantSource, EntrantStatus


def mark(value) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise CellError(_("应为0—100之间的数字")) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise CellError(_("应为0—100之间的数字"))
    return number.quantize(Decimal("0.01"))


TEMPLATE = Template(
    key="competition_results",
    title=gettext_lazy("竞赛成绩"),
    columns=(
        Column("竞赛名称", "competition", text(100), of("competition.name"), required=True,
               width=24, help=gettext_lazy("须为已登记、您可管理的竞赛")),
        Column("公民身份号码", "id_number", resident_id, of("member.id_masked"), required=True,
               as_text=True, width=22, help=gettext_lazy("须为您管理范围内的在会会员")),
        Column("姓名", "name", text(50), attr("name"), required=True, width=10),
        Column("报名工种", "trade", text(50), attr("trade"), default="", width=12),
        Column("总成绩", "total", mark, attr("total"), required=True, width=10),
        Column("名次", "rank", count, attr("rank"), required=True, width=8),
    ),
    notes=(gettext_lazy("只要有一行有错，整个文件都不会写入。"),),
)  # fmt: skip


def check_table(actor, table: list[list]) -> list[tuple]:
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
    editable = Competition.objects.editable_by(actor)
    seen: dict = {}
    prepared = []
    for row in rows:
        if row.bad:
            continue
        v = row.values
        found = list(editable.filter(name=v["competition"])[:2])
        if not found:
            errors.add(row, "competition", _("没有您可管理的该名称竞赛"))
        elif len(found) > 1:
            errors.add(row, "competition", _("有多个同名竞赛，请先改名区分"))
        member = find_member(actor, v["id_number"].number, v["name"], row, "id_number", errors)
        if row.bad or member is None or len(found) != 1:
            continue
        contest = found[0]
        key = (contest.pk, member.id_hash)
        if key in seen:
            errors.add(row, "id_number", _("与第%(n)d行重复") % {"n": seen[key]})
            continue
        seen[key] = row.number
        if Entrant.objects.filter(competition=contest, member__id_hash=member.id_hash).exists():
            errors.add(row, "id_number", _("该会员已在本竞赛的选手名单中"))
            continue
        prepared.append((contest, member, v))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


@transaction.atomic
def import_results(*, actor, table: list[list]) -> list[Entrant]:
    created = []
    contests = {}
    for contest, member, v in check_table(actor, table):
        contests[contest.pk] = contest
        created.append(Entrant.objects.create(
            competition=contest, union=member.union, member=member, name=member.name,
            employer=member.employer, trade=v.get("trade") or "", source=EntrantSource.IMPORT,
            status=EntrantStatus.CONFIRMED, total=v["total"], rank=v["rank"],
        ))  # fmt: skip
    audit.record_bulk_create(actor=actor, objs=created)
    for contest in contests.values():
        before = audit.snapshot(contest)
        contest.status = ContestStatus.PUBLISHED
        contest.published_on = contest.published_on or timezone.localdate()
        audit.saved(contest, actor=actor, before=before)
    return created
