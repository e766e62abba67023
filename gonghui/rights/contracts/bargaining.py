"""Centralised bargaining rounds (集中要约行动): the only code that writes rounds and their offers.

A round belongs to the union that runs it (fixed once created); it and its offers are changed by
whoever may edit that union (`may_edit_org`). An offer (要约书) goes to an employer the actor sees,
once per round; adding many at once skips those already in the round. An offer records when it
was sent, the employer's response and when, a note of the outcome and, once signed, the contract
it led to, which must cover that employer. Every change is audited.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.models import Employer
from gonghui.rights.choices import ContractKind, OfferResponse
from gonghui.rights.models import BargainingRound, CollectiveContract, ContractEmployer, RoundOffer

ROUND_FIELDS = ("name", "year", "kind", "started_on", "closed_on", "notes")
OFFER_FIELDS = ("offered_on", "response", "responded_on", "outcome_note", "contract")
YEARS = (2000, 2100)
NAME_LENGTH = 200
NOTE_LENGTH = 500


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
    if not is_date(started):
        errors["started_on"] = _("请填写启动日期")
    if closed in (None, ""):
        fields["closed_on"] = None
    elif not is_date(closed):
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
    return lock_for_edit(round_, actor=actor)


@transaction.atomic
def update_round(*, actor, bargaininground=None, round=None, **fields) -> BargainingRound:
    """Change any of ROUND_FIELDS. (`bargaininground` is the name the generic API passes.)"""
    round_ = _locked_round(actor, round or bargaininground)
    organisation = fields.pop("organisation", round_.organisation)
    unknown = set(fields) - set(ROUND_FIELDS)
    if unknown:
        raise TypeError(f"update_round: unknown fields {sorted(unknown)}")
    merged = {name: fields.get(name, getattr(round_, name)) for name in ROUND_FIELDS}
    errors = _check_round(merged)
    if getattr(organisation, "pk", organisation) != round_.organisation_id:
        errors["organisation"] = _("组织要约的工会在登记后不能更改")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(round_)
    for name, value in merged.items():
        setattr(round_, name, value)
    audit.saved(round_, actor=actor, before=before)
    return round_


# ---------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------

R = OfferResponse
# Where an offer may go from each response (staying put is always allowed: a note or a date
# corrected). A refused or failed offer may be taken up again (a repeated offer, resumed talks).
TRANSITIONS = {
    R.PENDING: {R.ACCEPTED, R.REFUSED},
    R.ACCEPTED: {R.NEGOTIATING, R.SIGNED, R.FAILED},
    R.REFUSED: {R.PENDING, R.ACCEPTED},
    R.NEGOTIATING: {R.SIGNED, R.FAILED},
    R.SIGNED: set(),
    R.FAILED: {R.NEGOTIATING},
}


def _visible_employers(actor, employers) -> list[Employer]:
    ids = list(dict.fromkeys(getattr(e, "pk", e) for e in employers))
    found = Employer.objects.all() if actor is None else Employer.objects.visible_to(actor)
    rows = {e.pk: e for e in found.filter(pk__in=ids)}
    if len(rows) != len(ids):
        raise ValidationError({"employers": _("所选企业不存在或不在您的管理范围内")})
    return [rows[pk] for pk in ids]


@transaction.atomic
def add_offers(*, actor, round, employers, offered_on=None) -> list[RoundOffer]:
    """Send the round's offer to many employers at once (those already in the round are
    skipped). Returns the offers created, each audited."""
    round_ = _locked_round(actor, round)
    if offered_on in (None, ""):
        offered_on = timezone.localdate()
    if not is_date(offered_on):
        raise ValidationError({"offered_on": _("发出要约日期格式不正确")})
    if offered_on < round_.started_on:
        raise ValidationError(
            {"offered_on": _("发出要约日期（%(o)s）不能早于行动启动日期（%(s)s）") % {
                "o": offered_on, "s": round_.started_on}}
        )  # fmt: skip
    if not employers:
        raise ValidationError({"employers": _("请选择要发出要约的企业")})
    chosen = _visible_employers(actor, employers)
    have = set(round_.offers.values_list("employer_id", flat=True))
    offers = [
        RoundOffer(round=round_, employer=e, offered_on=offered_on)
        for e in chosen
        if e.pk not in have
    ]
    RoundOffer.objects.bulk_create(offers)
    audit.record_bulk_create(actor=actor, objs=offers)
    return offers


def _locked_offer(actor, offer: RoundOffer) -> RoundOffer:
    offer = (
        RoundOffer.objects.select_for_update(of=("self",))
        .select_related("round__organisation", "employer")
        .get(pk=offer.pk)
    )
    ensure_may_edit_org(actor, offer.round.organisation)
    return offer


def _check_offer(actor, offer: RoundOffer, current: str, fields: dict) -> dict:
    errors: dict = {}
    response = fields.get("response")
    labels = dict(R.choices)
    if response not in R.values:
        errors["response"] = _("请选择进展")
    elif response != current and response not in TRANSITIONS[current]:
        errors["response"] = _("进展不能从“%(a)s”改为“%(b)s”") % {
            "a": labels[current], "b": labels[response]}  # fmt: skip
    offered, responded = fields.get("offered_on"), fields.get("responded_on")
    if offered in (None, ""):
        fields["offered_on"] = offered = None
    elif not is_date(offered):
        errors["offered_on"] = _("发出要约日期格式不正确")
    if responded in (None, ""):
        fields["responded_on"] = responded = None
    elif not is_date(responded):
        errors["responded_on"] = _("回应日期格式不正确")
    if response in R.values and response != R.PENDING and "responded_on" not in errors:
        if responded is None:
            errors["responded_on"] = _("企业已回应：请填写回应日期")
        elif "offered_on" not in errors and offered is not None and responded < offered:
            errors["responded_on"] = _("回应日期（%(r)s）不能早于发出要约日期（%(o)s）") % {
                "r": responded, "o": offered}  # fmt: skip
    fields["outcome_note"] = (fields.get("outcome_note") or "").strip()
    if len(fields["outcome_note"]) > NOTE_LENGTH:
        errors["outcome_note"] = _("结果说明不能超过%(n)d个字") % {"n": NOTE_LENGTH}
    contract = fields.get("contract")
    if response == R.SIGNED and contract in (None, ""):
        errors["contract"] = _("已签订：请选择签订的集体合同")
    elif contract not in (None, "") and response != R.SIGNED:
        errors["contract"] = _("只有“已签订”的要约才能关联合同")
    elif contract not in (None, ""):
        errors.update(_check_contract(actor, offer, contract, fields))
    if contract in (None, ""):
        fields["contract"] = None
    return errors


def _check_contract(actor, offer: RoundOffer, contract, fields: dict) -> dict:
    pk = getattr(contract, "pk", contract)
    found = CollectiveContract.objects.all() if actor is None else (
        CollectiveContract.objects.visible_to(actor)
    )  # fmt: skip
    contract = found.filter(pk=pk).first()
    if contract is None:
        return {"contract": _("所选合同不存在或不在您的管理范围内")}
    fields["contract"] = contract
    if not ContractEmployer.objects.filter(contract=contract, employer=offer.employer).exists():
        return {"contract": _("合同“%(c)s”未覆盖%(e)s：请先在合同中添加该企业") % {
            "c": contract, "e": offer.employer}}  # fmt: skip
    if contract.kind != offer.round.kind:
        return {"contract": _("合同类别（%(a)s）与要约内容（%(b)s）不一致") % {
            "a": contract.get_kind_display(), "b": offer.round.get_kind_display()}}  # fmt: skip
    return {}


@transaction.atomic
def update_offer(*, actor, offer=None, roundoffer=None, **fields) -> RoundOffer:
    """Record the employer's response and the outcome. (`roundoffer`: the generic API's name.)"""
    offer = _locked_offer(actor, offer or roundoffer)
    for fixed in ("round", "employer"):
        value = fields.pop(fixed, None)
        if value is not None and getattr(value, "pk", value) != getattr(offer, f"{fixed}_id"):
            raise ValidationError({fixed: _("要约的行动和企业不能更改：请删除后重新添加")})
    unknown = set(fields) - set(OFFER_FIELDS)
    if unknown:
        raise TypeError(f"update_offer: unknown fields {sorted(unknown)}")
    merged = {name: fields.get(name, getattr(offer, name)) for name in OFFER_FIELDS}
    errors = _check_offer(actor, offer, offer.response, merged)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(offer)
    for name, value in merged.items():
        setattr(offer, name, value)
    audit.saved(offer, actor=actor, before=before)
    return offer


@transaction.atomic
def remove_offer(*, actor, offer: RoundOffer) -> None:
    """Take an employer out of a round, only while its offer has had no response."""
    offer = _locked_offer(actor, offer)
    if offer.response != R.PENDING:
        raise ValidationError(
            {"response": _("企业已回应（%(r)s），不能移出：请如实记录进展") % {
                "r": offer.get_response_display()}}
        )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.DELETE, obj=offer, before=audit.snapshot(offer))
    offer.delete()
