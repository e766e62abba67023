"""Import of an existing register of proposals (合理化建议台账) from a spreadsheet.

Each row: the submitter by ID number (an active member in the user's editing scope, the name as
in the registry), category, title, problem, idea, expected benefit, the date submitted, the
status reached (已受理 … 未采纳; 未采纳 needs its reason), the award tier, the verified benefit
(yuan) and who verified it. Nothing is written when any row fails; the errors name the row, the
column and the reason. Read top to bottom: template → check_table → import_proposals → views.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.money import parse_yuan
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sheets.cells import (
    CellError,
    Column,
    Template,
    attr,
    choice,
    choice_labels,
    date,
    resident_id,
    text,
)
from gonghui.core.sheets.readers import FileError
from gonghui.core.sheets.rows import Errors, bind_headers, parse_rows
from gonghui.core.sheets.workbooks import template_workbook
from gonghui.workforce.imports.common import MAX_ROWS, ImportFailed, find_member, of, read_upload
from gonghui.workforce.imports.forms import ImportForm
from gonghui.workforce.models import Proposal
from gonghui.workforce.models.proposals import (
    ADOPTED_STATES,
    AwardTier,
    ProposalCategory,
    ProposalChannel,
    ProposalStatus,
)


def yuan_cell(value):
    try:
        return parse_yuan(value, label="", required=False, from_cell=True)
    except ValidationError as exc:
        raise CellError("；".join(exc.messages)) from exc


TEMPLATE = Template(
    key="proposals",
    title=gettext_lazy("合理化建议台账"),
    columns=(
        Column("提出人公民身份号码", "id_number", resident_id, of("member.id_masked"),
               required=True, as_text=True, width=22,
               help=gettext_lazy("须为您管理范围内的在会会员")),
        Column("姓名", "name", text(50), of("member.name"), required=True, width=10),
        Column("类别", "category", choice(ProposalCategory), attr("category"), required=True,
               options=choice_labels(ProposalCategory), width=12),
        Column("题目", "title", text(100), attr("title"), required=True, width=24),
        Column("存在的问题", "problem", text(2000), attr("problem"), required=True, width=30),
        Column("建议或方案", "idea", text(2000), attr("idea"), required=True, width=30),
        Column("预期效益", "expected_benefit", text(2000), attr("expected_benefit"), default="",
               width=20),
        Column("提出日期", "submitted_on", date, attr("submitted_on"), required=True, width=12),
        Column("状态", "status", choice(ProposalStatus), attr("status"), required=True,
               options=choice_labels(ProposalStatus), width=10),
        Column("未采纳原因", "reject_reason", text(200), attr("reject_reason"), default="",
               width=20),
        Column("奖励等次", "award_tier", choice(AwardTier), attr("award_tier"), default="",
               options=choice_labels(AwardTier), width=10),
        Column("核实效益（元）", "verified_benefit", yuan_cell, attr("verified_benefit"),
               default=None, width=14),
        Column("效益核实人", "verified_by_name", text(50), attr("verified_by_name"), default="",
               width=10),
    ),
    notes=(gettext_lazy("只要有一行有错，整个文件都不会写入。"),),
)  # fmt: skip


@dataclass
class Prepared:
    row: int
    member: object
    values: dict


def _check_row(row, values, errors, today):
    if values["submitted_on"] > today:
        errors.add(row, "submitted_on", _("不能晚于今天"))
    status = values["status"]
    if status == ProposalStatus.REJECTED and not values.get("reject_reason"):
        errors.add(row, "reject_reason", _("未采纳的建议须写明原因"))
    if values.get("award_tier") and status not in ADOPTED_STATES:
        errors.add(row, "award_tier", _("只有已采纳或已实施的建议可以有奖励等次"))
    benefit = values.get("verified_benefit")
    if benefit and status not in ADOPTED_STATES:
        errors.add(row, "verified_benefit", _("只有已采纳或已实施的建议可以核实效益"))
    if benefit and not values.get("verified_by_name"):
        errors.add(row, "verified_by_name", _("填写核实效益时须写明核实人"))


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
    today, prepared = timezone.localdate(), []
    for row in rows:
        if row.bad:
            continue
        values = row.values
        _check_row(row, values, errors, today)
        member = find_member(actor, values["id_number"].number, values["name"], row,
                             "id_number", errors)  # fmt: skip
        if row.bad or member is None:
            continue
        prepared.append(Prepared(row.number, member, values))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


@transaction.atomic
def import_proposals(*, actor, table: list[list]) -> list[Proposal]:
    created = []
    for item in check_table(actor, table):
        v, member = item.values, item.member
        status = v["status"]
        p = Proposal.objects.create(
            union=member.union, member=member, employer=member.employer,
            category=v["category"], title=v["title"], problem=v["problem"], idea=v["idea"],
            expected_benefit=v.get("expected_benefit") or "", channel=ProposalChannel.IMPORT,
            status=status, reject_reason=v.get("reject_reason") or "",
            award_tier=v.get("award_tier") or "", verified_benefit=v.get("verified_benefit") or 0,
            verified_by_name=v.get("verified_by_name") or "", submitted_on=v["submitted_on"],
            adopted_on=v["submitted_on"] if status in ADOPTED_STATES else None,
            entered_by=actor,
        )  # fmt: skip
        p.number = f"JY{p.submitted_on.year}-{p.pk:05d}"
        p.save(update_fields=["number"])
        created.append(p)
    audit.record_bulk_create(actor=actor, objs=created)
    return created


def _editor(request):
    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied


def template(request):
    _editor(request)
    response = HttpResponse(
        template_workbook(TEMPLATE),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, TEMPLATE.filename)
    return response


def upload(request):
    _editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            table = read_upload(form.cleaned_data["file"], sheet_title=str(TEMPLATE.title))
            created = import_proposals(actor=request.user, table=table)
        except FileError as exc:
            form.add_error("file", str(exc))
        except ImportFailed as exc:
            errors = exc.errors
        else:
            messages.success(request, _("已导入 %(n)d 行") % {"n": len(created)})
            return HttpResponseRedirect(reverse("workforce:proposal_list"))
    return render(
        request,
        "workforce/proposals/import.html",
        {"form": form, "errors": errors, "template": TEMPLATE, "kind": "proposals"},
    )
