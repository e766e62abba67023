"""Risk warnings (风险预警): signing for them, recording how they were handled, and moving the
ones not handled in time up the tree. The only code that changes a warning (services.py opens them).

A warning is the responsibility of an organisation (first the employer's town or park). A clerk
or administrator of that organisation or above signs for it (acknowledge) and records the
handling (handle: a note is required). Past `due_at` an unhandled warning moves to the parent
organisation with a new due time (a WarningEscalation row each step); at the root it stays,
overdue, for the county to see.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.rights.choices import WarningStatus
from gonghui.rights.models import RiskWarning, WarningEscalation
from gonghui.rights.risk.services import handle_by

HANDLING_LIMIT = 2000


def may_act(actor, warning: RiskWarning) -> bool:
    return may_edit_org(actor, warning.responsible)


def _locked(warning: RiskWarning) -> RiskWarning:
    return (
        RiskWarning.objects.select_for_update(of=("self",))
        .select_related("employer__territory", "responsible")
        .get(pk=warning.pk)
    )


def _save(actor, warning: RiskWarning, before: dict) -> RiskWarning:
    audit.saved(warning, actor=actor, before=before)
    return warning


@transaction.atomic
def acknowledge(*, actor, warning: RiskWarning, now=None) -> RiskWarning:
    """Sign for an open warning: someone is on it."""
    warning = _locked(warning)
    if not may_act(actor, warning):
        raise PermissionDenied(OUT_OF_SCOPE)
    if warning.status != WarningStatus.OPEN:
        raise ValidationError(
            _("预警当前状态为“%(s)s”，不能签收") % {"s": warning.get_status_display()}
        )
    before = audit.snapshot(warning)
    warning.status = WarningStatus.ACKNOWLEDGED
    warning.acknowledged_by = actor if getattr(actor, "pk", None) else None
    warning.acknowledged_at = now or timezone.now()
    return _save(actor, warning, before)


@transaction.atomic
def handle(*, actor, warning: RiskWarning, handling: str, now=None) -> RiskWarning:
    """Record how the warning was handled; an unsigned one is signed at the same time."""
    warning = _locked(warning)
    if not may_act(actor, warning):
        raise PermissionDenied(OUT_OF_SCOPE)
    if warning.status == WarningStatus.HANDLED:
        raise ValidationError(_("预警已处置，不能重复处置"))
    handling = (handling or "").strip()
    if not handling:
        raise ValidationError({"handling": _("请填写处置情况（采取了哪些措施、结果如何）")})
    if len(handling) > HANDLING_LIMIT:
        raise ValidationError(
            {"handling": _("处置情况不能超过 %(n)d 个字") % {"n": HANDLING_LIMIT}}
        )
    now = now or timezone.now()
    before = audit.snapshot(warning)
    if warning.status == WarningStatus.OPEN:
        warning.acknowledged_by = actor if getattr(actor, "pk", None) else None
        warning.acknowledged_at = now
    warning.status = WarningStatus.HANDLED
    warning.handled_by = actor if getattr(actor, "pk", None) else None
    warning.handled_at = now
    warning.handling = handling
    return _save(actor, warning, before)


def is_overdue(warning: RiskWarning, now: datetime.datetime) -> bool:
    return warning.status != WarningStatus.HANDLED and warning.due_at < now


@transaction.atomic
def escalate_overdue(now=None) -> list[RiskWarning]:
    """Every unhandled warning past its due time goes to the parent of its responsible
    organisation, with a new due time; returns the warnings moved. Bulk: a fixed number of
    queries however many are due."""
    now = now or timezone.now()
    due = list(
        RiskWarning.objects.unhandled()
        .filter(due_at__lt=now, responsible__parent__isnull=False)
        .select_for_update(of=("self",))
        .select_related("responsible__parent", "employer__territory")
        .order_by("pk")
    )
    steps, entries = [], []
    content_type = ContentType.objects.get_for_model(RiskWarning)
    for warning in due:
        before = audit.snapshot(warning)
        from_org, to_org = warning.responsible, warning.responsible.parent
        warning.responsible = to_org
        warning.escalations += 1
        warning.due_at = handle_by(warning.level, now)
        steps.append(WarningEscalation(warning=warning, from_org=from_org, to_org=to_org, at=now))
        entries.append(
            AuditEntry(
                actor=None,
                action=AuditAction.UPDATE,
                content_type=content_type,
                object_id=str(warning.pk),
                object_repr=str(warning)[:200],
                org_path=warning.audit_org_path,
                changes=audit.diff(before, audit.snapshot(warning)),
            )
        )
    RiskWarning.objects.bulk_update(due, ["responsible", "escalations", "due_at"])
    WarningEscalation.objects.bulk_create(steps)
    AuditEntry.objects.bulk_create(entries)
    return due
