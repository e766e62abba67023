"""Aid applications (救助申请): applying, sending on, level-by-level review, refusal and
withdrawal. The only code that writes applications and their review steps.

An application is made by a clerk for a worker (`actor` = the clerk) or by the worker in the
portal (`actor=None`; the portal has checked the member is theirs). It waits for the worker's
grassroots union, whose clerk checks it against the programme's rules and sends it to review;
each organisation above the union up to the one running the programme then decides in turn,
bottom-up, the last of them approving the amount. Whoever entered or sent an application never
decides it. Approved names are published (公示) for the programme's notice days before payment.
Every step is audited; the worker is texted once the transaction commits.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import AidStatus, Channel, Eligibility, StepStatus
from gonghui.aid.models import AidApplication, HardshipFile, Programme, ReviewStep
from gonghui.aid.programmes.queries import (
    LIVE,
    OPEN,
    current_step,
    decided_earlier,
    may_decide,
)
from gonghui.aid.programmes.services import to_money
from gonghui.core import audit, eligibility, sms
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, acting_for, may_edit_org
from gonghui.registry.choices import MemberStatus
from gonghui.registry.membership_queries import REVIEW_ROLES
from gonghui.registry.models import Member

TEXT_LIMITS = {"beneficiary": 100, "payee_name": 50, "bank_name": 100, "reason_text": 2000}
ACCOUNT_DIGITS = (8, 30)


def _notify(application: AidApplication, text: str) -> None:
    sms.send_on_commit(phone=application.member.phone, text=text)


# ---------------------------------------------------------------------------------------------
# The programme's rules
# ---------------------------------------------------------------------------------------------


def _save_changed(actor, application: AidApplication, before: dict) -> None:
    """Save a change of state and audit it against its snapshot `before` the change."""
    application.save()
    audit.record_change(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=application,
        before=before,
        after=audit.snapshot(application),
    )


def file_on_record(member: Member) -> HardshipFile | None:
    """The household's hardship file on record (the person's, whichever membership spell)."""
    return (
        HardshipFile.objects.on_file()
        .filter(member__id_hash=member.id_hash)
        .order_by("-filed_on", "-pk")
        .first()
    )


def eligibility_problem(programme: Programme, member: Member) -> str | None:
    """Why the member may not apply to the programme (who may apply), or None."""
    if member.status != MemberStatus.ACTIVE:
        return _("只有在会会员可以申请")
    if programme.eligibility == Eligibility.FILED and file_on_record(member) is None:
        return _("本项目只面向建档困难职工，该职工家庭未在困难职工档案中")
    registered = eligibility.rule(programme.eligibility)
    if registered is not None and not registered.check(member):
        return str(registered.refusal)
    if programme.eligibility == Eligibility.NEW_FORM and not member.is_new_form:
        return _("本项目只面向新就业形态劳动者（快递员、外卖骑手、网约车司机等）")
    return None


def window_problem(programme: Programme, today: datetime.date | None = None) -> str | None:
    today = today or timezone.localdate()
    if not programme.is_active:
        return _("本项目已停用")
    if not programme.is_open(today):
        return _("本项目的申请期为 %(start)s 至 %(end)s，当前不在申请期内") % {
            "start": programme.opens_on,
            "end": programme.closes_on,
        }
    return None


def area_problem(programme: Programme, union) -> str | None:
    if not union.path.startswith(programme.organisation.path):
        return _("申请人所在工会不在本项目的主办工会范围内")
    return None


def live_elsewhere(programme: Programme, member: Member, exclude_pk=None) -> bool:
    qs = AidApplication.objects.filter(programme=programme, member=member, status__in=LIVE)
    return qs.exclude(pk=exclude_pk).exists() if exclude_pk else qs.exists()


def rule_problems(
    programme: Programme, member: Member, today: datetime.date | None = None
) -> list[str]:
    """Everything that stops the member applying today, amount aside (the portal shows these)."""
    problems = [
        window_problem(programme, today),
        area_problem(programme, member.union),
        eligibility_problem(programme, member),
    ]
    if live_elsewhere(programme, member):
        problems.append(_("已有本项目的申请在办理中，不能重复申请"))
    return [p for p in problems if p]


def _check_amount(application: AidApplication, errors: dict) -> None:
    amount = to_money(application.amount_requested, "amount_requested", errors, positive=True)
    if amount is None:
        return
    application.amount_requested = amount
    cap = application.programme.cap
    if amount > cap:
        errors["amount_requested"] = _("申请金额不能超过本项目每人上限 %(cap)s 元") % {"cap": cap}


def _check_rules(application: AidApplication, errors: dict) -> None:
    """The programme's rules, each problem under its field; sets the household's file."""
    programme, member = application.programme, application.member
    problem = window_problem(programme) or area_problem(programme, application.union)
    if problem:
        errors["programme"] = problem
    problem = eligibility_problem(programme, member)
    if problem:
        errors["member"] = problem
    elif live_elsewhere(programme, member, exclude_pk=application.pk):
        errors["member"] = _("该会员已有本项目的申请在办理中，不能重复申请")
    if programme.eligibility == Eligibility.FILED:
        application.hardship_file = file_on_record(member)
    _check_amount(application, errors)


def _check_texts(application: AidApplication, errors: dict) -> None:
    for field, limit in TEXT_LIMITS.items():
        value = (getattr(application, field) or "").strip()
        setattr(application, field, value)
        if len(value) > limit:
            errors[field] = _("不能超过%(n)d个字") % {"n": limit}


def _set_account(application: AidApplication, value: str, errors: dict) -> None:
    digits = "".join((value or "").split())
    if digits and not (digits.isascii() and digits.isdigit()):
        errors["bank_account"] = _("银行账号只能由数字组成")
    elif digits and not ACCOUNT_DIGITS[0] <= len(digits) <= ACCOUNT_DIGITS[1]:
        errors["bank_account"] = _("银行账号应为 %(low)d—%(high)d 位数字") % {
            "low": ACCOUNT_DIGITS[0],
            "high": ACCOUNT_DIGITS[1],
        }
    else:
        application.set_bank_account(digits)


def _save_unique(application: AidApplication) -> None:
    """Save; a concurrent application that won the one-live-per-programme race is a message."""
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"member": _("该会员已有本项目的申请在办理中，不能重复申请")}
        ) from exc


@transaction.atomic
def apply(
    *,
    programme: Programme,
    member: Member,
    amount_requested,
    reason_text="",
    beneficiary="",
    payee_name="",
    bank_name="",
    bank_account="",
    actor=None,
) -> AidApplication:
    member = Member.objects.select_related("union").get(pk=member.pk)
    application = AidApplication(
        programme=programme,
        member=member,
        union=member.union,
        channel=Channel.PORTAL if actor is None else Channel.STAFF,
        status=AidStatus.AWAITING_UNION,
        amount_requested=amount_requested,
        reason_text=reason_text or "",
        beneficiary=beneficiary or "",
        payee_name=(payee_name or "").strip() or member.name,
        bank_name=bank_name or "",
        created_by=actor,
    )
    errors: dict = {}
    if actor is not None and not may_edit_org(actor, member.union):
        errors["member"] = OUT_OF_SCOPE
    else:
        _check_rules(application, errors)
    _check_texts(application, errors)
    _set_account(application, bank_account, errors)
    if errors:
        raise ValidationError(errors)
    _save_unique(application)
    audit.record_change(
        actor=actor, action=AuditAction.CREATE, obj=application, after=audit.snapshot(application)
    )
    return application


# ---------------------------------------------------------------------------------------------
# Sending on and the review chain
# ---------------------------------------------------------------------------------------------


def review_chain(application: AidApplication) -> list:
    """The deciding organisations, bottom-up: those strictly above the union up to and including
    the programme's, keeping the top `review_levels`. A union's own programme is decided at the
    union itself. Empty when the union lies outside the programme's organisation."""
    programme, union = application.programme, application.union
    top = programme.organisation
    if not union.path.startswith(top.path):
        return []
    if union.pk == top.pk:
        return [union]
    above = [org for org in union.ancestors() if org.path.startswith(top.path)]
    bottom_up = list(reversed(above))
    return bottom_up[-programme.review_levels :]


def _locked(application: AidApplication) -> AidApplication:
    return (
        AidApplication.objects.select_for_update(of=("self",))
        .select_related("programme__organisation", "union", "member")
        .get(pk=application.pk)
    )


def _check_documents(application: AidApplication, errors: dict) -> None:
    attached = set(application.documents.values_list("kind", flat=True))
    missing = [kind for kind in application.programme.document_kinds if kind not in attached]
    if missing:
        errors["documents"] = _("缺少所需材料：%(kinds)s") % {"kinds": "、".join(missing)}


@transaction.atomic
def submit(*, actor, application: AidApplication) -> AidApplication:
    """The grassroots union's clerk checks the application and sends it to review."""
    application = _locked(application)
    if actor is None or not may_edit_org(actor, application.union):
        raise PermissionDenied(_("只有申请人所在基层工会的经办人可以提交审核"))
    if application.status != AidStatus.AWAITING_UNION:
        raise ValidationError(
            _("该申请当前为“%(status)s”，不能提交") % {"status": application.get_status_display()}
        )
    errors: dict = {}
    _check_rules(application, errors)
    _check_documents(application, errors)
    chain = review_chain(application)
    if not chain:
        errors.setdefault("programme", _("申请人所在工会不在本项目的主办工会范围内"))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(application)
    for order, org in enumerate(chain, start=1):
        step = ReviewStep.objects.create(application=application, order=order, organisation=org)
        audit.record(actor=actor, action=AuditAction.CREATE, obj=step, after=audit.snapshot(step))
    application.status = AidStatus.REVIEWING
    application.submitted_by = actor
    application.submitted_at = timezone.now()
    _save_changed(actor, application, before)
    _notify(
        application,
        _("您申请的%(programme)s已由%(union)s提交审核，申请金额%(amount)s元。")
        % {
            "programme": application.programme,
            "union": application.union.name,
            "amount": application.amount_requested,
        },
    )
    return application


def _step_for(actor, application: AidApplication) -> ReviewStep:
    """The current step, if `actor` may decide it; otherwise a clear refusal."""
    if application.status != AidStatus.REVIEWING:
        raise ValidationError(
            _("该申请当前为“%(status)s”，不在审核中") % {"status": application.get_status_display()}
        )
    step = current_step(application)
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("需要工会工作人员审核"))
    if actor.pk in (application.created_by_id, application.submitted_by_id):
        raise PermissionDenied(_("不能审核自己录入或提交的申请"))
    if decided_earlier(actor, application):
        raise PermissionDenied(_("您已审核过本申请的下一级，这一级须由其他人审核"))
    if step is None:  # in review without a waiting level: a broken record, never decided
        raise ValidationError(_("该申请没有待审核的环节"))
    if not may_decide(actor, application, step):
        raise PermissionDenied(
            _("当前由%(org)s审核，您无权审核这一级") % {"org": step.organisation.name}
        )
    return step


def _decide_step(actor, step: ReviewStep, *, status: str, amount=None, comment="") -> None:
    before = audit.snapshot(step)
    step.status = status
    step.amount = amount
    step.comment = comment
    step.decided_by = actor
    step.decided_as = acting_for(actor, step.organisation, REVIEW_ROLES)
    step.decided_at = timezone.now()
    audit.saved(step, actor=actor, before=before)


def _check_comment(comment: str, errors: dict, field: str = "comment") -> str:
    comment = (comment or "").strip()
    if len(comment) > 200:
        errors[field] = _("不能超过200个字")
    return comment


@transaction.atomic
def approve_step(*, actor, application: AidApplication, amount=None, comment="") -> AidApplication:
    """Approve the current level. The row lock makes two reviewers at once decide in turn: the
    second finds the level already decided."""
    application = _locked(application)
    step = _step_for(actor, application)
    errors: dict = {}
    ceiling = amount_so_far(application)
    if amount is None or amount == "":
        amount = ceiling
    amount = to_money(amount, "amount", errors, positive=True)
    if amount is not None and amount > application.programme.cap:
        errors["amount"] = _("核定金额不能超过本项目每人上限 %(cap)s 元") % {
            "cap": application.programme.cap
        }
    elif amount is not None and amount > application.amount_requested:
        errors["amount"] = _("核定金额不能超过申请金额 %(amount)s 元") % {
            "amount": application.amount_requested
        }
    elif amount is not None and amount > ceiling:
        # A level may confirm or cut what the level below approved, never raise it again.
        errors["amount"] = _("核定金额不能超过下一级审核核定的 %(amount)s 元") % {"amount": ceiling}
    comment = _check_comment(comment, errors)
    if errors:
        raise ValidationError(errors)
    _decide_step(actor, step, status=StepStatus.APPROVED, amount=amount, comment=comment)
    if current_step(application) is None:
        _approve(actor, application, amount)
    return application


def amount_so_far(application: AidApplication):
    """What the levels below approved (the last approved step's amount), else what was asked."""
    last = (
        application.steps.filter(status=StepStatus.APPROVED, amount__isnull=False)
        .order_by("-order")
        .values_list("amount", flat=True)
        .first()
    )
    return last if last is not None else application.amount_requested


def _approve(actor, application: AidApplication, amount) -> None:
    before = audit.snapshot(application)
    today = timezone.localdate()
    notice_days = application.programme.notice_days
    application.status = AidStatus.APPROVED
    application.amount_approved = amount
    application.approved_on = today
    # Published for notice_days days counting today; 0 days is payable at once.
    application.notice_ends_on = today + datetime.timedelta(days=notice_days - 1)
    application.decided_at = timezone.now()
    _save_changed(actor, application, before)
    if notice_days:
        text = _("您申请的%(programme)s已批准%(amount)s元，公示至%(end)s，公示期满后发放。")
    else:
        text = _("您申请的%(programme)s已批准%(amount)s元，将尽快发放。")
    _notify(
        application,
        text
        % {
            "programme": application.programme,
            "amount": amount,
            "end": application.notice_ends_on,
        },
    )


@transaction.atomic
def refuse(*, actor, application: AidApplication, reason) -> AidApplication:
    """Refused by the current level's reviewer, or by the grassroots clerk before sending it on.
    The reason is the worker's to see."""
    application = _locked(application)
    if application.status == AidStatus.AWAITING_UNION:
        if actor is None or not may_edit_org(actor, application.union):
            raise PermissionDenied(_("只有申请人所在基层工会的经办人可以退回该申请"))
        step = None
    else:
        step = _step_for(actor, application)
    errors: dict = {}
    reason = _check_comment(reason, errors, field="reason")
    if not reason:
        errors["reason"] = _("请填写未通过的原因（职工可以看到）")
    if errors:
        raise ValidationError(errors)
    if step is not None:
        _decide_step(actor, step, status=StepStatus.REFUSED, comment=reason)
    before = audit.snapshot(application)
    application.status = AidStatus.REFUSED
    application.refusal_reason = reason
    application.decided_at = timezone.now()
    _save_changed(actor, application, before)
    _notify(
        application,
        _("您申请的%(programme)s未通过，原因：%(reason)s")
        % {"programme": application.programme, "reason": reason},
    )
    return application


@transaction.atomic
def withdraw(*, application: AidApplication, actor=None) -> AidApplication:
    """Taken back before a decision: by the worker (`actor=None`, the portal checks it is
    theirs) or by a clerk of the union."""
    application = _locked(application)
    if actor is not None and not may_edit_org(actor, application.union):
        raise PermissionDenied(_("您无权撤回该申请"))
    if application.status not in OPEN:
        raise ValidationError(
            _("该申请当前为“%(status)s”，不能撤回") % {"status": application.get_status_display()}
        )
    before = audit.snapshot(application)
    application.status = AidStatus.WITHDRAWN
    application.decided_at = timezone.now()
    _save_changed(actor, application, before)
    return application


def error_text(exc: Exception) -> str:
    """A refusal from these services as one line for a page message."""
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or _("无权操作")
