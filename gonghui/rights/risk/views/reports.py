"""Monthly reports (监测月报): the list (late ones flagged, and the points that missed the last
due month), filing a point's report, a report's page and its correction. Writes through
gonghui.rights.risk.reports; who may file is `reports.may_file` (the point's reporter account, or
staff of the grid's organisation or of the employer's union)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.filters import prepare_form
from gonghui.core.models import AuditEntry
from gonghui.core.views.generic import PAGE_SIZE, apply_errors, keyset_page, url_with
from gonghui.rights.risk import queries as risk_queries
from gonghui.rights.risk import reports
from gonghui.rights.risk.filters import ReportFilterSet
from gonghui.rights.risk.forms import ReportForm
from gonghui.rights.risk.views.common import require_risk_user, scoped
from gonghui.rights.risk.views.grids import _point, point_url

SORTS = {"month": gettext_lazy("所属月份"), "submitted_at": gettext_lazy("报送时间")}


def report_url(report) -> str:
    return reverse("rights:report_detail", kwargs={"pk": report.pk})


def report_list(request):
    require_risk_user(request.user)
    user = request.user
    base = risk_queries.reports_for(user).select_related("point__employer", "point__grid",
                                                         "submitted_by")  # fmt: skip
    filterset = ReportFilterSet(request.GET, queryset=base, request=request)
    prepare_form(filterset)
    queryset = filterset.qs
    sort = request.GET.get("sort", "-month")
    if sort.removeprefix("-") not in SORTS:
        sort = "-month"
    page = keyset_page(request, queryset, sort=sort, size=PAGE_SIZE)
    missing = _missing_of_last_due(user, risk_queries.today_of())
    # ?missing=1 (the workbench's link): only the points whose report is late.
    only_missing = request.GET.get("missing") == "1"
    context = {
        "only_missing": only_missing,
        "filterset": filterset,
        "page": page,
        "objects": page.object_list,
        "sort_links": [
            (k, v, url_with(request, sort=k if sort != k else f"-{k}")) for k, v in SORTS.items()
        ],  # fmt: skip
        "missing": missing,
    }
    return render(request, "rights/report_list.html", context)


def _missing_of_last_due(user, today: datetime.date):
    """Per point, the last month whose due day has passed, when it has no report."""
    return risk_queries.missing_of_last_due(risk_queries.points_for(user), today)


def report_file(request, pk):
    """File the report of a point for a month (?month=YYYY-MM-01 preselects it)."""
    point = _point(request, pk)
    if not reports.may_file(request.user, point):
        raise PermissionDenied
    if request.method == "POST":
        form = ReportForm(request.POST, point=point)
    else:
        initial = {"month": request.GET.get("month", "")}
        form = ReportForm(initial=initial, point=point)
    if request.method == "POST" and form.is_valid():
        try:
            report = reports.file_report(actor=request.user, point=point, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if report.is_late:
                messages.warning(request, _("月报已报送（已过截止日，记为逾期报送）：%(r)s")
                                 % {"r": report})  # fmt: skip
            else:
                messages.success(request, _("月报已报送：%(r)s") % {"r": report})
            return redirect(report_url(report))
    context = {
        "form": form,
        "title": _("报送监测月报：%(p)s") % {"p": point},
        "cancel_url": point_url(point),
        "submit_label": _("报送"),
    }
    return render(request, "rights/risk_form.html", context)


def _report(request, pk):
    require_risk_user(request.user)
    queryset = risk_queries.reports_for(request.user).select_related(
        "point__grid__organisation", "point__employer__union", "point__employer__territory",
        "submitted_by",
    )  # fmt: skip
    return scoped(request, queryset, pk)


def report_detail(request, pk):
    report = _report(request, pk)
    point = report.point
    context = {
        "object": report,
        "point": point,
        "due_on": risk_queries.due_date(report.month, point.report_due_day),
        "ratings": [
            (label, getattr(report, name), getattr(report, f"get_{name}_display")())
            for name, label in reports.RATINGS.items()
        ],  # fmt: skip
        "can_edit": reports.may_file(request.user, point),
        "history": AuditEntry.objects.for_object(report)[:50],
    }
    return render(request, "rights/report_detail.html", context)


def report_edit(request, pk):
    report = _report(request, pk)
    if not reports.may_file(request.user, report.point):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = ReportForm(data, point=report.point, report=report)
    if form.is_valid():
        try:
            report = reports.update_report(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("月报已更正：%(r)s") % {"r": report})
            return redirect(report_url(report))
    context = {
        "form": form,
        "title": _("更正监测月报：%(r)s") % {"r": report},
        "cancel_url": report_url(report),
    }
    return render(request, "rights/risk_form.html", context)
