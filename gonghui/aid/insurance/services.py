"""Supplementary medical mutual aid (职工医疗互助): the only code that writes plans, enrolments,
claims and claim payments. Keyword-only, atomic, audited.

A plan belongs to the organisation that runs it and covers the active members of the unions
below it. Enrolment is yearly and in bulk, by union. A claim is entered by the member's union,
decided by a reviewer at the plan's organisation (never its submitter) within the plan's yearly
cap per member, and paid as ledger rows that never exceed the approved amount.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.models import Claim, ClaimPayment, Enrolment, InsurancePlan
from gonghui.aid.models.common import ZERO
from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction
from gonghui.core.money import collect_yuan, format_yuan, parse_yuan
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at, lock_for_edit, may_edit_org
from gonghui.registry.choices import MemberStatus
from gonghui.registry.membership_queries import CIPHERTEXT, REVIEW_ROLES
from gonghui.registry.models import Member

PLAN_FIELDS = ("organisation", "name", "year", "starts_on", "ends_on", "premium", "max_claim")


yuan = format_yuan  # the messages' form of an amount (also used by the pages)


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


def _clean_plan(plan: InsurancePlan, errors: dict) -> None:
    plan.name = (plan.name or "").strip()
    plan.insurer = (plan.insurer or "").strip()
    if not plan.name:
        errors["name"] = _("请填写保障计划名称")
    if not plan.year or not 2000 <= plan.year <= 2100:
        errors["year"] = _("请填写正确的年度（如 2026）")
    if not plan.starts_on:
        errors["starts_on"] = _("请填写保障开始日期")
    if not plan.ends_on:
        errors["ends_on"] = _("请填写保障结束日期")
    elif plan.starts_on and plan.ends_on < plan.starts_on:
        errors["ends_on"] = _("保障结束日期不能早于开始日期")
    premium = collect_yuan(plan.premium, field="premium", errors=errors, label=_("每人保费"))
    max_claim = collect_yuan(
        plan.max_claim, field="max_claim", errors=errors, label=_("每人年度赔付上限"),
        positive=True,
    )  # fmt: skip
    if premium is not None:
        plan.premium = premium
    if max_claim is not None:
        plan.max_claim = max_claim


def _save_plan(plan: InsurancePlan, fields: dict, *, actor, before_org_id) -> None:
    unknown = set(fields) - {*PLAN_FIELDS, "insurer"}
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(plan, name, value)
    errors: dict = {}
    if plan.organisation_id is None:
        errors["organisation"] = _("请选择主办工会")
    elif plan.organisation_id != before_org_id and not may_edit_org(actor, plan.organisation):
        errors["organisation"] = OUT_OF_SCOPE
    _clean_plan(plan, errors)
    if errors:
        raise ValidationError(errors)
    plan.save()


@transaction.atomic
def create_plan(*, actor, **fields) -> InsurancePlan:
    plan = InsurancePlan()
    _save_plan(plan, fields, actor=actor, before_org_id=None)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=plan, after=audit.snapshot(plan))
    return plan


@transaction.atomic
def update_plan(*, actor, plan: InsurancePlan, **fields) -> InsurancePlan:
    plan = lock_for_edit(plan, actor=actor)
    before = audit.snapshot(plan)
    _save_plan(plan, fields, actor=actor, before_org_id=plan.organisation_id)
    audit.updated(plan, actor=actor, before=before)
    return plan


# ---------------------------------------------------------------------------------------------
# Enrolment
# ---------------------------------------------------------------------------------------------


def _locked_plan(plan: InsurancePlan) -> InsurancePlan:
    """Enrolments of one plan queue on the plan's row, so two bulk enrolments of overlapping
    unions never both pick the same member."""
    return InsurancePlan.objects.select_for_update().select_related("organisation").get(pk=plan.pk)


def _check_union(actor, plan: InsurancePlan, union) -> None:
    if union is None:
        raise ValidationError({"union": _("请选择工会")})
    if not may_edit_org(actor, union):
        raise PermissionDenied(_("您无权为%(union)s办理参保") % {"union": union.name})
    if not union.path.startswith(plan.organisation.path):
        raise ValidationError(
            {
                "union": _("%(union)s不在%(org)s的保障范围内")
                % {"union": union.name, "org": plan.organisation.name}
            }
        )


@transaction.atomic
def enrol_union(*, actor, plan: InsurancePlan, union) -> int:
    """Enrol every active member of `union`'s subtree not yet in the plan; returns how many.

    The missing members are selected first (not left to ignore_conflicts) so that exactly the
    rows inserted are audited, in one insert for the enrolments and one for their audit rows.
    """
    plan = _locked_plan(plan)
    _check_union(actor, plan, union)
    today = timezone.localdate()
    members = (
        Member.objects.active()
        .filter(union__path__startswith=union.path)
        .exclude(pk__in=Enrolment.objects.filter(plan=plan).values("member_id"))
        .select_related("union")
        .defer(*CIPHERTEXT)
        .order_by("pk")
    )
    enrolments = [
        Enrolment(plan=plan, member=m, union=m.union, enrolled_on=today, enrolled_by=actor)
        for m in members
    ]
    if not enrolments:
        return 0
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    audit.record_bulk_create(actor=actor, objs=enrolments)
    return len(enrolments)


@transaction.atomic
def enrol_member(*, actor, plan: InsurancePlan, member: Member) -> Enrolment:
    plan = _locked_plan(plan)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            {"member": _("%(name)s不是在会会员，不能参保") % {"name": member.name}}
        )
    _check_union(actor, plan, member.union)
    if Enrolment.objects.filter(plan=plan, member=member).exists():
        raise ValidationError(
            {"member": _("%(name)s已参加%(plan)s") % {"name": member.name, "plan": plan}}
        )
    enrolment = Enrolment.objects.create(
        plan=plan, member=member, union=member.union, enrolled_by=actor
    )
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=enrolment, after=audit.snapshot(enrolment)
    )
    return enrolment


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


def _claim_errors(plan, admitted_on, discharged_on, hospital, expenses, claimed) -> dict:
    errors: dict = {}
    today = timezone.localdate()
    if not isinstance(admitted_on, datetime.date):
        errors["admitted_on"] = _("请填写入院日期")
    elif not plan.starts_on <= admitted_on <= plan.ends_on:
        errors["admitted_on"] = _("入院日期须在保障期内（%(start)s 至 %(end)s）") % {
            "start": plan.starts_on,
            "end": plan.ends_on,
        }
    elif admitted_on > today:
        errors["admitted_on"] = _("入院日期不能晚于今天")
    if discharged_on and isinstance(admitted_on, datetime.date) and discharged_on < admitted_on:
        errors["discharged_on"] = _("出院日期不能早于入院日期")
    if not hospital:
        errors["hospital"] = _("请填写医院")
    if claimed is not None and expenses is not None and claimed > expenses:
        errors["amount_claimed"] = _("申请赔付 %(claimed)s 元不能超过住院费用 %(expenses)s 元") % {
            "claimed": yuan(claimed),
            "expenses": yuan(expenses),
        }
    return errors


@transaction.atomic
def submit_claim(
    *,
    actor,
    enrolment: Enrolment,
    admitted_on,
    discharged_on=None,
    hospital: str,
    expenses,
    amount_claimed,
) -> Claim:
    enrolment = Enrolment.objects.select_related("plan", "union", "member").get(pk=enrolment.pk)
    if not may_edit_org(actor, enrolment.union):
        raise PermissionDenied(_("您无权为该会员提交理赔"))
    hospital = (hospital or "").strip()
    errors: dict = {}
    expenses = collect_yuan(
        expenses, field="expenses", errors=errors, label=_("住院费用"), positive=True
    )
    claimed = collect_yuan(
        amount_claimed, field="amount_claimed", errors=errors, label=_("申请赔付"), positive=True
    )
    errors |= _claim_errors(enrolment.plan, admitted_on, discharged_on, hospital, expenses, claimed)
    if errors:
        raise ValidationError(errors)
    claim = Claim.objects.create(
        enrolment=enrolment,
        union=enrolment.union,
        admitted_on=admitted_on,
        discharged_on=discharged_on or None,
        hospital=hospital,
        expenses=expenses,
        amount_claimed=claimed,
        submitted_by=actor,
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=claim, after=audit.snapshot(claim))
    return claim


def _locked_claim(claim: Claim) -> Claim:
    return (
        Claim.objects.select_for_update()
        .select_related("enrolment__plan__organisation", "enrolment__member", "union")
        .get(pk=claim.pk)
    )


def may_decide(user, claim: Claim) -> bool:
    """A reviewer at the plan's organisation or above, never the claim's submitter."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if claim.submitted_by_id == user.pk:
        return False
    return holds_role_at(user, claim.enrolment.plan.organisation, REVIEW_ROLES)


def may_pay(user, claim: Claim) -> bool:
    """Claims are paid by the plan's organisation (or above): it holds the fund."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return holds_role_at(user, claim.enrolment.plan.organisation, EDIT_ROLES)


def approved_total(enrolment: Enrolment, *, excluding=None) -> Decimal:
    """What the member has been granted in the plan so far."""
    claims = Claim.objects.filter(enrolment=enrolment, status=ClaimStatus.APPROVED)
    if excluding is not None:
        claims = claims.exclude(pk=excluding.pk)
    return claims.aggregate(total=Sum("amount_approved"))["total"] or ZERO


def _check_decider(actor, claim: Claim) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("需要工会工作人员审核"))
    if claim.submitted_by_id == actor.pk:
        raise PermissionDenied(_("不能审核自己提交的理赔"))
    if not may_decide(actor, claim):
        raise PermissionDenied(_("您无权审核该保障计划的理赔"))
    if claim.status != ClaimStatus.SUBMITTED:
        raise ValidationError(
            _("该理赔已处理（%(status)s）") % {"status": claim.get_status_display()}
        )


def _approve(claim: Claim, amount) -> None:
    if amount in (None, ""):
        amount = claim.amount_claimed
    amount = parse_yuan(amount, field="amount", label=_("核定赔付"), positive=True)
    if amount > claim.amount_claimed:
        raise ValidationError(
            {
                "amount": _("核定赔付 %(amount)s 元不能超过申请赔付 %(claimed)s 元")
                % {"amount": yuan(amount), "claimed": yuan(claim.amount_claimed)}
            }
        )
    # The member's other claims in the plan are read under the enrolment's lock, so two
    # decisions at once cannot both fit under the cap.
    enrolment = Enrolment.objects.select_for_update().get(pk=claim.enrolment_id)
    plan = claim.enrolment.plan
    granted = approved_total(enrolment, excluding=claim)
    if granted + amount > plan.max_claim:
        raise ValidationError(
            {
                "amount": _(
                    "超过年度赔付上限：上限 %(cap)s 元，已核定 %(granted)s 元，"
                    "本次最多可核定 %(left)s 元"
                )
                % {
                    "cap": yuan(plan.max_claim),
                    "granted": yuan(granted),
                    "left": yuan(max(plan.max_claim - granted, ZERO)),
                }
            }
        )
    claim.amount_approved = amount
    claim.status = ClaimStatus.APPROVED


@transaction.atomic
def decide_claim(*, actor, claim: Claim, approve: bool, amount=None, reason: str = "") -> Claim:
    claim = _locked_claim(claim)
    _check_decider(actor, claim)
    before = audit.snapshot(claim)
    if approve:
        _approve(claim, amount)
    else:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": _("拒赔须填写原因")})
        claim.refusal_reason = reason[:200]
        claim.status = ClaimStatus.REFUSED
    claim.decided_by = actor
    claim.decided_at = timezone.now()
    audit.saved(claim, actor=actor, before=before)
    return claim


# ---------------------------------------------------------------------------------------------
# Payments
# ---------------------------------------------------------------------------------------------


def paid_total(claim: Claim) -> Decimal:
    return claim.payments.aggregate(total=Sum("amount"))["total"] or ZERO


def _check_payment(claim: Claim, amount, paid_on) -> None:
    if claim.status != ClaimStatus.APPROVED:
        raise ValidationError(_("理赔尚未核定，不能发放（%(status)s）") % {
            "status": claim.get_status_display()
        })  # fmt: skip
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("赔付日期不能晚于今天")})
    paid = paid_total(claim)
    if paid + amount > claim.amount_approved:
        raise ValidationError(
            {
                "amount": _(
                    "超过核定赔付：核定 %(approved)s 元，已发放 %(paid)s 元，"
                    "最多还可发放 %(left)s 元"
                )
                % {
                    "approved": yuan(claim.amount_approved),
                    "paid": yuan(paid),
                    "left": yuan(claim.amount_approved - paid),
                }
            }
        )


@transaction.atomic
def pay_claim(
    *, actor, claim: Claim, amount, paid_on=None, idempotency_key: str | None = None
) -> ClaimPayment:
    """One ledger row through core.ledgers.pay_once, never past the approved amount."""
    key = clean_key(idempotency_key)
    # Payments of one claim queue on its row: the sum read below is the sum when this one lands.
    claim = _locked_claim(claim)
    if not may_pay(actor, claim):
        raise PermissionDenied(_("您无权发放该保障计划的理赔"))
    amount = parse_yuan(amount, field="amount", label=_("赔付金额"), positive=True)
    paid_on = paid_on or timezone.localdate()
    return pay_once(
        actor=actor, model=ClaimPayment, parent=claim, amount=amount, key=key,
        conflict=_("该幂等键已用于另一笔理赔发放（理赔或金额不同），请使用新的幂等键"),
        check=lambda: _check_payment(claim, amount, paid_on),
        build=lambda: ClaimPayment(claim=claim, amount=amount, paid_on=paid_on, created_by=actor),
    )  # fmt: skip
