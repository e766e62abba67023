"""Receptions at the duty desks (坐班接访): the visits and consultations logged at a service point
on a day, by topic, with what came of them. The only code that writes them.

Who may log one: a clerk or administrator of the point's union (or above), or a counsel on the
point's rota that day (the reception is then theirs). What came of it:
- advice (当场解答): nothing more;
- referred (引导至相关部门): `referred_to` names where the visitor was sent;
- case (转立维权案件): a rights case is opened through gonghui.rights.cases.services.receive_case
  in the same transaction (channel visit, the point as service point, the point's union handling
  it) and linked as `reception.case`; its errors come back on the case's fields and nothing is
  written.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseChannel, CaseKind, ReceptionKind, ReceptionOutcome
from gonghui.rights.models import Counsel, DutySlot, Reception, ServicePoint
from gonghui.rights.service import checks
from gonghui.rights.service.rota import check_counsel

# The case's own fields a reception passes on when it becomes a case.
CASE_FIELDS = ("complainant_name", "phone", "employer", "employer_name", "facts", "amount_claimed")


def duty_counsel(actor, point: ServicePoint, date) -> Counsel | None:
    """The actor's counsel entry if they are on the point's rota on `date`."""
    if actor is None or not getattr(actor, "pk", None) or not isinstance(date, datetime.date):
        return None
    slot = (
        DutySlot.objects.filter(point=point, date=date, counsel__user=actor)
        .filter(counsel__is_active=True)
        .select_related("counsel__organisation")
        .first()
    )
    return slot.counsel if slot else None


def may_record(actor, point: ServicePoint, date) -> bool:
    return may_edit_org(actor, point.organisation) or duty_counsel(actor, point, date) is not None


@transaction.atomic
def record_reception(
    *,
    actor,
    point: ServicePoint,
    date,
    kind: str = ReceptionKind.VISIT,
    topic: str,
    count=1,
    note: str = "",
    outcome: str = ReceptionOutcome.ADVICE,
    referred_to: str = "",
    counsel: Counsel | None = None,
    case: dict | None = None,
) -> Reception:
    """Log a reception; with outcome `case`, `case` holds the case's fields (CASE_FIELDS)."""
    point = ServicePoint.objects.select_related("organisation").get(pk=point.pk)
    errors: dict = {}
    date = checks.past_date(date, "date", _("接待日期"), errors)
    on_duty = duty_counsel(actor, point, date)
    if actor is not None and not may_edit_org(actor, point.organisation):
        if date is None:
            checks.raise_if(errors)  # who is on duty depends on the day
        if on_duty is None:
            raise PermissionDenied(OUT_OF_SCOPE)
        counsel = on_duty  # a lawyer logs their own receptions
    if not point.is_active:
        errors["point"] = _("服务点“%(p)s”已停用") % {"p": point.name}
    checks.choice(kind, "kind", _("类别"), ReceptionKind, errors)
    checks.choice(topic, "topic", _("事项"), CaseKind, errors)
    number = checks.count(count, "count", _("人次"), errors, minimum=1)
    note = checks.text({"note": note}, "note", _("摘要"), 500, errors)
    checks.choice(outcome, "outcome", _("处理结果"), ReceptionOutcome, errors)
    referred_to = checks.text({"r": referred_to}, "r", _("引导至"), 100, errors)
    if "r" in errors:
        errors["referred_to"] = errors.pop("r")
    if outcome == ReceptionOutcome.REFERRED and not referred_to and "referred_to" not in errors:
        errors["referred_to"] = _("引导至相关部门时请填写引导至何处")
    if outcome != ReceptionOutcome.REFERRED:
        referred_to = ""
    if counsel is not None:
        counsel = Counsel.objects.select_related("organisation").get(pk=counsel.pk)
        check_counsel(point, counsel, errors)
    checks.raise_if(errors)
    reception = Reception(
        point=point, date=date, kind=kind, topic=topic, count=number, note=note,
        outcome=outcome, referred_to=referred_to, counsel=counsel,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    if outcome == ReceptionOutcome.CASE:
        reception.case = _open_case(actor, point, reception, case or {})
    reception.save()
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=reception, after=audit.snapshot(reception)
    )
    return reception


def _open_case(actor, point: ServicePoint, reception: Reception, fields: dict):
    given = {name: fields.get(name) for name in CASE_FIELDS if fields.get(name) is not None}
    given.setdefault("facts", reception.note)
    try:
        return cases.receive_case(
            actor=actor,
            union=point.organisation,
            kind=reception.topic,
            channel=CaseChannel.VISIT,
            service_point=point,
            workers_involved=reception.count,
            complainant_name=given.pop("complainant_name", ""),
            phone=given.pop("phone", ""),
            facts=given.pop("facts", ""),
            **given,
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "workers_involved" in exc.error_dict:
            exc.error_dict["count"] = exc.error_dict.pop("workers_involved")
        raise
