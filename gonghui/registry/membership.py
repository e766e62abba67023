"""Joining, transfer and leaving (码上办): the only code that writes applications and the
membership spells they lead to.

A `Member` row is one spell of membership in one union. Joining creates a spell; a transfer closes
the old spell and opens a new one in the same transaction, so a person is never active twice and
never nowhere in between (the partial unique index on active spells backs this up); leaving
closes the spell. An application is decided by the receiving union, never by its submitter.

`actor=None` on a submission means the worker through the portal (who has proved their mobile
number by a one-time code); staff pass themselves. Every step is audited and the worker is told by
text message once the transaction commits.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit, sms
from gonghui.core.models import AuditAction, OrgStatus
from gonghui.core.models.orgs import admission_error
from gonghui.core.scoping import OUT_OF_SCOPE, acting_for, may_edit_org
from gonghui.core.validators import name_error
from gonghui.registry.choices import (
    ApplicationChannel,
    ApplicationKind,
    ApplicationStatus,
    EmploymentForm,
    MemberSource,
    MemberStatus,
    OperatingStatus,
)
from gonghui.registry.membership_queries import REVIEW_ROLES, may_review
from gonghui.registry.models import Application, Member
from gonghui.registry.services import _save_unique, _twin_message

PENDING_EXISTS = gettext_lazy("该身份号码已有待审核的申请，请等待审核结果或撤回后再提交")


def _check_union(union, errors: dict) -> None:
    if union is None:
        errors["union"] = _("请选择工会")
    elif refusal := admission_error(union):
        errors["union"] = refusal
    elif union.status != OrgStatus.ACTIVE:
        errors["union"] = _("该工会目前不接受入会申请")


def _check_employer(employer, errors: dict) -> None:
    if employer is not None and employer.operating_status != OperatingStatus.OPERATING:
        errors["employer"] = _("该单位不在正常经营状态")


def _check_no_pending(id_hash: str, errors: dict) -> None:
    if Application.objects.pending().filter(id_hash=id_hash).exists():
        errors.setdefault("id_number", PENDING_EXISTS)


def _already_member(actor, twin: Member, phone_hash: str) -> ValidationError:
    if actor is not None:
        message = _twin_message(actor, twin)
    elif twin.phone_hash and twin.phone_hash == phone_hash:
        # The worker proved this phone, which is the member's own: they may know their union.
        message = _("您已是%(union)s的在会会员；如更换了工作单位，请申请转会") % {
            "union": twin.union.name
        }
    else:
        message = _("该身份号码已有在会会籍；如需更换工会，请申请转会")
    return ValidationError(message, code="already_member")


def _notify(phone: str, text: str) -> None:
    sms.send_on_commit(phone=phone, text=text)


@transaction.atomic
def submit_join(
    *,
    union,
    name: str,
    id_number: str,
    phone: str,
    employer=None,
    employment_form: str = EmploymentForm.STANDARD,
    is_migrant_worker: bool = False,
    consent_version: str = "",
    note: str = "",
    actor=None,
) -> Application:
    application = Application(
        kind=ApplicationKind.JOIN,
        channel=ApplicationChannel.PORTAL if actor is None else ApplicationChannel.STAFF,
        union=union,
        name=(name or "").strip(),
        employer=employer,
        employment_form=employment_form,
        is_migrant_worker=bool(is_migrant_worker),
        note=(note or "").strip(),
        consent_version=consent_version,
        submitted_by=actor,
    )
    errors = _set_person(application, id_number, phone)
    if not application.name:
        errors["name"] = _("请填写姓名")
    elif error := name_error(application.name, _("姓名")):
        errors["name"] = error
    if employment_form not in EmploymentForm.values:
        errors["employment_form"] = _("请选择就业形态")
    _check_union(union, errors)
    _check_employer(employer, errors)
    if actor is None and not consent_version:
        errors["consent"] = _("请阅读并同意个人信息处理规则")
    if actor is not None and union is not None and not may_edit_org(actor, union):
        errors["union"] = OUT_OF_SCOPE
    if "id_number" not in errors:
        twin = Member.objects.active().filter(id_hash=application.id_hash).first()
        if twin is not None:
            errors["id_number"] = _already_member(actor, twin, application.phone_hash)
        else:
            _check_no_pending(application.id_hash, errors)
    if errors:
        raise ValidationError(errors)
    if consent_version:
        application.consent_at = timezone.now()
    _save_unique(application, "id_number", PENDING_EXISTS)
    audit.record_change(
        actor=actor, action=AuditAction.CREATE, obj=application, after=audit.snapshot(application)
    )
    _notify(
        application.phone,
        _("您申请加入%(union)s的申请已提交，工会将在15日内审核。")
        % {"union": application.union.name},
    )
    return application


def _set_person(application: Application, id_number: str, phone: str) -> dict:
    errors = {}
    try:
        application.set_id_number(id_number or "")
    except ValidationError as exc:
        errors["id_number"] = exc.messages
    try:
        application.set_phone(phone or "")
    except ValidationError as exc:
        errors["phone"] = exc.messages
    return errors


@transaction.atomic
def submit_transfer(
    *,
    member: Member,
    union,
    employer=None,
    employment_form: str | None = None,
    note: str = "",
    actor=None,
) -> Application:
    member = (
        Member.objects.select_for_update(of=("self",)).select_related("union").get(pk=member.pk)
    )
    errors: dict = {}
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = _("该会籍已不在会，不能转会")
    _check_union(union, errors)
    if union is not None and union.pk == member.union_id:
        errors["union"] = _("已是该工会会员，无需转会")
    _check_employer(employer, errors)
    if actor is not None and not may_edit_org(actor, member.union):
        errors["member"] = OUT_OF_SCOPE
    _check_no_pending(member.id_hash, errors)
    if errors:
        raise ValidationError(errors)
    application = Application(
        kind=ApplicationKind.TRANSFER,
        channel=ApplicationChannel.PORTAL if actor is None else ApplicationChannel.STAFF,
        union=union,
        member=member,
        from_union=member.union,
        name=member.name,
        id_number=member.id_number,
        id_hash=member.id_hash,
        id_masked=member.id_masked,
        phone=member.phone,
        phone_hash=member.phone_hash,
        phone_masked=member.phone_masked,
        employer=employer,
        employment_form=employment_form or member.employment_form,
        is_migrant_worker=member.is_migrant_worker,
        note=(note or "").strip(),
        submitted_by=actor,
    )
    _save_unique(application, "id_number", PENDING_EXISTS)
    audit.record_change(
        actor=actor, action=AuditAction.CREATE, obj=application, after=audit.snapshot(application)
    )
    _notify(
        application.phone,
        _("您从%(old)s转入%(new)s的申请已提交，待%(new)s审核。")
        % {"old": member.union.name, "new": union.name},
    )
    return application


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("union", "from_union")
        .get(pk=application.pk)
    )


def _check_decider(actor, application: Application) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("需要工会工作人员审核"))
    if application.submitted_by_id == actor.pk:
        raise PermissionDenied(_("不能审核自己提交的申请"))
    if not may_review(actor, application):
        raise PermissionDenied(_("您无权审核该工会的申请"))
    if not application.is_pending:
        raise ValidationError(
            _("该申请已处理（%(status)s）") % {"status": application.get_status_display()}
        )


def _decide(application: Application, before: dict, *, actor, status: str) -> None:
    """Record the end of a pending application (approved, refused or withdrawn) and audit it
    against its state `before` the decision."""
    application.status = status
    application.decided_by = actor
    application.decided_as = acting_for(actor, application.union, REVIEW_ROLES)
    application.decided_at = timezone.now()
    application.save()
    audit.record_change(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=application,
        before=before,
        after=audit.snapshot(application),
    )


@transaction.atomic
def approve(*, actor, application: Application) -> Member:
    """Approve and write the membership. Concurrent approvals of one application queue on the
    row lock; the second finds it decided and is refused."""
    application = _locked(application)
    _check_decider(actor, application)
    errors: dict = {}
    _check_union(application.union, errors)  # it may have changed since the submission
    if errors:
        raise ValidationError(errors["union"])
    before = audit.snapshot(application)
    today = timezone.localdate()
    if application.kind == ApplicationKind.JOIN:
        member = _admit(actor, application, today)
    else:
        member = _move(actor, application, today)
    application.result = member
    _decide(application, before, actor=actor, status=ApplicationStatus.APPROVED)
    if application.kind == ApplicationKind.JOIN:
        text = _("您加入%(union)s的申请已通过，会员卡号%(card)s。")
    else:
        text = _("您转入%(union)s的申请已通过，会员卡号%(card)s。")
    _notify(application.phone, text % {"union": application.union.name, "card": member.card_number})
    return member


def _new_spell(application: Application, *, source: str, on) -> Member:
    member = Member(
        name=application.name,
        union=application.union,
        employer=application.employer,
        employment_form=application.employment_form,
        is_migrant_worker=application.is_migrant_worker,
        joined_on=on,
        source=source,
    )
    member.set_id_number(application.id_number)
    member.set_phone(application.phone)
    return member


def _admit(actor, application: Application, on) -> Member:
    if Member.objects.active().filter(id_hash=application.id_hash).exists():
        raise ValidationError(_("申请人已在其他工会入会，请改为办理转会"))
    member = _new_spell(application, source=MemberSource.ONLINE, on=on)
    _save_unique(member, "id_number", _("申请人已有在会会籍"))
    audit.record(actor=actor, action=AuditAction.CREATE, obj=member, after=audit.snapshot(member))
    return member


def _move(actor, application: Application, on) -> Member:
    old = (
        Member.objects.select_for_update(of=("self",))
        .select_related("union")
        .get(pk=application.member_id)
    )
    if old.status != MemberStatus.ACTIVE or old.union_id != application.from_union_id:
        raise ValidationError(_("原会籍已变更，该转会申请不能再通过"))
    before = audit.snapshot(old)
    old.status = MemberStatus.TRANSFERRED_OUT
    old.left_on = on
    old.leave_reason = _("转会至%(union)s") % {"union": application.union.name}
    audit.saved(old, actor=actor, before=before)
    new = _new_spell(application, source=MemberSource.TRANSFER, on=on)
    _save_unique(new, "id_number", _("申请人已有在会会籍"))
    audit.record(actor=actor, action=AuditAction.CREATE, obj=new, after=audit.snapshot(new))
    return new


@transaction.atomic
def refuse(*, actor, application: Application, reason: str) -> Application:
    application = _locked(application)
    _check_decider(actor, application)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写未通过的原因")})
    before = audit.snapshot(application)
    application.reason = reason
    _decide(application, before, actor=actor, status=ApplicationStatus.REFUSED)
    _notify(
        application.phone,
        _("您%(kind)s%(union)s的申请未通过，原因：%(reason)s")
        % {
            "kind": application.get_kind_display(),
            "union": application.union.name,
            "reason": reason,
        },
    )
    return application


@transaction.atomic
def approve_many(*, actor, applications) -> tuple[list[Application], dict[int, str]]:
    """Approve each in its own savepoint: one that cannot be approved is reported by its key
    and does not hold back the others."""
    approved, errors = [], {}
    for application in applications:
        try:
            approve(actor=actor, application=application)
        except (ValidationError, PermissionDenied) as exc:
            errors[application.pk] = error_text(exc)
        else:
            approved.append(application)
    return approved, errors


def error_text(exc: Exception) -> str:
    """A refusal from these services as one line for a page message."""
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or _("无权操作")


@transaction.atomic
def withdraw(*, application: Application) -> Application:
    """The worker takes back their own pending application (the portal checks it is theirs)."""
    application = _locked(application)
    if not application.is_pending:
        raise ValidationError(_("该申请已处理，不能撤回"))
    _decide(
        application, audit.snapshot(application), actor=None, status=ApplicationStatus.WITHDRAWN
    )
    return application


@transaction.atomic
def leave(*, member: Member, reason: str, left_on, actor=None) -> Member:
    member = (
        Member.objects.select_for_update(of=("self",)).select_related("union").get(pk=member.pk)
    )
    errors = {}
    reason = (reason or "").strip()
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = _("该会籍已不在会")
    if not reason:
        errors["reason"] = _("请填写退会原因")
    if left_on is None:
        errors["left_on"] = _("请填写退会日期")
    elif left_on > timezone.localdate():
        errors["left_on"] = _("退会日期不能晚于今天")
    elif left_on < member.joined_on:
        errors["left_on"] = _("退会日期不能早于入会日期")
    if actor is not None and not may_edit_org(actor, member.union):
        errors["member"] = OUT_OF_SCOPE
    if Application.objects.pending().filter(member=member).exists():
        errors.setdefault("member", _("有待审核的转会申请，请先撤回或等待审核"))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(member)
    member.status = MemberStatus.LEFT
    member.left_on = left_on
    member.leave_reason = reason
    member.save()
    audit.record_change(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=member,
        before=before,
        after=audit.snapshot(member),
    )
    _notify(
        member.phone,
        _("您已于%(date)s退出%(union)s。") % {"date": left_on, "union": member.union.name},
    )
    return member
