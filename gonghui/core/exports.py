"""Exports too long for one request: over settings.GONGHUI_EXPORT_JOB_ROWS rows, a list's
`?export=` starts a background job that writes the file into the private storage (encrypted,
purged with the stored imports) and the page at /exports/<id>/ shows its progress, then offers
the file to the person who asked for it.

The job does not carry the rows or a pickled query: it carries the list's address and filters
(encrypted, since a search may hold an ID number) and runs the list view's own
`export_queryset()` again as its owner, so the scope is checked in the worker, at the time of
writing, by the same code as the page.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.test import RequestFactory
from django.urls import resolve
from django.utils.translation import gettext as _

from gonghui.core import jobs, pii, private_files
from gonghui.core.models import Job
from gonghui.core.roles import REGISTRY_ROLES
from gonghui.core.scoping import scope_root

KIND = "export"
TASK = "gonghui.core.exports.run_export"
FOLDER = "exports"
STAGE = "写出"


def job_rows() -> int:
    return settings.GONGHUI_EXPORT_JOB_ROWS


def file_name(job: Job) -> str:
    return f"{FOLDER}/{job.pk}.{job.params['fmt']}"


def start(*, request, fmt: str, reveal: bool, filename: str, total: int) -> Job:
    """Queue the export of the list `request` asked for; `total` is its row count now."""
    query = urlencode([(k, v) for k, vs in request.GET.lists() for v in vs])
    return jobs.submit(
        TASK,
        kind=KIND,
        owner=request.user,
        org_path=scope_root(request.user, REGISTRY_ROLES),
        path=request.path,
        query=pii.encrypt(query),
        fmt=fmt,
        reveal=reveal,
        filename=filename,
        total=total,
    )


def run_export(job: Job, *, path, query, fmt, reveal, filename, total) -> dict:
    owner = job.owner
    if owner is None or not owner.is_active:
        raise jobs.JobError(_("提交人的账号已停用"))
    view = _list_view(owner, path, pii.decrypt(query))
    exporter = view.exporter()
    queryset = view.export_queryset()
    jobs.report(job, 0, total, _(STAGE))

    def progress(done: int) -> None:
        jobs.report(job, done, max(total, done), _(STAGE))

    with private_files.sealed_output(file_name(job), suffix=f".{fmt}") as out:
        rows = exporter.write(out, queryset, fmt=fmt, reveal=reveal, actor=owner,
                              progress=progress)  # fmt: skip
    jobs.report(job, rows, rows, _(STAGE))
    return {"rows": rows, "filename": filename}


def _list_view(user, path: str, query: str):
    """The list view at `path`, set up for `user` with the filters of `query`."""
    request = RequestFactory().get(f"{path}?{query}" if query else path)
    request.user = user
    match = resolve(path)
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    return view


def purge(older_than: datetime.timedelta | None = None) -> dict:
    """Delete export files older than their retention (the schedule's "export_files" job)."""
    if older_than is None:
        older_than = datetime.timedelta(hours=settings.GONGHUI_EXPORT_FILE_RETENTION_HOURS)
    return {"removed": private_files.purge(FOLDER, older_than)}
