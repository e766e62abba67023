"""Pages of monthly records (月度工作纪实): the list, filing one (the worker for themselves, or
the host union for a worker), editing while open, attachments, submitting (then locked).

Staff of the union served and above, and the worker (their own records only: anything else is
404). Writes are services of gonghui.cadres.records.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.cadres.access import CADRE_ROLES, may_write_file, require_cadre_user
from gonghui.cadres.models import MonthlyRecord, RecordAttachment, SocialWorker
from gonghui.cadres.records import services
from gonghui.cadres.records.filters import RecordFilterSet
from gonghui.cadres.records.forms import AttachmentForm, RecordForm
from gonghui.cadres.records.prefill import labelled
from gonghui.core.uploads import attachment
from gonghui.core.views.access import RoleRequired
from gonghui.core.views.generic import ObjectListView, apply_errors


class RecordListView(RoleRequired, ObjectListView):
    roles = CADRE_ROLES
    model = MonthlyRecord
    select_related = ("worker", "worker__organisation")
    filterset_class = RecordFilterSet
    template_name = "cadres/records/record_list.html"
    default_sort = "-month"
    sort_options = {"month": gettext_lazy("月份")}


def record_of(request, pk) -> MonthlyRecord:
    require_cadre_user(request.user)
    queryset = MonthlyRecord.objects.visible_to(request.user).select_related(
        "worker__organisation", "worker__user"
    )
    return get_object_or_404(queryset, pk=pk)


def writable_workers(user):
    return [
        w
        for w in SocialWorker.objects.visible_to(user).active().select_related("organisation")
        if may_write_file(user, w)
    ]


def record_add(request):
    require_cadre_user(request.user)
    workers = writable_workers(request.user)
    if not workers:
        return render(request, "cadres/records/no_workers.html")
    choices = SocialWorker.objects.filter(pk__in=[w.pk for w in workers])
    single = len(workers) == 1
    data = request.POST if request.method == "POST" else None
    initial = {}
    if request.GET.get("worker", "").isdigit():
        initial["worker"] = int(request.GET["worker"])
    form = RecordForm(data, initial=initial, worker_choices=None if single else choices)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        worker = fields.pop("worker", workers[0])
        try:
            record = services.create_record(actor=request.user, worker=worker, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(r)s（本工会本月数据已带出）") % {"r": record})
            return redirect(record)
    return render(request, "core/object_edit.html", {
        "form": form, "title": _("填报月度工作纪实") + (f"：{workers[0].name}" if single else ""),
        "cancel_url": request.GET.get("next", "/"),
    })  # fmt: skip


def record_detail(request, pk):
    record = record_of(request, pk)
    may_write = may_write_file(request.user, record.worker) and not record.is_locked
    return render(request, "cadres/records/record_detail.html", {
        "object": record,
        "figures": labelled(record.figures),
        "attachments": record.attachments.all(),
        "may_write": may_write,
        "attachment_form": AttachmentForm() if may_write else None,
    })  # fmt: skip


def record_edit(request, pk):
    record = record_of(request, pk)
    if not may_write_file(request.user, record.worker):
        raise PermissionDenied
    if record.is_locked:
        messages.error(request, _("%(r)s已提交并锁定，不能再修改") % {"r": record})
        return redirect(record)
    if request.method == "POST":
        form = RecordForm(request.POST, editing=True)
        if form.is_valid():
            try:
                services.update_record(
                    actor=request.user, monthlyrecord=record, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存：%(r)s") % {"r": record})
                return redirect(record)
    else:
        form = RecordForm(initial={"work_done": record.work_done, "notes": record.notes},
                          editing=True)  # fmt: skip
    return render(request, "core/object_edit.html", {
        "form": form, "object": record, "cancel_url": record.get_absolute_url(),
    })  # fmt: skip


def _step(service, done):
    @require_POST
    def view(request, pk):
        record = record_of(request, pk)
        if not may_write_file(request.user, record.worker):
            raise PermissionDenied
        try:
            service(actor=request.user, record=record)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, done)
        return redirect(record)

    return view


record_submit = _step(services.submit_record, gettext_lazy("已提交，纪实已锁定"))
record_refresh = _step(services.refresh_figures, gettext_lazy("已重新统计本月数据"))


@require_POST
def record_attach(request, pk):
    record = record_of(request, pk)
    if not may_write_file(request.user, record.worker):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件"))
        return redirect(record)
    try:
        services.attach(actor=request.user, record=record, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已上传附件"))
    return redirect(record)


def attachment_download(request, pk):
    require_cadre_user(request.user)
    document = get_object_or_404(RecordAttachment.objects.visible_to(request.user), pk=pk)
    return attachment(document.upload, filename=document.original_name,
                      content_type=document.content_type)  # fmt: skip
