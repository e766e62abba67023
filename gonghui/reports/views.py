"""The dashboard: the home page of administrators and leaders, and /reports/dashboard/ for anyone
who sees part of the registry. The work is in gonghui.reports.dashboard; this only decides who
sees it and what they asked for."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role
from gonghui.core.views import pages
from gonghui.reports import dashboard as board
from gonghui.reports.annual.models import REPORT_ROLES

# Whose home page is the dashboard: those who run a federation or lead it. Clerks and reviewers
# keep their working home page (and find the dashboard under 统计).
DASHBOARD_HOME_ROLES = frozenset({Role.ADMIN, Role.VIEWER})


def home(request):
    if holds_role(request.user, DASHBOARD_HOME_ROLES):
        # Their figures, under what waits in their unions (the workbench).
        return dashboard(request, extra=pages.workbench_context(request))
    return pages.home(request)


def dashboard(request, extra=None):
    if not holds_role(request.user):
        # Lawyers, station keepers and social workers see no registry, so no figures of it.
        raise PermissionDenied
    today = timezone.localdate()
    form = board.DashboardForm(request.GET or None, user=request.user, today=today)
    if form.org_is_unknown():
        raise Http404  # out of scope looks like non-existent, as everywhere
    org, year = form.choice(today)
    context = board.build(user=request.user, org=org, year=year, today=form.stock_day(today))
    context["can_report"] = holds_role(request.user, REPORT_ROLES)
    return render(request, "reports/dashboard.html", {"form": form, **context, **(extra or {})})
