"""Hardship-file pages (困难职工档案): list and export, the review-due list, a file's page with
its household, documents, decision and yearly review, entering and correcting a file, and the
spreadsheet import. Thin views: scoping through `visible_to` / `editable_by`, every write through
gonghui.aid.hardship.services, gonghui.aid.documents.services or gonghui.aid.hardship.imports."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from gonghui.aid.documents import services as documents
from gonghui.aid.hardship import services as hardship
from gonghui.aid.hardship.filters import HardshipFilterSet
from gonghui.aid.hardship.forms import (
    DecideForm,
    DocumentForm,
    HardshipFileForm,
    HouseholdFormSet,
    ImportForm,
    ReviewForm,
    household_rows,
)
from gonghui.aid.hardship.imports import EXPORT, TEMPLATE, ImportFailed, import_files
from gonghui.aid.models import HardshipFile
from gonghui.core import pii
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role, may_edit_org
from gonghui.core.search import normalise
from gonghui.core.sheets.readers import FileError, read_rows
from gonghui.core.sheets.workbooks import template_workbook
from gonghui.core.views.generic import ObjectDetailView, ObjectListView, apply_errors
from gonghui.registry.exports import csv_response, xlsx_response
from gonghui.registry.membership_queries import CIPHERTEXT
from gonghui.registry.models import Member

MEMBER_CIPHERTEXT = tuple(f"member__{name}" for name in CIPHERTEXT)
SEARCH_LIMIT = 20


class HardshipScope:
    """Files show the member's masked numbers only: the ciphertext is never fetched."""

    model = HardshipFile
    select_related = ("member", "union")

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*MEMBER_CIPHERTEXT)


class HardshipListView(HardshipScope, ObjectListView):
    filterset_class = HardshipFilterSet
    template_name = "aid/hardship_list.html"
    default_sort = "-pk"
    sort_options = {
        "reviewed_on": gettext_lazy("最近复核"),
        "income_per_head": gettext_lazy("月人均收入"),
        "pk": gettext_lazy("登记顺序"),
    }
    due = False

    def get(self, request, *args, **kwargs):
        if "export" in request.GET:
            return export(self.export_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        for file in context["objects"]:
            due_on = file.review_due_on()
            file.review_late = file.status == "filed" and due_on is not None and due_on < today
        context.update(due=self.due, can_import=context["can_add"])
        return context


class HardshipDueView(HardshipListView):
    """On file and last reviewed over a year ago: the yearly review that is late."""

    due = True
    default_sort = "reviewed_on"

    def scoped_queryset(self):
        return super().scoped_queryset().review_due()


def export(queryset, fmt: str):
    """Masked (the ID number as 420324********1231); formula-safe cells."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = ([c.render(obj) for c in EXPORT.columns] for obj in queryset.iterator(chunk_size=2000))
    filename = f"{EXPORT.title}_{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        return csv_response(EXPORT.headers, rows, filename)
    return xlsx_response(EXPORT, rows, filename)


class HardshipDetailView(HardshipScope, ObjectDetailView):
    template_name = "aid/hardship_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        file = context["object"]
        user = self.request.user
        editable = context["can_edit"]
        context.update(
            household=file.household.order_by("pk"),
            documents=file.documents.order_by("pk"),
            can_edit=editable and file.status in hardship.EDITABLE,
            can_upload=editable and file.status in documents.FILE_OPEN,
            document_form=DocumentForm(),
            decide_form=DecideForm()
            if file.status == "pending" and hardship.may_decide(user, file)
            else None,
            review_form=ReviewForm()
            if file.status == "filed" and hardship.may_review_file(user, file)
            else None,
        )
        return context


def scoped_file(request, pk, *, for_edit=False) -> HardshipFile:
    queryset = HardshipFile.objects.visible_to(request.user).select_related("member", "union")
    file = get_object_or_404(queryset.defer(*MEMBER_CIPHERTEXT), pk=pk)
    if for_edit and not may_edit_org(request.user, file.union):
        raise PermissionDenied
    return file


def _errors_to_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_POST
def hardship_decide(request, pk):
    file = scoped_file(request, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择审核结果"))
        return HttpResponseRedirect(file.get_absolute_url())
    try:
        hardship.decide_file(actor=request.user, file=file, **form.cleaned_data)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    else:
        messages.success(request, _("已审核：%(f)s") % {"f": file})
    return HttpResponseRedirect(file.get_absolute_url())


@require_POST
def hardship_review(request, pk):
    file = scoped_file(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(file.get_absolute_url())
    try:
        hardship.review_file(actor=request.user, file=file, **form.cleaned_data)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    else:
        messages.success(request, _("已记录年度复核：%(f)s") % {"f": file})
    return HttpResponseRedirect(file.get_absolute_url())


@require_POST
def hardship_document_add(request, pk):
    file = scoped_file(request, pk, for_edit=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            documents.attach_document(actor=request.user, owner=file, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, _("已上传材料"))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return HttpResponseRedirect(file.get_absolute_url())


# ---------------------------------------------------------------------------------------------
# entering and correcting a file
# ---------------------------------------------------------------------------------------------


def search_members(user, query: str):
    """Active members the user may enter a file for: by name, or a whole ID number."""
    query = normalise(query or "")
    if not query:
        return Member.objects.none()
    members = Member.objects.editable_by(user).active().select_related("union", "employer")
    upper = query.upper()
    if len(upper) == 18 and upper[:17].isdigit():
        members = members.filter(id_hash=pii.keyed_hash(upper))
    else:
        members = members.filter(name__icontains=query)
    return members.defer(*CIPHERTEXT).order_by("name", "pk")[:SEARCH_LIMIT]


class HardshipEditView(TemplateView):
    """Create (no pk; the member picked by search first) or correct a pending/returned file."""

    template_name = "aid/hardship_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not holds_role(request.user, EDIT_ROLES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def instance(self):
        if "pk" not in self.kwargs:
            return None
        file = scoped_file(self.request, self.kwargs["pk"], for_edit=True)
        return file

    def member(self, file):
        if file is not None:
            return file.member
        pk = self.request.POST.get("member") or self.request.GET.get("member")
        if not pk or not str(pk).isdigit():
            return None
        queryset = Member.objects.editable_by(self.request.user).active().defer(*CIPHERTEXT)
        return get_object_or_404(queryset.select_related("union"), pk=pk)

    def forms(self, file):
        data = self.request.POST if self.request.method == "POST" else None
        initial = HardshipFileForm.initial_from(file) if file else None
        rows = [
            {k: getattr(m, k) for k in hardship.HOUSEHOLD_FIELDS}
            for m in file.household.order_by("pk")
        ] if file else None  # fmt: skip
        return (
            HardshipFileForm(data, initial=initial),
            HouseholdFormSet(data, initial=rows, prefix="household"),
        )

    def respond(self, file, member, form, formset):
        query = self.request.GET.get("q", "")
        return self.render_to_response(
            self.get_context_data(
                object=file,
                member=member,
                form=form,
                formset=formset,
                query=query,
                found=search_members(self.request.user, query) if member is None else None,
                cancel_url=file.get_absolute_url() if file else reverse("aid:hardship_list"),
            )
        )

    def get(self, request, *args, **kwargs):
        file = self.instance()
        if file is not None and file.status not in hardship.EDITABLE:
            messages.error(request, _("该档案已不在可修改状态"))
            return HttpResponseRedirect(file.get_absolute_url())
        return self.respond(file, self.member(file), *self.forms(file))

    def post(self, request, *args, **kwargs):
        file = self.instance()
        member = self.member(file)
        form, formset = self.forms(file)
        if member is None:
            form.add_error(None, _("请先选择建档职工"))
        elif form.is_valid() and formset.is_valid():
            fields = {**form.cleaned_data, "household": household_rows(formset)}
            try:
                if file is None:
                    file = hardship.create_file(actor=request.user, member=member, **fields)
                else:
                    file = hardship.update_file(actor=request.user, file=file, **fields)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存，等待上级工会审核：%(f)s") % {"f": file})
                return HttpResponseRedirect(file.get_absolute_url())
        return self.respond(file, member, form, formset)


# ---------------------------------------------------------------------------------------------
# import
# ---------------------------------------------------------------------------------------------


def _require_editor(request) -> None:
    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied


def hardship_import_template(request):
    _require_editor(request)
    response = HttpResponse(
        template_workbook(TEMPLATE),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, TEMPLATE.filename)
    return response


def hardship_import(request):
    _require_editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, created = [], None
    if request.method == "POST" and form.is_valid():
        try:
            table = read_upload(form.cleaned_data["file"])
            created = import_files(actor=request.user, table=table)
        except FileError as exc:
            form.add_error("file", str(exc))
        except ImportFailed as exc:
            errors = exc.errors
        else:
            messages.success(request, _("已导入 %(n)d 份档案") % {"n": len(created)})
            return HttpResponseRedirect(reverse("aid:hardship_list") + "?status=filed")
    return render(
        request,
        "aid/hardship_import.html",
        {"form": form, "errors": errors, "template": TEMPLATE},
    )


def read_upload(upload) -> list[list]:
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise FileError(_("只能导入 xlsx 或 csv 文件"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_rows(path, sheet_title=str(TEMPLATE.title))
