"""An export job's page: its progress while it runs, then the file. An export is its owner's
and their administrators' (whose scope holds everything the owner may see), as an import is;
anyone else gets 404."""

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from gonghui.core import exports, jobs, private_files
from gonghui.core.models import Job, JobStatus

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _get_export(request, pk: int) -> Job:
    queryset = Job.objects.visible_to(request.user).filter(kind=exports.KIND)
    queryset = queryset.select_related("owner")
    return jobs.check(get_object_or_404(queryset, pk=pk))


def detail(request, pk: int):
    job = _get_export(request, pk)
    return render(request, "core/exports/detail.html", _context(request, job))


def progress(request, pk: int):
    job = _get_export(request, pk)
    response = render(request, "core/exports/_progress.html", _context(request, job))
    if job.finished:
        response["HX-Refresh"] = "true"  # the whole page shows the outcome
    return response


def download(request, pk: int):
    job = _get_export(request, pk)
    name = exports.file_name(job)
    if job.status != JobStatus.DONE or not private_files.exists(name):
        raise Http404
    fmt = job.params["fmt"]
    response = StreamingHttpResponse(private_files.stream(name), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, job.params["filename"])
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _context(request, job: Job) -> dict:
    ready = job.status == JobStatus.DONE and private_files.exists(exports.file_name(job))
    return {"job": job, "ready": ready}
