"""Incidents (突发事件) at a station: received (from the hotline, a visitor, the video watch) →
responded → closed, each step timed and written as a step row and in the audit log.

Escalation (三级管理): an incident not responded to within GONGHUI_STATION_ESCALATE_MINUTES
["safety"] of its receipt rises to the station's safety officer (texted), and after ["county"]
to the county federation (its level shows on the county's list). `escalate_overdue(now)` is the
periodic function (the periodic job `stations`, every five minutes, and `gonghui
stations_escalate`); it is idempotent: an incident rises once per level. Keepers, the safety
officer and the union's editors respond
and close; an incident never goes back.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit, sms
from gonghui.core.models import AuditAction
from gonghui.stations import checks
from gonghui.stations.choices import IncidentKind, IncidentLevel, IncidentSource, IncidentStatus
from gonghui.stations.models import Incident, IncidentStep, Station

TRANSITIONS = {
    "respond": (IncidentStatus.RECEIVED, IncidentStatus.RESPONDED, "responded_at", _("响应")),
    "close": (IncidentStatus.RESPONDED, IncidentStatus.CLOSED, "closed_at", _("办结")),
}
LEVEL_ORDER = [IncidentLevel.STATION, IncidentLevel.SAFETY, IncidentLevel.COUNTY]


def _number(at) -> str:
    prefix = f"YZ{at:%Y%m%d}"
    last = Incident.objects.filter(number__startswith=prefix).order_by("-number").first()
    seq = int(last.number[-4:]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


@transaction.atomic
def report_incident(*, actor, station: Station, kind, source, description, caller="",
                    at=None) -> Incident:  # fmt: skip
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    if actor is not None:
        checks.ensure_may_keep(actor, station)
    errors: dict = {}
    checks.choice(kind, "kind", _("事件类别"), IncidentKind, errors)
    checks.choice(source, "source", _("来源"), IncidentSource, errors)
    description = checks.text({"d": description}, "d", _("情况"), 500, errors, required=True)
    if "d" in errors:
        errors["description"] = errors.pop("d")
    caller = checks.text({"caller": caller}, "caller", _("报告人"), 50, errors)
    checks.raise_if(errors)
    at = at or timezone.now()
    incident = Incident.objects.create(
        station=station, number=_number(at), kind=kind, source=source, description=description,
        caller=caller, received_at=at, received_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    IncidentStep.objects.create(incident=incident, at=at, action=str(_("接报")), note=description,
                                by=incident.received_by)  # fmt: skip
    audit.record(actor=actor, action=AuditAction.CREATE, obj=incident,
                 after=audit.snapshot(incident))  # fmt: skip
    return incident


@transaction.atomic
def step(*, actor, incident: Incident, action: str, note: str = "", at=None) -> Incident:
    incident = (
        Incident.objects.select_for_update(of=("self",))
        .select_related("station")
        .get(pk=incident.pk)
    )
    checks.ensure_may_keep(actor, incident.station)
    if action not in TRANSITIONS:
        checks.raise_if({"action": _("未知的办理环节")})
    source, target, stamp, label = TRANSITIONS[action]
    if incident.status != source:
        checks.raise_if({"action": _("事件当前为“%(s)s”，不能%(a)s") % {
            "s": incident.get_status_display(), "a": label}})  # fmt: skip
    errors: dict = {}
    note = checks.text({"note": note}, "note", _("说明"), 500, errors)
    checks.raise_if(errors)
    at = at or timezone.now()
    before = audit.snapshot(incident)
    incident.status = target
    setattr(incident, stamp, at)
    audit.saved(incident, actor=actor, before=before)
    IncidentStep.objects.create(incident=incident, at=at, action=str(label), note=note,
                                by=actor if getattr(actor, "pk", None) else None)  # fmt: skip
    return incident


def thresholds() -> dict:
    return settings.GONGHUI_STATION_ESCALATE_MINUTES


def due_level(incident: Incident, now) -> str:
    """The level an unanswered incident should stand at by `now`."""
    waited = (now - incident.received_at).total_seconds() / 60
    limits = thresholds()
    if waited >= limits["county"]:
        return IncidentLevel.COUNTY
    if waited >= limits["safety"]:
        return IncidentLevel.SAFETY
    return IncidentLevel.STATION


def escalate_overdue(now=None) -> list[Incident]:
    """Raise every unanswered incident to the level its waiting time calls for (periodic)."""
    now = now or timezone.now()
    earliest = now - datetime.timedelta(minutes=thresholds()["safety"])
    raised = []
    waiting = Incident.objects.filter(status=IncidentStatus.RECEIVED, received_at__lte=earliest)
    for pk in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            incident = (
                Incident.objects.select_for_update(of=("self",))
                .select_related("station__safety_officer", "station__union")
                .get(pk=pk)
            )
            if incident.status != IncidentStatus.RECEIVED:
                continue
            target = due_level(incident, now)
            if LEVEL_ORDER.index(target) <= LEVEL_ORDER.index(incident.level):
                continue
            before = audit.snapshot(incident)
            incident.level, incident.escalated_at = target, now
            audit.saved(incident, actor=None, before=before)
            label = dict(IncidentLevel.choices)[target]
            IncidentStep.objects.create(
                incident=incident, at=now, action=str(_("升级")),
                note=_("超时未响应，升级至%(l)s") % {"l": label},
            )  # fmt: skip
            _notify(incident, target)
            raised.append(incident)
    return raised


def _notify(incident: Incident, level: str) -> None:
    station = incident.station
    text = _("【驿站事件】%(s)s %(k)s 超时未响应（%(n)s），请立即处置") % {
        "s": station.name, "k": incident.get_kind_display(), "n": incident.number,
    }  # fmt: skip
    phone = station.hotline.replace("-", "").strip()
    if level == IncidentLevel.SAFETY and len(phone) == 11 and phone.startswith("1"):
        # The safety officer's duty phone is the station's hotline (staff phones are not kept).
        sms.send_on_commit(phone=phone, text=text)


def open_incidents(queryset):
    return queryset.exclude(status=IncidentStatus.CLOSED)
