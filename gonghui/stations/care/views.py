"""Care pages: incidents (list, page, report, respond/close), video checks (list with the
missing-check flags, record), inspections (list, page, record, fix a finding) and feedback (list,
answer). Thin: scoping through `visible_to`, every write through the care services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.stations import checks
from gonghui.stations.access import require_station_user
from gonghui.stations.care import feedback as feedback_services
from gonghui.stations.care import incidents, inspections, watch
from gonghui.stations.care.forms import IncidentForm, InspectionForm, WatchForm
from gonghui.stations.models import Feedback, Finding, Incident, Inspection, WatchCheck
from gonghui.stations.stations import queries


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, "；".join(exc.messages))


def _scoped(request, model):
    require_station_user(request.user)
    return model.objects.visible_to(request.user).select_related("station")


def incident_list(request):
    rows = _scoped(request, Incident).order_by("-received_at")[:200]
    return render(request, "stations/care/incident_list.html", {"objects": rows})


def incident_detail(request, pk):
    incident = get_object_or_404(_scoped(request, Incident), pk=pk)
    context = {
        "object": incident,
        "steps": incident.steps.select_related("by"),
        "can_keep": checks.may_keep(request.user, incident.station),
        "history": AuditEntry.objects.for_object(incident)[:50],
    }
    return render(request, "stations/care/incident_detail.html", context)


@require_POST
def incident_add(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = IncidentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("报告有误：%(e)s") % {"e": form.errors.as_text()})
        return redirect(station)
    try:
        incident = incidents.report_incident(actor=request.user, station=station,
                                             **form.cleaned_data)  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(station)
    return redirect(incident)


@require_POST
def incident_step(request, pk, action):
    incident = get_object_or_404(_scoped(request, Incident), pk=pk)
    if not checks.may_keep(request.user, incident.station):
        raise PermissionDenied
    try:
        incidents.step(actor=request.user, incident=incident, action=action,
                       note=request.POST.get("note", ""))  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(incident)


def watch_list(request):
    require_station_user(request.user)
    stations = list(queries.visible(request.user).order_by("name")[:100])
    flagged = []
    for station in stations:
        gaps = watch.missing_checks(station, days=3)
        if gaps:
            flagged.append({"station": station, "gaps": gaps[-5:], "count": len(gaps)})
    rows = _scoped(request, WatchCheck).select_related("checked_by")[:100]
    return render(request, "stations/care/watch_list.html", {"objects": rows, "flagged": flagged})


@require_POST
def watch_add(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = WatchForm(request.POST)
    if form.is_valid():
        try:
            watch.record_check(actor=request.user, station=station, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("已记录视频巡查"))
    return redirect(station)


def inspection_list(request):
    rows = _scoped(request, Inspection).select_related("inspector")[:200]
    overdue = inspections.overdue(
        Finding.objects.visible_to(request.user).select_related("inspection__station")
    )
    return render(request, "stations/care/inspection_list.html",
                  {"objects": rows, "overdue": overdue[:100]})  # fmt: skip


def inspection_detail(request, pk):
    inspection = get_object_or_404(_scoped(request, Inspection), pk=pk)
    context = {
        "object": inspection,
        "findings": inspection.findings.all(),
        "can_keep": checks.may_keep(request.user, inspection.station),
    }
    return render(request, "stations/care/inspection_detail.html", context)


@require_POST
def inspection_add(request, pk):
    station = queries.station_or_404(request, pk)
    if not checks.may_manage(request.user, station):
        raise PermissionDenied
    form = InspectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("检查记录有误：%(e)s") % {"e": form.errors.as_text()})
        return redirect(station)
    data = form.cleaned_data
    findings = []
    if data.get("finding"):
        findings.append((data["finding_item"], data["finding"], data.get("fix_by")))
    try:
        inspection = inspections.record_inspection(
            actor=request.user, station=station, inspected_on=data["inspected_on"],
            failed_items=data["failed_items"], note=data["note"], findings=findings,
        )  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(station)
    return redirect(inspection)


@require_POST
def finding_fix(request, pk):
    finding = get_object_or_404(Finding.objects.visible_to(request.user), pk=pk)
    require_station_user(request.user)
    try:
        inspections.fix_finding(actor=request.user, finding=finding,
                                fix_note=request.POST.get("fix_note", ""))  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
    except PermissionDenied:
        raise
    return redirect(finding.inspection)


def feedback_list(request):
    rows = list(_scoped(request, Feedback)[:200])
    for row in rows:
        row.late = feedback_services.is_late(row)
    return render(request, "stations/care/feedback_list.html", {"objects": rows})


@require_POST
def feedback_answer(request, pk):
    item = get_object_or_404(_scoped(request, Feedback), pk=pk)
    try:
        feedback_services.answer_feedback(actor=request.user, feedback=item,
                                          answer=request.POST.get("answer", ""))  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("stations:feedback_list")
