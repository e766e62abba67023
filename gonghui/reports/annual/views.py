"""Annual report pages: the snapshots (list, start one), a job's progress, a snapshot (its
sentences, what changed since the snapshot before it, downloads, rendering again) and the
changes since the snapshot was taken. Only REPORT_ROLES open them; a snapshot or job out of
scope is 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core import figures as core_figures
from gonghui.core import jobs as core_jobs
from gonghui.core import private_files
from gonghui.core.models import Job
from gonghui.core.views.access import require_role, visible_or_404
from gonghui.reports.annual import content, jobs, services
from gonghui.reports.annual.forms import AnnualReportForm
from gonghui.reports.annual.models import REPORT_ROLES, AnnualReport

FILES = {
    "docx": (
        "docx_file",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("xlsx_file", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
LISTED = 50


def _jobs(request):
    return Job.objects.visible_to(request.user).filter(kind=jobs.KIND)


def _report(request, pk: int) -> AnnualReport:
    return visible_or_404(
        request, AnnualReport, pk, "organisation", "created_by", roles=REPORT_ROLES
    )


def index(request):
    require_role(request.user, REPORT_ROLES)
    form = AnnualReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            job = jobs.start(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                year=form.cleaned_data["year"],
            )
        except PermissionDenied:
            form.add_error("organisation", _("该组织不在您的管理范围内"))
        else:
            return redirect("reports:annual_job", pk=job.pk)
    reports = AnnualReport.objects.visible_to(request.user).select_related(
        "organisation", "created_by"
    )[:LISTED]
    running = [core_jobs.check(j) for j in _jobs(request).unfinished()[:10]]
    return render(
        request,
        "reports/annual/index.html",
        {"form": form, "reports": reports, "running": running},
    )


def job(request, pk: int):
    require_role(request.user, REPORT_ROLES)
    found = core_jobs.check(get_object_or_404(_jobs(request), pk=pk))
    polled = bool(request.headers.get("HX-Request"))
    report_pk = found.result.get("report") if found.status == "done" else None
    if report_pk and AnnualReport.objects.visible_to(request.user).filter(pk=report_pk).exists():
        target = reverse("reports:annual_detail", args=[report_pk])
        if not polled:
            return redirect(target)
        # htmx would follow a redirect and put the whole page inside the progress card.
        response = render(request, "reports/annual/_job.html", {"job": found})
        response["HX-Redirect"] = target
        return response
    template = "reports/annual/_job.html" if polled else "reports/annual/job.html"
    response = render(request, template, {"job": found})
    if found.finished and polled:
        response["HX-Refresh"] = "true"
    return response


def detail(request, pk: int):
    report = _report(request, pk)
    data = services.report_data(report)
    sections = content.build(data, core_figures.labels())
    before = services.earlier(report)
    since_before = (
        services.changes(before.figures.get("current", {}), report.figures.get("current", {}))
        if before
        else None
    )
    return render(
        request,
        "reports/annual/detail.html",
        {"report": report, "sections": sections, "before": before, "since_before": since_before},
    )


def changes(request, pk: int):
    report = _report(request, pk)
    rows = services.changes_since(report, actor=request.user)
    return render(request, "reports/annual/changes.html", {"report": report, "rows": rows})


def download(request, pk: int, fmt: str):
    report = _report(request, pk)
    if fmt not in FILES:
        raise Http404
    attr, content_type = FILES[fmt]
    stored = getattr(report, attr)
    if not private_files.exists(stored):
        messages.info(request, _("文件尚未生成，请点击“重新生成（使用快照）”"))
        return redirect("reports:annual_detail", pk=report.pk)
    name = f"{report.organisation.name}{report.year}年度报告.{fmt}"
    response = StreamingHttpResponse(private_files.stream(stored), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def regenerate(request, pk: int):
    report = _report(request, pk)
    try:
        found = jobs.start_render(actor=request.user, report=report)
    except PermissionDenied:
        raise Http404 from None
    return redirect("reports:annual_job", pk=found.pk)
