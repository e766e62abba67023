"""Union-fee refunds to small and micro employers (小微企业工会经费返还): the only code that writes
policies, applications, decisions and refund payments, plus the figures they add up to.

A policy (one per organisation and year) says which employers may apply (headcount at most a
configurable number) and what share of the fees paid comes back. An employer's covering union
applies; a reviewer at the policy's organisation or above decides (never the submitter); the
refund is paid as ledger rows under a lock on the application, so it is never overpaid and a
retried payment with the same key pays once. Every change is audited.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import RefundStatus
from gonghui.aid.models import FeeRefund, RefundPayment, RefundPolicy
from gonghui.aid.models.common import CENT, MONEY, ZERO
from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction, OrgStatus
from gonghui.core.money import collect_yuan
from gonghui.core.roles import Role
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at, lock_for_edit, may_edit_org
from gonghui.registry.choices import OperatingStatus

PLACES_WORDS = {1: "一", 2: "两", 3: "三", 4: "四"}
REVIEW_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.REVIEWER})
LIVE = (RefundStatus.PENDING, RefundStatus.APPROVED)
POLICY_FIELDS = ("organisation", "year", "max_headcount", "refund_share", "opens_on", "closes_on")


def _decimal(value, field: str, label: str, errors: dict, places: Decimal = CENT):
    """A share such as 0.5000 (not money: that is `money`) with at most `places`, or None (and
    an error naming the field) when not one."""
    if value in (None, ""):
        errors[field] = _("请填写%(label)s") % {"label": label}
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[field] = _("%(label)s应为数字") % {"label": label}
        return None
    if not number.is_finite() or number != number.quantize(places):
        errors[field] = _("%(label)s最多保留%(n)s位小数") % {
            "label": label,
            "n": PLACES_WORDS.get(-places.as_tuple().exponent, ""),
        }
        return None
    return number.quantize(places)


def money(value, field: str, label: str, errors: dict) -> Decimal | None:
    """A positive amount in yuan (core.money's one parser)."""
    return collect_yuan(value, field=field, errors=errors, label=label, positive=True)


def refundable(fees_paid: Decimal, share: Decimal) -> Decimal:
    """The most that may come back: fees paid times the share, rounded to the fen."""
    return (fees_paid * share).quantize(CENT, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------


def _check_policy(actor, fields: dict) -> dict:
    errors: dict = {}
    organisation = fields.get("organisation")
    if organisation is None:
        errors["organisation"] = _("请选择主办工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    if not fields.get("year"):
        errors["year"] = _("请填写年度")
    headcount = fields.get("max_headcount")
    if headcount is None or headcount < 1:
        errors["max_headcount"] = _("职工人数上限应为正整数")
    share = _decimal(fields.get("refund_share"), "refund_share", _("返还比例"), errors)
    if share is not None and not Decimal("0") < share <= Decimal("1"):
        errors["refund_share"] = _("返还比例应大于0且不超过1（1.00 为全额返还），现为 %(v)s") % {
            "v": share
        }
    fields["refund_share"] = share
    opens, closes = fields.get("opens_on"), fields.get("closes_on")
    if opens is None:
        errors["opens_on"] = _("请填写受理开始日期")
    if closes is None:
        errors["closes_on"] = _("请填写受理截止日期")
    elif opens is not None and closes < opens:
        errors["closes_on"] = _("受理截止日期（%(close)s）不能早于开始日期（%(open)s）") % {
            "close": closes,
            "open": opens,
        }
    return errors


def _duplicate_year(fields: dict, exclude_pk=None) -> dict:
    others = RefundPolicy.objects.filter(
        organisation=fields["organisation"], year=fields["year"]
    ).exclude(pk=exclude_pk)
    if others.exists():
        return {"year": _duplicate_message(fields)}
    return {}


def _duplicate_message(fields: dict) -> str:
    return _("%(org)s已有%(year)s年度的返还政策，每个组织每年只能有一项") % {
        "org": fields["organisation"].name,
        "year": fields["year"],
    }


def _save_policy(policy: RefundPolicy, fields: dict) -> None:
    try:
        with transaction.atomic():
            policy.save()
    except IntegrityError:  # the same year saved at the same moment
        raise ValidationError({"year": _duplicate_message(fields)}) from None


@transaction.atomic
def create_policy(*, actor, **fields) -> RefundPolicy:
    fields = {k: fields.get(k) for k in POLICY_FIELDS}
    errors = _check_policy(actor, fields)
    if not errors:
        errors = _duplicate_year(fields)
    if errors:
        raise ValidationError(errors)
    policy = RefundPolicy(**fields)
    _save_policy(policy, fields)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=policy, after=audit.snapshot(policy))
    return policy


@transaction.atomic
def update_policy(*, actor, policy: RefundPolicy, **fields) -> RefundPolicy:
    policy = lock_for_edit(policy, actor=actor)
    merged = {k: fields.get(k, getattr(policy, k)) for k in POLICY_FIELDS}
    errors = _check_policy(actor, merged)
    if not errors:
        errors = _duplicate_year(merged, exclude_pk=policy.pk)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(policy)
    for key, value in merged.items():
        setattr(policy, key, value)
    _save_policy(policy, merged)
    audit.updated(policy, actor=actor, before=before)
    return policy


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


def employer_problem(policy: RefundPolicy, employer) -> str | None:
    """Why `employer` may not apply under `policy`, or None (also shown on the search page)."""
    union = employer.union
    if employer.operating_status != OperatingStatus.OPERATING:
        return _("%(name)s不在正常经营状态（%(status)s）") % {
            "name": employer.name,
            "status": employer.get_operating_status_display(),
        }
    if union is None or union.status != OrgStatus.ACTIVE:
        return _("%(name)s未建工会或所在工会不在正常状态，不能申请返还") % {"name": employer.name}
    if not union.path.startswith(policy.organisation.path):
        return _("%(name)s的工会不在%(org)s范围内，不适用本政策") % {
            "name": employer.name,
            "org": policy.organisation.name,
        }
    if employer.headcount > policy.max_headcount:
        return _("%(name)s职工人数为 %(n)d 人，超过本政策上限 %(max)d 人") % {
            "name": employer.name,
            "n": employer.headcount,
            "max": policy.max_headcount,
        }
    return None


def _check_window(policy: RefundPolicy, today: datetime.date, errors: dict) -> None:
    if not policy.opens_on <= today <= policy.closes_on:
        errors["policy"] = _("本政策受理时间为 %(open)s 至 %(close)s，今天不在受理期内") % {
            "open": policy.opens_on,
            "close": policy.closes_on,
        }


def _check_amounts(policy, fees_paid, amount_requested, errors: dict):
    fees = money(fees_paid, "fees_paid", _("已缴工会经费"), errors)
    requested = money(amount_requested, "amount_requested", _("申请返还金额"), errors)
    if fees is not None and requested is not None:
        cap = refundable(fees, policy.refund_share)
        if requested > cap:
            errors["amount_requested"] = _(
                "申请返还金额 %(req)s 元超过可返还上限 %(cap)s 元"
                "（已缴 %(fees)s 元 × 返还比例 %(share)s）"
            ) % {"req": requested, "cap": cap, "fees": fees, "share": policy.refund_share}
    return fees, requested


def _live_message(employer) -> str:
    return _("%(name)s在本政策下已有待审核或已批准的返还申请") % {"name": employer.name}


@transaction.atomic
def apply_refund(
    *, actor, policy: RefundPolicy, employer, fees_paid, amount_requested
) -> FeeRefund:
    errors: dict = {}
    _check_window(policy, timezone.localdate(), errors)
    problem = employer_problem(policy, employer)
    if problem:
        errors["employer"] = problem
    elif actor is None or not may_edit_org(actor, employer.union):
        errors["employer"] = OUT_OF_SCOPE
    fees, requested = _check_amounts(policy, fees_paid, amount_requested, errors)
    live = policy.refunds.filter(employer=employer, status__in=LIVE)
    if "employer" not in errors and live.exists():
        errors["employer"] = _live_message(employer)
    if errors:
        raise ValidationError(errors)
    refund = FeeRefund(
        policy=policy,
        employer=employer,
        union=employer.union,
        headcount=employer.headcount,
        fees_paid=fees,
        amount_requested=requested,
        submitted_by=actor,
    )
    try:
        with transaction.atomic():
            refund.save()
    except IntegrityError:  # the same employer applied for at the same moment
        raise ValidationError({"employer": _live_message(employer)}) from None
    audit.record(actor=actor, action=AuditAction.CREATE, obj=refund, after=audit.snapshot(refund))
    return refund


def may_decide(user, refund: FeeRefund) -> bool:
    """A reviewer at the policy's organisation or above, who did not submit it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if refund.submitted_by_id == user.pk:
        return False
    return holds_role_at(user, refund.policy.organisation, REVIEW_ROLES)


def may_pay(user, refund: FeeRefund) -> bool:
    """The organisation that runs the policy pays: an editing role there or above."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return may_edit_org(user, refund.policy.organisation)


def _locked(refund: FeeRefund) -> FeeRefund:
    return (
        FeeRefund.objects.select_for_update(of=("self",))
        .select_related("policy__organisation", "employer", "union")
        .get(pk=refund.pk)
    )


@transaction.atomic
def decide_refund(*, actor, refund: FeeRefund, approve: bool, amount=None, reason: str = ""):
    refund = _locked(refund)
    if refund.submitted_by_id == getattr(actor, "pk", None):
        raise ValidationError({"status": _("提交人不能审核自己提交的申请")})
    if not may_decide(actor, refund):
        raise ValidationError(
            {
                "status": _("只有%(org)s或上级的审核人员可以审核")
                % {"org": refund.policy.organisation}
            }
        )
    if refund.status != RefundStatus.PENDING:
        raise ValidationError(
            {"status": _("该申请已是“%(s)s”，不能再审核") % {"s": refund.get_status_display()}}
        )
    errors: dict = {}
    reason = (reason or "").strip()
    if approve:
        value = refund.amount_requested if amount in (None, "") else amount
        approved = money(value, "amount", _("批准返还金额"), errors)
        if approved is not None and approved > refund.amount_requested:
            errors["amount"] = _("批准返还金额 %(a)s 元不能超过申请金额 %(r)s 元") % {
                "a": approved,
                "r": refund.amount_requested,
            }
    elif not reason:
        errors["reason"] = _("不予批准时请填写原因")
    elif len(reason) > 200:
        errors["reason"] = _("原因不能超过200个字")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(refund)
    refund.status = RefundStatus.APPROVED if approve else RefundStatus.REFUSED
    refund.amount_approved = approved if approve else None
    refund.refusal_reason = "" if approve else reason
    refund.decided_by = actor
    refund.decided_at = timezone.now()
    audit.saved(refund, actor=actor, before=before)
    return refund


# ---------------------------------------------------------------------------------------------
# Payments (the refund ledger)
# ---------------------------------------------------------------------------------------------


def paid_total(refund: FeeRefund) -> Decimal:
    return _money_total(refund.payments.all())


@transaction.atomic
def pay_refund(
    *, actor, refund: FeeRefund, amount, paid_on=None, idempotency_key=None
) -> RefundPayment:
    """One ledger row through core.ledgers.pay_once. The application row is locked first, so
    concurrent payments of one refund are decided one after the other against what has already
    been paid."""
    refund = _locked(refund)
    errors: dict = {}
    value = money(amount, "amount", _("返还金额"), errors)
    try:
        key = clean_key(idempotency_key)
    except ValidationError as exc:
        errors |= exc.message_dict
    if errors:
        raise ValidationError(errors)

    def check() -> None:
        _check_payable(actor, refund, value, paid_on, errors)
        if errors:
            raise ValidationError(errors)

    return pay_once(
        actor=actor, model=RefundPayment, parent=refund, amount=value, key=key,
        conflict=_("该幂等键已用于另一笔返还（申请或金额不同），不能重复使用"), check=check,
        build=lambda: RefundPayment(
            refund=refund, amount=value, paid_on=paid_on or timezone.localdate(),
            created_by=actor,
        ),
    )  # fmt: skip


def _check_payable(actor, refund: FeeRefund, amount: Decimal, paid_on, errors: dict) -> None:
    if not may_pay(actor, refund):
        errors["amount"] = _("只有%(org)s或上级的经办人员可以办理返还") % {
            "org": refund.policy.organisation
        }
        return
    if refund.status != RefundStatus.APPROVED:
        errors["amount"] = _("该申请为“%(s)s”，只有已批准的申请可以返还") % {
            "s": refund.get_status_display()
        }
        return
    if paid_on is not None and paid_on > timezone.localdate():
        errors["paid_on"] = _("返还日期（%(d)s）不能晚于今天") % {"d": paid_on}
    paid = paid_total(refund)
    if paid + amount > refund.amount_approved:
        errors["amount"] = _(
            "返还 %(a)s 元将超过批准金额：已批准 %(ok)s 元，已返还 %(paid)s 元，"
            "最多还可返还 %(left)s 元"
        ) % {
            "a": amount,
            "ok": refund.amount_approved,
            "paid": paid,
            "left": refund.amount_approved - paid,
        }


# ---------------------------------------------------------------------------------------------
# Figures (read only)
# ---------------------------------------------------------------------------------------------


def _money(expression):
    return Coalesce(expression, Value(ZERO), output_field=DecimalField(**MONEY))


def refund_totals(refunds_qs) -> dict:
    """Of `refunds_qs` (already scoped): firms approved, yuan approved, yuan paid and the number
    of applications, in two aggregate queries (payments summed on their own, so that a refund
    paid in several rows is not counted several times)."""
    approved = Q(status=RefundStatus.APPROVED)
    paid = RefundPayment.objects.filter(refund__in=refunds_qs.order_by().values("pk"))
    result = refunds_qs.order_by().aggregate(
        applications=Count("pk"),
        firms_approved=Count("employer", filter=approved, distinct=True),
        yuan_approved=_money(Sum("amount_approved", filter=approved)),
    )
    result["yuan_paid"] = _money_total(paid)
    return _yuan(result)


def _yuan(row: dict) -> dict:
    # SQLite hands sums back without their two places; yuan always show them.
    for key in ("yuan_approved", "yuan_paid"):
        row[key] = Decimal(row[key]).quantize(CENT)
    return row


def _money_total(payments_qs) -> Decimal:
    total = payments_qs.order_by().aggregate(total=Sum("amount"))["total"]
    # SQLite hands sums back without their two places; yuan always show them.
    return Decimal(total).quantize(CENT) if total is not None else ZERO


def totals_by_policy(refunds_qs, policy_ids) -> dict[int, dict]:
    """policy pk -> the figures of `refund_totals`, for a page of policies in two grouped
    queries."""
    refunds_qs = refunds_qs.filter(policy_id__in=list(policy_ids)).order_by()
    approved = Q(status=RefundStatus.APPROVED)
    found = {
        row.pop("policy_id"): dict(row, yuan_paid=ZERO)
        for row in refunds_qs.values("policy_id").annotate(
            applications=Count("pk"),
            firms_approved=Count("employer", filter=approved, distinct=True),
            yuan_approved=_money(Sum("amount_approved", filter=approved)),
        )
    }
    payments = (
        RefundPayment.objects.filter(refund__in=refunds_qs.values("pk"))
        .order_by()
        .values("refund__policy_id")
        .annotate(total=Sum("amount"))
    )
    for row in payments:
        found[row["refund__policy_id"]]["yuan_paid"] = row["total"]
    return {pk: _yuan(row) for pk, row in found.items()}


def empty_totals() -> dict:
    return {"applications": 0, "firms_approved": 0, "yuan_approved": ZERO, "yuan_paid": ZERO}
