"""The workers' station pages (/m/stations/). The finder and a station's page are public (no
sign-in, nothing personal); scanning in and feedback need the worker's proven phone (the
portal's sign-in), because a person is counted once a day by it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gonghui.portal.identity import current_worker, worker_required
from gonghui.stations.finder import queries
from gonghui.stations.stations import hours as hours_mod
from gonghui.stations.stations import queries as station_queries
from gonghui.stations.visits import services as visits
from gonghui.stations.visits.forms import ScanForm


@login_not_required
def finder(request):
    where = queries.position(request.GET)
    town = queries.town(request.GET)
    stations = queries.nearest(where=where, within=town)
    for station in stations:
        station.distance_text = queries.distance_text(station.distance_m)
    context = {
        "stations": stations,
        "where": where,
        "town": town,
        "towns": queries.towns(),
        "worker": current_worker(request),
    }
    return render(request, "stations/finder/finder.html", context)


@login_not_required
def station(request, pk):
    found = queries.public_stations().filter(pk=pk).first()
    if found is None:
        raise Http404
    station_queries.annotate([found])
    where = queries.position(request.GET)
    context = {
        "station": found,
        "week": hours_mod.week_text(found.hours),
        "links": queries.navigation_links(found),
        "scan_path": station_queries.scan_path(found),
        "where": where,
    }
    return render(request, "stations/finder/station.html", context)


@worker_required
def scan(request, code):
    found = station_queries.station_for_code(code)
    if found is None:
        raise Http404
    form = ScanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit, created = visits.scan_in(
                station=found, person_hash=request.worker.phone_hash,
                occupation=form.cleaned_data["occupation"],
            )  # fmt: skip
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            if created:
                messages.success(request, _("已登记到站，欢迎歇脚！"))
            else:
                messages.info(request, _("您今天已在本站登记过，无需重复扫码"))
            return redirect("stations_portal:station", pk=found.pk)
    return render(request, "stations/finder/scan.html", {"station": found, "form": form})


@worker_required
def feedback(request, pk):
    from gonghui.stations.care import feedback as care_feedback
    from gonghui.stations.care.forms import FeedbackForm

    found = queries.public_stations().filter(pk=pk).first()
    if found is None:
        raise Http404
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            care_feedback.leave_feedback(
                station=found, person_hash=request.worker.phone_hash, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("谢谢您的评价，站长会尽快答复"))
            return redirect("stations_portal:station", pk=found.pk)
    return render(request, "stations/finder/feedback.html", {"station": found, "form": form})


@worker_required
def help_request(request, pk):
    """A worker at the station reports an incident (injury, illness …): it reaches the keeper at
    once and escalates like a hotline call when nobody responds."""
    from gonghui.stations.care import incidents
    from gonghui.stations.care.forms import HelpForm

    found = queries.public_stations().filter(pk=pk).first()
    if found is None:
        raise Http404
    form = HelpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = incidents.report_incident(
                actor=None, station=found, source="visitor", caller=request.worker.phone_masked,
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(
                request, _("已报告（编号 %(n)s），站长和安全员会尽快处置") % {"n": incident.number}
            )
            return redirect("stations_portal:station", pk=found.pk)
    return render(request, "stations/finder/help.html", {"station": found, "form": form})
