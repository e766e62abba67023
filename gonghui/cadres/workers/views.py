"""Pages of social workers and their growth file (成长档案): the list, registering and editing a
worker, the file (particulars, certificates, attendance and training entered on the page, the
timeline) and its printable form.

Staff (registry roles) of the union served and above, and the worker themselves: a social
worker reaches their own file only (`visible_to`; anything else is 404), and 403 on the
registering pages. Writes are services of gonghui.cadres.workers.services and
gonghui.cadres.records.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.cadres.access import (
    CADRE_ROLES,
    is_self,
    may_act_as_county,
    may_manage,
    may_write_file,
    require_cadre_user,
)
from gonghui.cadres.models import SocialWorker
from gonghui.cadres.records import services as record_services
from gonghui.cadres.records.forms import AttendanceForm, TrainingForm
from gonghui.cadres.reviews import services as review_services
from gonghui.cadres.workers import queries, services
from gonghui.cadres.workers.filters import WorkerFilterSet
from gonghui.cadres.workers.forms import CertificateForm, WorkerForm
from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired
from gonghui.core.views.generic import ObjectEditView, ObjectListView


class WorkerListView(RoleRequired, ObjectListView):
    roles = CADRE_ROLES
    model = SocialWorker
    select_related = ("organisation", "user")
    filterset_class = WorkerFilterSet
    template_name = "cadres/workers/worker_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("姓名"), "created_at": gettext_lazy("登记时间")}


class WorkerEditView(RoleRequired, ObjectEditView):
    model = SocialWorker
    select_related = ("organisation",)
    form_class = WorkerForm
    writes = (services.create_worker, services.update_worker)
    record_name = "socialworker"

    def service_fields(self, form) -> dict:
        return form.service_kwargs()


def worker_of(request, pk) -> SocialWorker:
    require_cadre_user(request.user)
    return get_object_or_404(queries.workers_for(request.user), pk=pk)


def _file_context(request, worker: SocialWorker) -> dict:
    user = request.user
    return {
        "object": worker,
        "certificates": worker.certificates.all(),
        "timeline": queries.timeline(worker),
        "is_self": is_self(user, worker),
        "may_manage": may_manage(user, worker),
        "may_write": may_write_file(user, worker),
        "may_county": may_act_as_county(user, worker),
        "may_review": any(review_services.may_give(user, worker, p) for p in review_services.PARTS),
    }


def worker_detail(request, pk):
    worker = worker_of(request, pk)
    context = _file_context(request, worker)
    if context["may_write"]:
        context["attendance_form"] = AttendanceForm()
        context["training_form"] = TrainingForm()
    if context["may_manage"]:
        context["certificate_form"] = CertificateForm()
    context["history"] = (
        AuditEntry.objects.for_object(worker)[:100] if context["may_manage"] else []
    )
    return render(request, "cadres/workers/worker_detail.html", context)


def worker_print(request, pk):
    worker = worker_of(request, pk)
    return render(request, "cadres/workers/worker_print.html", _file_context(request, worker))


def _post(request, worker, form, write, done: str):
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(worker)
    try:
        write(actor=request.user, worker=worker, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(worker)


@require_POST
def certificate_add(request, pk):
    worker = worker_of(request, pk)
    if not may_manage(request.user, worker):
        raise PermissionDenied
    return _post(request, worker, CertificateForm(request.POST), services.add_certificate,
                 _("已登记证书"))  # fmt: skip


@require_POST
def attendance_add(request, pk):
    worker = worker_of(request, pk)
    if not may_write_file(request.user, worker):
        raise PermissionDenied
    return _post(request, worker, AttendanceForm(request.POST), record_services.record_attendance,
                 _("已登记考勤"))  # fmt: skip


@require_POST
def training_add(request, pk):
    worker = worker_of(request, pk)
    if not may_write_file(request.user, worker):
        raise PermissionDenied
    return _post(request, worker, TrainingForm(request.POST), record_services.add_training,
                 _("已登记学习培训"))  # fmt: skip
