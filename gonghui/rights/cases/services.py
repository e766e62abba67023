"""The only code that writes cases (维权案件): intake, the life cycle, notes and documents.

Life cycle (every step dated, with who, in CaseEvent and the audit log):

    received ─accept→ accepted ─assign→ assigned ─mediate→ mediating ─outcome→ agreement /
    arbitration / litigation ─close→ closed;   received ─decline (reason)→ declined;
    any open status ─withdraw→ withdrawn ─close→ closed;
    declined ─reopen→ received;  closed ─reopen→ accepted (the counsel stays on it).

Who may do what:
- intake: a clerk or administrator of the handling union (or above), a lawyer on duty at one of
  its service points, or the worker in the portal (actor None);
- accept, decline, assign, reopen: a clerk or administrator of the handling union or above, never
  the person who entered the case (a case's submitter never approves it);
- mediate, outcome, recovery, notes, documents: those, or the case's own counsel;
- close: a clerk or administrator of the handling union or above only. The counsel records the
  outcome and proposes closure (in a note); the union confirms it, so a lawyer never ends a
  worker's case on the worker's behalf;
- withdraw: a clerk or administrator (recording that the worker withdrew), or the worker in the
  portal (actor None; the portal checks it is theirs); never the counsel.
"""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit, sms
from gonghui.core.models import AuditAction
from gonghui.core.money import parse_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.core.uploads import check_upload, discard_document, store_document
from gonghui.core.validators import name_error
from gonghui.rights.cases import deadlines
from gonghui.rights.choices import (
    OUTCOMES,
    CaseAction,
    CaseChannel,
    CaseKind,
    CaseStatus,
)
from gonghui.rights.models import Case, CaseDocument, CaseEvent, CaseNote, Counsel

TEXT_LIMITS = {"complainant_name": 50, "employer_name": 200, "facts": 5000}
MEDIATION_OUTCOMES = (CaseStatus.AGREEMENT, CaseStatus.ARBITRATION, CaseStatus.LITIGATION)


# ---------------------------------------------------------------------------------------------
# Who may act
# ---------------------------------------------------------------------------------------------


def is_counsel_on(actor, case: Case) -> bool:
    return bool(
        actor is not None
        and getattr(actor, "pk", None)
        and case.counsel_id
        and case.counsel.user_id == actor.pk
    )


def may_manage(actor, case: Case) -> bool:
    """A clerk or administrator of the handling union or above (actor None: the system)."""
    return actor is None or may_edit_org(actor, case.union)


def may_work_on(actor, case: Case) -> bool:
    return may_manage(actor, case) or is_counsel_on(actor, case)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(OUT_OF_SCOPE)


def _require_status(case: Case, allowed, doing: str) -> None:
    if case.status not in allowed:
        raise ValidationError(
            _("案件当前状态为“%(status)s”，不能%(doing)s")
            % {"status": case.get_status_display(), "doing": doing}
        )


def _not_own(actor, case: Case, doing: str) -> None:
    if actor is not None and case.created_by_id and case.created_by_id == actor.pk:
        raise PermissionDenied(
            _("案件由您本人录入，不能由您%(doing)s，请由其他经办人办理") % {"doing": doing}
        )


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------


def to_yuan(value, field_label: str, *, blank_is_zero: bool = True) -> Decimal:
    """Yuan, not negative (core.money's one parser); blank is nought unless `blank_is_zero` is
    off. The error is the field's message, unkeyed (forms and the court exchange place it)."""
    return parse_yuan(value, label=field_label, required=not blank_is_zero)


def _clean_text(value: str, field: str, label: str, *, required: bool) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    limit = TEXT_LIMITS.get(field)
    if limit and len(value) > limit:
        raise ValidationError(
            {field: _("%(label)s不能超过 %(n)d 个字") % {"label": label, "n": limit}}
        )
    return value


def _clean_name(value: str, field: str, label: str) -> str:
    value = _clean_text(value, field, label, required=True)
    if error := name_error(value, label):
        raise ValidationError({field: error})
    return value


# ---------------------------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------------------------


def _event(case: Case, *, actor, action: str, before_status: str, note: str = "") -> None:
    CaseEvent.objects.create(
        case=case,
        action=action,
        from_status=before_status,
        to_status=case.status,
        actor=actor if getattr(actor, "pk", None) else None,
        at=timezone.now(),
        note=(note or "")[:500],
    )


def _step(case: Case, *, actor, action: str, status: str | None, note: str = "", **changes):
    """Move `case` to `status` (None: stay), set `changes`, date the stage's deadline, write the
    event and the audit entry."""
    before = audit.snapshot(case)
    before_status = case.status
    now = timezone.now()
    for name, value in changes.items():
        setattr(case, name, value)
    if status is not None and status != case.status:
        case.status = status
        case.due_on = deadlines.due_on(status, timezone.localdate(now))
    case.save()
    _event(case, actor=actor, action=action, before_status=before_status, note=note)
    audit.record_change(
        actor=actor, action=AuditAction.UPDATE, obj=case, before=before, after=audit.snapshot(case)
    )
    _openness_changed(case, before_status)
    return case


def _notify(case: Case, text: str) -> None:
    if case.phone:
        sms.send_on_commit(phone=case.phone, text=text)


def _openness_changed(case: Case, before_status: str) -> None:
    """Open cases count in the employer's labour-risk level: re-evaluate when one opens or ends."""
    from gonghui.rights.choices import FINAL

    was_open = before_status not in FINAL and before_status != ""
    is_open = case.status not in FINAL
    if case.employer_id and was_open != is_open:
        from gonghui.rights.risk import services as risk

        risk.evaluate_employers(employer_ids=[case.employer_id])


@transaction.atomic
def receive_case(
    *,
    actor,
    union,
    kind: str,
    complainant_name: str,
    phone: str,
    facts: str,
    employer=None,
    employer_name: str = "",
    amount_claimed="",
    workers_involved: int = 1,
    channel: str | None = None,
    service_point=None,
    member=None,
) -> Case:
    """Register a case as received. actor None is the worker in the portal."""
    if channel is None:
        channel = CaseChannel.PORTAL if actor is None else CaseChannel.CLERK
    if actor is None and channel != CaseChannel.PORTAL:
        raise PermissionDenied(OUT_OF_SCOPE)
    if actor is not None:
        on_duty = (
            channel == CaseChannel.VISIT
            and service_point is not None
            and Counsel.objects.filter(user=actor, is_active=True).exists()
        )
        _require(may_edit_org(actor, union) or on_duty)
    if service_point is not None and service_point.organisation_id != union.pk:
        raise ValidationError({"service_point": _("服务点不属于承办工会")})
    if channel == CaseChannel.VISIT and service_point is None:
        raise ValidationError({"service_point": _("来访案件请选择接待的服务点")})
    if kind not in CaseKind.values:
        raise ValidationError({"kind": _("案件类型“%(kind)s”无效") % {"kind": kind}})
    if employer is not None:
        employer_name = employer_name or employer.name
    if workers_involved is None or int(workers_involved) < 1:
        raise ValidationError({"workers_involved": _("涉及职工人数至少为 1")})
    case = Case(
        number="",
        union=union,
        kind=kind,
        channel=channel,
        service_point=service_point,
        complainant_name=_clean_name(complainant_name, "complainant_name", _("申请人姓名")),
        employer=employer,
        employer_name=_clean_name(employer_name, "employer_name", _("被申请单位")),
        facts=_clean_text(facts, "facts", _("事实与请求"), required=True),
        workers_involved=int(workers_involved),
        amount_claimed=to_yuan(amount_claimed, _("请求金额")),
        member=member,
        created_by=actor if getattr(actor, "pk", None) else None,
        received_at=timezone.now(),
        due_on=deadlines.due_on(CaseStatus.RECEIVED, timezone.localdate()),
    )
    try:
        case.set_phone(phone)
    except ValidationError as exc:
        raise ValidationError({"phone": exc.messages}) from None
    # The number needs the primary key: a unique placeholder first, then the real number.
    case.number = f"tmp-{uuid.uuid4().hex[:16]}"
    case.save()
    case.number = f"WQ{case.received_at:%Y}-{case.pk:06d}"
    case.save(update_fields=["number"])
    _event(case, actor=actor, action=CaseAction.RECEIVE, before_status="")
    audit.record_change(
        actor=actor, action=AuditAction.CREATE, obj=case, after=audit.snapshot(case)
    )
    _openness_changed(case, "")
    _notify(
        case,
        _("您的维权申请已收到，案件编号 %(n)s，我们将在 3 个工作日内答复。") % {"n": case.number},
    )
    return case


@transaction.atomic
def accept_case(*, actor, case: Case, note: str = "") -> Case:
    case = _locked(case)
    _require(may_manage(actor, case))
    _not_own(actor, case, _("受理"))
    _require_status(case, (CaseStatus.RECEIVED,), _("受理"))
    _step(case, actor=actor, action=CaseAction.ACCEPT, status=CaseStatus.ACCEPTED, note=note,
          accepted_at=timezone.now())  # fmt: skip
    _notify(case, _("您的维权案件 %(n)s 已受理。") % {"n": case.number})
    return case


@transaction.atomic
def decline_case(*, actor, case: Case, reason: str) -> Case:
    case = _locked(case)
    _require(may_manage(actor, case))
    _not_own(actor, case, _("决定不予受理"))
    _require_status(case, (CaseStatus.RECEIVED,), _("决定不予受理"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("不予受理须写明理由，职工会看到")})
    _step(case, actor=actor, action=CaseAction.DECLINE, status=CaseStatus.DECLINED, note=reason,
          decline_reason=reason[:500])  # fmt: skip
    _notify(case, _("您的维权案件 %(n)s 不予受理：%(r)s") % {"n": case.number, "r": reason})
    return case


def _check_counsel(case: Case, counsel: Counsel) -> None:
    if not counsel.is_active:
        raise ValidationError({"counsel": _("%(name)s 已不在册") % {"name": counsel.name}})
    mine, theirs = case.union.path, counsel.organisation.path
    if not (mine.startswith(theirs) or theirs.startswith(mine)):
        raise ValidationError(
            {"counsel": _("%(name)s 不在承办工会的律师调解员名册中") % {"name": counsel.name}}
        )


@transaction.atomic
def assign_case(*, actor, case: Case, counsel: Counsel, note: str = "") -> Case:
    """Assign (or reassign, until there is an outcome) the lawyer or mediator."""
    case = _locked(case)
    _require(may_manage(actor, case))
    _not_own(actor, case, _("指派"))
    _require_status(
        case, (CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.MEDIATING), _("指派律师")
    )
    _check_counsel(case, counsel)
    status = CaseStatus.ASSIGNED if case.status == CaseStatus.ACCEPTED else None
    _step(case, actor=actor, action=CaseAction.ASSIGN, status=status,
          note=note or counsel.name, counsel=counsel, assigned_at=timezone.now())  # fmt: skip
    _notify(
        case, _("您的维权案件 %(n)s 已指派 %(c)s 承办。") % {"n": case.number, "c": counsel.name}
    )
    return case


@transaction.atomic
def start_mediation(*, actor, case: Case, note: str = "") -> Case:
    case = _locked(case)
    _require(may_work_on(actor, case))
    _require_status(case, (CaseStatus.ASSIGNED,), _("开始调解"))
    return _step(case, actor=actor, action=CaseAction.MEDIATE, status=CaseStatus.MEDIATING,
                 note=note, mediation_at=timezone.now())  # fmt: skip


@transaction.atomic
def record_outcome(*, actor, case: Case, outcome: str, amount_recovered="", note: str = "") -> Case:
    """Agreement, or referral to arbitration or litigation, with the yuan recovered so far."""
    case = _locked(case)
    _require(may_work_on(actor, case))
    _require_status(case, (CaseStatus.MEDIATING,), _("登记调解结果"))
    if outcome not in MEDIATION_OUTCOMES:
        raise ValidationError({"outcome": _("调解结果须为达成协议、转仲裁或转诉讼")})
    amount = to_yuan(amount_recovered, _("追回金额"))
    return _step(case, actor=actor, action=CaseAction.OUTCOME, status=outcome, note=note,
                 outcome=outcome, outcome_at=timezone.now(), amount_recovered=amount)  # fmt: skip


@transaction.atomic
def record_recovery(*, actor, case: Case, amount_recovered, note: str = "") -> Case:
    """Correct or complete the yuan recovered (e.g. after an arbitration award is paid)."""
    case = _locked(case)
    _require(may_work_on(actor, case))
    _require_status(case, (*OUTCOMES, CaseStatus.CLOSED), _("登记追回金额"))
    amount = to_yuan(amount_recovered, _("追回金额"), blank_is_zero=False)
    return _step(case, actor=actor, action=CaseAction.RECOVER, status=None, note=note,
                 amount_recovered=amount)  # fmt: skip


@transaction.atomic
def withdraw_case(*, actor, case: Case, note: str = "") -> Case:
    """The worker takes the case back (portal: actor None), or staff record that they did."""
    case = _locked(case)
    if actor is not None:
        _require(may_manage(actor, case))
    open_before_outcome = (
        CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.MEDIATING,
    )  # fmt: skip
    _require_status(case, open_before_outcome, _("撤回"))
    return _step(case, actor=actor, action=CaseAction.WITHDRAW, status=CaseStatus.WITHDRAWN,
                 note=note, outcome=CaseStatus.WITHDRAWN, outcome_at=timezone.now())  # fmt: skip


@transaction.atomic
def close_case(*, actor, case: Case, note: str = "") -> Case:
    case = _locked(case)
    _require(may_manage(actor, case))
    _require_status(case, OUTCOMES, _("结案（请先登记办理结果）"))
    _step(case, actor=actor, action=CaseAction.CLOSE, status=CaseStatus.CLOSED, note=note,
          closed_at=timezone.now())  # fmt: skip
    _notify(case, _("您的维权案件 %(n)s 已结案。") % {"n": case.number})
    return case


@transaction.atomic
def reopen_case(*, actor, case: Case, reason: str) -> Case:
    """A declined case goes back to received; a closed one to accepted, its counsel kept."""
    case = _locked(case)
    _require(may_manage(actor, case))
    _require_status(case, (CaseStatus.DECLINED, CaseStatus.CLOSED), _("重新办理"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("重新办理须写明理由")})
    if case.status == CaseStatus.DECLINED:
        status, changes = CaseStatus.RECEIVED, {"decline_reason": ""}
    else:
        status, changes = CaseStatus.ACCEPTED, {"outcome": "", "closed_at": None}
    return _step(case, actor=actor, action=CaseAction.REOPEN, status=status, note=reason,
                 reopen_count=case.reopen_count + 1, **changes)  # fmt: skip


def _locked(case: Case) -> Case:
    """The case row under a lock, so two people acting at once take one step each in turn."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("union", "counsel", "counsel__organisation")
        .get(pk=case.pk)
    )


# ---------------------------------------------------------------------------------------------
# Notes and documents (seen only by those on the case and its union)
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def add_note(*, actor, case: Case, text: str) -> CaseNote:
    _require(may_work_on(actor, case))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("请填写记录内容")})
    note = CaseNote.objects.create(case=case, author=actor, text=text)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=note, after=audit.snapshot(note))
    return note


@transaction.atomic
def attach_document(*, actor, case: Case, upload, kind: str) -> CaseDocument:
    """actor None: the worker's own upload in the portal (the portal checks the case is theirs)."""
    if actor is not None:
        _require(may_work_on(actor, case))
    if case.is_final:
        raise ValidationError(
            {"upload": _("案件已%(s)s，不能再上传材料") % {"s": case.get_status_display()}}
        )
    kind = (kind or "").strip()[:50] or _("证据材料")
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = CaseDocument(
        case=case,
        kind=kind,
        original_name=name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


@transaction.atomic
def delete_document(*, actor, document: CaseDocument) -> None:
    case = document.case
    _require(may_work_on(actor, case))
    if case.is_final:
        raise ValidationError(_("案件已%(s)s，材料不能删除") % {"s": case.get_status_display()})
    discard_document(actor=actor, document=document)


def overdue_days(case: Case, today: datetime.date) -> int:
    return (today - case.due_on).days if case.is_overdue(today) else 0
