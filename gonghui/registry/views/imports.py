"""Import pages: download a template, upload, see every error (row, column, reason, the cell
highlighted), download the file back with its errors, fix, upload again, confirm, watch the
progress, read the counts. Every page of one import has its own URL, so it can be left and
opened again. An import is its owner's and their administrators'; anyone else gets 404."""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core import jobs, private_files
from gonghui.core.forms import style
from gonghui.core.models import Job, JobStatus
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sheets.workbooks import template_workbook
from gonghui.registry.imports import TEMPLATES, FileError, tasks

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_MB = 100
LIST_URLS = {"unions": "core:org_list", "units": "registry:employer_list",
             "members": "registry:member_list"}  # fmt: skip


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("选择文件"),
        help_text=gettext_lazy("xlsx 或 csv（UTF-8 或 GBK 编码），第一行为表头"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.fields["file"])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(_("文件不能超过 %(n)d MB") % {"n": MAX_UPLOAD_MB})
        return upload


def _may_import(user) -> bool:
    return holds_role(user, EDIT_ROLES)


def _imports(request):
    """The imports this user may open: their own, and those below them if an administrator."""
    return Job.objects.visible_to(request.user).filter(kind=tasks.KIND, parent__isnull=True)


def _listed(queryset, limit: int) -> list[Job]:
    written = Job.objects.filter(parent=OuterRef("pk"), status=JobStatus.DONE, result__ok=True)
    items = list(queryset.select_related("owner").annotate(written=Exists(written))[:limit])
    for item in items:
        item.template_title = TEMPLATES[item.params["template"]].title
    return items


def _get_import(request, pk: int) -> tuple[Job, Job]:
    """The import (its upload's check) and its latest step (the confirmed write, if any)."""
    job = jobs.check(get_object_or_404(_imports(request).select_related("owner"), pk=pk))
    latest = job.followups.order_by("-pk").first()
    return job, jobs.check(latest) if latest else job


def index(request):
    return render(
        request,
        "registry/imports/index.html",
        {
            "templates": TEMPLATES.values(),
            "imports": _listed(_imports(request), 50),
            "can_import": _may_import(request.user),
        },
    )


def start(request, kind: str):
    spec = TEMPLATES[kind]
    if not _may_import(request.user):
        raise PermissionDenied
    if request.GET.get("download") == "template":
        response = HttpResponse(template_workbook(spec), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, spec.filename)
        return response
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = tasks.start(actor=request.user, template=kind, upload=form.cleaned_data["file"])
        except FileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("imports:detail", pk=job.pk)
    recent = _listed(_imports(request).filter(params__template=kind), 20)
    return render(
        request,
        "registry/imports/start.html",
        {"spec": spec, "form": form, "imports": recent, "list_url": LIST_URLS[kind]},
    )


def detail(request, pk: int):
    job, current = _get_import(request, pk)
    spec = TEMPLATES[job.params["template"]]
    result = current.result if current.status == JobStatus.DONE else {}
    confirmed = current is not job
    return render(
        request,
        "registry/imports/detail.html",
        {
            "job": job,
            "current": current,
            "spec": spec,
            "result": result,
            "confirmed": confirmed,
            "can_confirm": (
                not confirmed
                and job.owner_id == request.user.pk
                and job.status == JobStatus.DONE
                and job.result.get("ok")
            ),
            "can_retry": confirmed and current.status == JobStatus.FAILED,
            "list_url": LIST_URLS[spec.key],
            "start_url": f"imports:{spec.key}",
        },
    )


def progress(request, pk: int):
    job, current = _get_import(request, pk)
    if current.finished:
        # The whole page shows the outcome: htmx reloads it.
        response = render(
            request, "registry/imports/_progress.html", {"job": job, "current": current}
        )
        response["HX-Refresh"] = "true"
        return response
    return render(request, "registry/imports/_progress.html", {"job": job, "current": current})


def errors_file(request, pk: int):
    job, current = _get_import(request, pk)
    stored = tasks.errors_name(current)
    if not private_files.exists(stored):
        messages.info(request, _("该导入没有错误说明文件"))
        return redirect("imports:detail", pk=job.pk)
    name = _("%(stem)s_错误说明.xlsx") % {"stem": Path(job.params.get("filename", "")).stem}
    # Decrypted as it is sent: the clear workbook is never written anywhere.
    response = StreamingHttpResponse(private_files.stream(stored), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def confirm(request, pk: int):
    job, current = _get_import(request, pk)
    if job.owner_id != request.user.pk:
        messages.error(request, _("只有上传该文件的人可以确认导入"))
    elif not (job.status == JobStatus.DONE and job.result.get("ok")):
        messages.error(request, _("该文件尚未校验通过，不能导入"))
    elif current is not job and current.status != JobStatus.FAILED:
        messages.info(request, _("该文件已确认导入"))
    else:
        tasks.confirm(actor=request.user, job=job)
    return redirect("imports:detail", pk=job.pk)
