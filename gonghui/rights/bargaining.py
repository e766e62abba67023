"""Centralised bargaining rounds (集中要约行动): the only code that writes rounds and their offers.

A round belongs to the union that runs it (fixed once created); it and its offers are changed by
whoever may edit that union (`may_edit_org`). An offer (要约书) goes to an employer the actor sees,
once per round; adding many at once skips those already in the round. An offer records when it
was sent, the employer's response and when, a note of the outcome and, once signed, the contract
it led to, which must cover that employer. Every change is audited.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import may_edit_org
from gonghui.registry.services import OUT_OF_SCOPE
from gonghui.rights.choices import ContractKind
from gonghui.rights.models import BargainingRound

ROUND_FIELDS = ("name", "year", "kind", "started_on", "closed_on", "notes")
OFFER_FIELDS = ("offered_on", "response", "responded_on", "outcome_note", "contract")
YEARS = (2000, 2100)
NAME_LENGTH = 200
NOTE_LENGTH = 500


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


# ---------------------------------------------------------------------------------------------
# Rounds
# ---------------------------------------------------------------------------------------------


def _check_round(fields: dict) -> dict:
    errors: dict = {}
    fields["name"] = (fields.get("name") or "").strip()
    fields["notes"] = (fields.get("notes") or "").strip()
    if not fields["name"]:
        errors["name"] = _("请填写行动名称")
    elif len(fields["name"]) > NAME_LENGTH:
        errors["name"] = _("行动名称不能超过%(n)d个字") % {"n": NAME_LENGTH}
    year = fields.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not YEARS[0] <= year <= YEARS[1]:
        errors["year"] = _("年度应为 2000—2100 之间的年份")
    if fields.get("kind") not in ContractKind.values:
        errors["kind"] = _("请选择协商内容（合同类别）")
    started, closed = fields.get("started_on"), fields.get("closed_on")
    if not _is_date(started):
        errors["started_on"] = _("请填写启动日期")
    if closed in (None, ""):
        fields["closed_on"] = None
    elif not _is_date(closed):
        errors["closed_on"] = _("结束日期格式不正确")
    elif "started_on" not in errors and closed < started:
        errors["closed_on"] = _("结束日期（%(c)s）不能早于启动日期（%(s)s）") % {
            "c": closed, "s": started}  # fmt: skip
    return errors


@transaction.atomic
def create_round(*, actor, organisation, **fields) -> BargainingRound:
    unknown = set(fields) - set(ROUND_FIELDS)
    if unknown:
        raise TypeError(f"create_round: unknown fields {sorted(unknown)}")
    fields = {name: fields.get(name) for name in ROUND_FIELDS}
    errors = _check_round(fields)
    if organisation is None:
        errors["organisation"] = _("请选择组织要约的工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    if errors:
        raise ValidationError(errors)
    round_ = BargainingRound.objects.create(organisation=organisation, **fields)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=round_, after=audit.snapshot(round_))
    return round_


def _locked_round(actor, round_: BargainingRound) -> BargainingRound:
    round_ = (
        BargainingRound.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=round_.pk)
    )
    if not may_edit_org(actor, round_.organisation):
        raise PermissionDenied(OUT_OF_SCOPE)
    return round_


@transaction.atomic
def update_round(*, actor, bargainininground=None, bargainninground=None, **fields):
    raise NotImplementedError  # replaced below (kept out of the generic API's naming trap)
