"""Exchange with the court's online mediation platform (法院在线调解平台).

Export: a case in a versioned, documented JSON form (docs/court-mediation.md), recorded as a
CaseEvent COURT_EXPORT and in the audit log. Import: the platform's outcome of a case, applied
through the case service (gonghui.rights.cases.services) in one transaction: bad input answers a
ValidationError naming the field and the reason, and changes nothing.

The applicant's phone is exported masked. `include_phone=True` gives the clear number, and only to
a holder of a reveal role (admin, clerk, reviewer) over the case's union; the audit entry says so.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.roles import REVEAL_ROLES
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseAction, CaseStatus
from gonghui.rights.models import Case, CaseEvent

EXPORT_SCHEMA = "gonghui.court-mediation.case"
RESULT_SCHEMA = "gonghui.court-mediation.result"
VERSION = 1

# The platform's result codes -> the case status they lead to.
RESULTS = {
    "success": CaseStatus.AGREEMENT,  # 调解成功，达成调解协议
    "to_arbitration": CaseStatus.ARBITRATION,  # 调解不成，转劳动仲裁
    "to_litigation": CaseStatus.LITIGATION,  # 调解不成，转诉讼（立案）
    "withdrawn": CaseStatus.WITHDRAWN,  # 申请人撤回
}
RESULT_LABELS = {
    "success": "调解成功",
    "to_arbitration": "调解不成，转劳动仲裁",
    "to_litigation": "调解不成，转诉讼",
    "withdrawn": "申请人撤回",
}
RESULT_FIELDS = {
    "schema", "version", "case_number", "court_ref", "result", "amount_recovered", "decided_on",
    "note",
}  # fmt: skip
COURT_REF_LIMIT = 50
NOTE_LIMIT = 300


def may_reveal_phone(actor, case: Case) -> bool:
    return actor is not None and holds_role_at(actor, case.union, REVEAL_ROLES)


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _person(user) -> str | None:
    if user is None:
        return None
    return user.get_full_name() or user.get_username()


def case_document(case: Case, *, include_phone: bool = False) -> dict:
    """The export form of `case` (see docs/court-mediation.md). Amounts are decimal strings."""
    counsel = case.counsel
    events = case.events.select_related("actor").order_by("at", "pk")
    employer = case.employer
    return {
        "schema": EXPORT_SCHEMA,
        "version": VERSION,
        "exported_at": _iso(timezone.now()),
        "case": {
            "number": case.number,
            "kind": case.kind,
            "kind_label": case.get_kind_display(),
            "channel": case.channel,
            "status": case.status,
            "status_label": case.get_status_display(),
            "received_at": _iso(case.received_at),
            "due_on": _iso(case.due_on),
            "court_ref": case.court_ref or None,
            "union": {"name": case.union.name, "credit_code": case.union.credit_code or None},
        },
        "parties": {
            "applicant": {
                "name": case.complainant_name,
                "phone": case.phone if include_phone else None,
                "phone_masked": case.phone_masked or None,
                "workers_involved": case.workers_involved,
            },
            "respondent": {
                "name": case.employer_name,
                "credit_code": employer.credit_code if employer is not None else None,
            },
        },
        "claims": [
            {
                "kind": case.kind,
                "description": case.get_kind_display(),
                "amount": str(case.amount_claimed),
            }
        ],
        "amounts": {
            "currency": "CNY",
            "claimed": str(case.amount_claimed),
            "recovered": str(case.amount_recovered),
        },
        "facts": case.facts,
        "counsel": None
        if counsel is None
        else {
            "name": counsel.name,
            "kind": counsel.kind,
            "firm": counsel.firm.name if counsel.firm_id else None,
            "licence_no": counsel.licence_no or None,
        },
        "events": [
            {
                "action": e.action,
                "action_label": e.get_action_display(),
                "from_status": e.from_status or None,
                "to_status": e.to_status or None,
                "at": _iso(e.at),
                "by": _person(e.actor),
                "note": e.note or None,
            }
            for e in events
        ],
    }


def _event(case: Case, *, actor, action: str, before_status: str, note: str) -> None:
    CaseEvent.objects.create(
        case=case, action=action, from_status=before_status, to_status=case.status,
        actor=actor if getattr(actor, "pk", None) else None, at=timezone.now(), note=note[:500],
    )  # fmt: skip


@transaction.atomic
def export_case(*, actor, case: Case, include_phone: bool = False) -> dict:
    """The case for the platform, recorded as a COURT_EXPORT event and audited."""
    case = Case.objects.select_related("union", "counsel__firm", "employer").get(pk=case.pk)
    if not cases.may_work_on(actor, case):
        raise PermissionDenied(OUT_OF_SCOPE)
    if include_phone and not may_reveal_phone(actor, case):
        raise PermissionDenied(_("您无权导出申请人手机号码明文"))
    document = case_document(case, include_phone=include_phone)
    note = _("导出至法院调解平台（含手机号码明文）") if include_phone else _("导出至法院调解平台")
    _event(case, actor=actor, action=CaseAction.COURT_EXPORT, before_status=case.status, note=note)
    audit.record(
        actor=actor,
        action=AuditAction.REVEAL if include_phone else AuditAction.UPDATE,
        obj=case,
        changes={_("法院调解平台"): [None, note]},
    )
    return document


# ---------------------------------------------------------------------------------------------
# Import of the platform's result
# ---------------------------------------------------------------------------------------------


def _field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def parse_result(payload) -> dict:
    """Check the platform's result document; the first problem raises, naming the field."""
    if not isinstance(payload, dict):
        raise _field_error("schema", _("结果须为 JSON 对象"))
    unknown = sorted(set(payload) - RESULT_FIELDS)
    if unknown:
        raise _field_error(unknown[0], _("不认识的字段“%(f)s”") % {"f": unknown[0]})
    if payload.get("schema") != RESULT_SCHEMA:
        raise _field_error("schema", _("须为“%(s)s”") % {"s": RESULT_SCHEMA})
    if payload.get("version") != VERSION:
        raise _field_error("version", _("不支持的版本，须为 %(v)d") % {"v": VERSION})
    number = payload.get("case_number")
    if not isinstance(number, str) or not number.strip():
        raise _field_error("case_number", _("请填写案件编号"))
    court_ref = payload.get("court_ref")
    if not isinstance(court_ref, str) or not court_ref.strip():
        raise _field_error("court_ref", _("请填写法院调解平台编号"))
    if len(court_ref.strip()) > COURT_REF_LIMIT:
        raise _field_error("court_ref", _("不能超过 %(n)d 个字符") % {"n": COURT_REF_LIMIT})
    result = payload.get("result")
    if result not in RESULTS:
        raise _field_error(
            "result",
            _("“%(r)s”不是有效的结果，须为 %(all)s之一") % {"r": result, "all": "、".join(RESULTS)},
        )
    raw_amount = payload.get("amount_recovered")
    if raw_amount is not None and not isinstance(raw_amount, str):
        raise _field_error("amount_recovered", _('金额须以字符串给出，如 "8000.00"'))
    try:
        amount = cases.to_yuan(raw_amount, _("追回金额"))
    except ValidationError as exc:
        raise _field_error("amount_recovered", exc.messages[0]) from None
    if RESULTS[result] == CaseStatus.AGREEMENT and raw_amount is None:
        raise _field_error("amount_recovered", _('调解成功须给出追回金额（可为 "0.00"）'))
    decided_raw = payload.get("decided_on")
    try:
        decided_on = datetime.date.fromisoformat(decided_raw) if decided_raw else None
    except (TypeError, ValueError):
        decided_on = None
    if decided_on is None:
        raise _field_error("decided_on", _("须为日期，格式 YYYY-MM-DD"))
    if decided_on > timezone.localdate():
        raise _field_error("decided_on", _("不能晚于今天"))
    note = payload.get("note") or ""
    if not isinstance(note, str) or len(note) > NOTE_LIMIT:
        raise _field_error("note", _("须为不超过 %(n)d 个字的文字") % {"n": NOTE_LIMIT})
    return {
        "case_number": number.strip(),
        "court_ref": court_ref.strip(),
        "result": result,
        "status": RESULTS[result],
        "amount": amount,
        "decided_on": decided_on,
        "note": note.strip(),
    }


@transaction.atomic
def import_result(*, actor, case: Case, payload) -> Case:
    """Apply the platform's result to `case`: an outcome (agreement, arbitration, litigation, with
    the yuan recovered) or a withdrawal, through the case service. All or nothing."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("union", "counsel")
        .get(pk=case.pk)
    )
    if not cases.may_work_on(actor, case):
        raise PermissionDenied(OUT_OF_SCOPE)
    data = parse_result(payload)
    if data["case_number"] != case.number:
        raise _field_error(
            "case_number",
            _("“%(n)s”与本案编号 %(own)s 不符") % {"n": data["case_number"], "own": case.number},
        )
    if case.court_ref and case.court_ref != data["court_ref"]:
        raise _field_error(
            "court_ref",
            _("本案已关联法院调解平台编号 %(ref)s，与“%(n)s”不符")
            % {"ref": case.court_ref, "n": data["court_ref"]},
        )
    if not case.events.filter(action=CaseAction.COURT_EXPORT).exists():
        raise _field_error("case_number", _("本案尚未导出至法院调解平台，不能导入结果"))
    label = RESULT_LABELS[data["result"]]
    note = f"{label}（{data['court_ref']}，{data['decided_on']:%Y-%m-%d}）"
    if data["note"]:
        note = f"{note}：{data['note']}"
    try:
        if data["status"] == CaseStatus.WITHDRAWN:
            case = cases.withdraw_case(actor=actor, case=case, note=note)
        else:
            if case.status == CaseStatus.ASSIGNED:
                case = cases.start_mediation(actor=actor, case=case, note=_("法院调解平台调解"))
            case = cases.record_outcome(
                actor=actor, case=case, outcome=data["status"],
                amount_recovered=data["amount"], note=note,
            )  # fmt: skip
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        raise _field_error("result", " ".join(exc.messages)) from None
    before = audit.snapshot(case)
    case.court_ref = data["court_ref"]
    case.court_status = note[:200]
    case.save(update_fields=["court_ref", "court_status", "updated_at"])
    _event(case, actor=actor, action=CaseAction.COURT_RESULT, before_status=case.status, note=note)
    audit.record_change(
        actor=actor, action=AuditAction.UPDATE, obj=case, before=before, after=audit.snapshot(case)
    )
    return case
