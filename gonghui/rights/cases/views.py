"""Staff pages of the cases area (法律援助与调解): the list, intake, the case page with its
timeline, notes, documents and the forms of the allowed next steps, the POST of each step, the
document download and the court mediation platform's export and import.

Thin views: every case is found through `Case.objects.visible_to` (gonghui.rights.cases.queries;
a lawyer's own cases only, out of scope is 404); every write is a service of
gonghui.rights.cases.services or gonghui.rights.cases.court, which decide who may act and name what
they refuse. Station keepers and other roles without a case role get 403.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core import audit, uploads
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.access import CaseUsersOnly, is_staff, require_case_user
from gonghui.rights.cases import court
from gonghui.rights.cases import queries as case_queries
from gonghui.rights.cases import services as cases
from gonghui.rights.cases.filters import CaseFilterSet
from gonghui.rights.cases.forms import (
    AssignForm,
    CaseNoteForm,
    CourtExportForm,
    CourtImportForm,
    DocumentForm,
    IntakeForm,
    NoteOnlyForm,
    OutcomeForm,
    ReasonForm,
    RecoveryForm,
)
from gonghui.rights.models import Case, CaseDocument


def case_url(case) -> str:
    return reverse("rights:case_detail", args=[case.pk])


def _case(request, pk) -> Case:
    require_case_user(request.user)
    try:
        return case_queries.case_for(request.user, pk)
    except Case.DoesNotExist:
        raise Http404 from None


def may_take_cases(user) -> bool:
    return case_queries.intake_unions(user).exists() or case_queries.intake_points(user).exists()


# ---------------------------------------------------------------------------------------------
# List and intake
# ---------------------------------------------------------------------------------------------


class CaseListView(CaseUsersOnly, ObjectListView):
    model = Case
    select_related = ("union", "counsel", "service_point")
    filterset_class = CaseFilterSet
    template_name = "rights/case_list.html"
    default_sort = "-received_at"
    sort_options = {
        "received_at": gettext_lazy("收件时间"),
        "amount_claimed": gettext_lazy("请求金额"),
        "amount_recovered": gettext_lazy("追回金额"),
    }

    def scoped_queryset(self):
        return case_queries.with_overdue(super().scoped_queryset())

    def can_edit(self, obj=None) -> bool:
        return may_take_cases(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


def case_add(request):
    require_case_user(request.user)
    if not may_take_cases(request.user):
        raise PermissionDenied
    form = IntakeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = cases.receive_case(actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记案件 %(n)s") % {"n": case.number})
            return HttpResponseRedirect(case_url(case))
    return render(request, "rights/case_add.html", {"form": form})


# ---------------------------------------------------------------------------------------------
# The case page
# ---------------------------------------------------------------------------------------------

# Action -> (form class, title, submit label).
ACTION_FORMS = {
    "accept": (NoteOnlyForm, gettext_lazy("受理"), gettext_lazy("受理")),
    "decline": (ReasonForm, gettext_lazy("不予受理"), gettext_lazy("不予受理")),
    "assign": (AssignForm, gettext_lazy("指派律师/调解员"), gettext_lazy("指派")),
    "mediate": (NoteOnlyForm, gettext_lazy("开始调解"), gettext_lazy("开始调解")),
    "outcome": (OutcomeForm, gettext_lazy("登记调解结果"), gettext_lazy("登记结果")),
    "recovery": (RecoveryForm, gettext_lazy("登记追回金额"), gettext_lazy("保存")),
    "withdraw": (NoteOnlyForm, gettext_lazy("申请人撤回"), gettext_lazy("登记撤回")),
    "close": (NoteOnlyForm, gettext_lazy("结案"), gettext_lazy("结案")),
    "reopen": (ReasonForm, gettext_lazy("重新办理"), gettext_lazy("重新办理")),
    "court_export": (
        CourtExportForm,
        gettext_lazy("导出至法院调解平台"),
        gettext_lazy("导出 JSON"),
    ),
    "court_import": (CourtImportForm, gettext_lazy("导入法院调解结果"), gettext_lazy("导入")),
}
ACTION_ORDER = list(ACTION_FORMS)


def _form(action: str, request, case, data=None, files=None):
    form_class = ACTION_FORMS[action][0]
    kwargs = {"auto_id": f"{action}_%s"}
    if form_class is AssignForm:
        kwargs.update(user=request.user, case=case)
    return form_class(data, files, **kwargs)


def _detail(request, case, *, bound=None, status=200):
    """The case page; `bound` is (action, form) of a step that came back with errors."""
    user = request.user
    today = timezone.localdate()
    allowed = case_queries.allowed_actions(user, case)
    action_forms = []
    for action in ACTION_ORDER:
        if action not in allowed:
            continue
        form = bound[1] if bound and bound[0] == action else _form(action, request, case)
        _, title, submit = ACTION_FORMS[action]
        action_forms.append(
            {
                "name": action,
                "form": form,
                "title": title,
                "submit": submit,
                "url": reverse(f"rights:case_{action}", args=[case.pk]),
            }
        )
    note_form = bound[1] if bound and bound[0] == "note" else CaseNoteForm(auto_id="note_%s")
    doc_form = bound[1] if bound and bound[0] == "document" else DocumentForm(auto_id="doc_%s")
    context = {
        "object": case,
        "case": case,
        "overdue": case.is_overdue(today),
        "overdue_days": cases.overdue_days(case, today),
        "events": case_queries.timeline(case),
        "notes": case_queries.notes_of(user, case),
        "documents": case_queries.documents_of(user, case),
        "action_forms": action_forms,
        "may_note": "note" in allowed,
        "may_upload": "document" in allowed,
        "note_form": note_form,
        "document_form": doc_form,
        "is_submitter": bool(case.created_by_id and case.created_by_id == user.pk),
        "history": AuditEntry.objects.for_object(case)[:100] if is_staff(user) else [],
    }
    return render(request, "rights/case_detail.html", context, status=status)


def case_detail(request, pk):
    return _detail(request, _case(request, pk))


def _failed(request, case, action, form, exc: ValidationError):
    """Errors on the form's own fields come back on the form; others as a message."""
    fields = getattr(exc, "error_dict", {})
    if fields and set(fields) <= set(form.fields):
        apply_errors(form, exc)
        return _detail(request, case, bound=(action, form))
    messages.error(request, "；".join(exc.messages))
    return HttpResponseRedirect(case_url(case))


def _step(action: str, perform, done: str):
    """A POST view taking one step of the case through the service."""

    @require_POST
    def view(request, pk):
        case = _case(request, pk)
        form = _form(action, request, case, request.POST)
        if not form.is_valid():
            return _detail(request, case, bound=(action, form))
        try:
            perform(request.user, case, form.cleaned_data)
        except ValidationError as exc:
            return _failed(request, case, action, form, exc)
        messages.success(request, done % {"n": case.number})
        return HttpResponseRedirect(case_url(case))

    view.__name__ = f"case_{action}"
    return view


def _note(data) -> str:
    return data.get("note") or ""


case_accept = _step(
    "accept",
    lambda u, c, d: cases.accept_case(actor=u, case=c, note=_note(d)),
    gettext_lazy("已受理案件 %(n)s"),
)
case_decline = _step(
    "decline",
    lambda u, c, d: cases.decline_case(actor=u, case=c, reason=d["reason"]),
    gettext_lazy("案件 %(n)s 不予受理"),
)
case_assign = _step(
    "assign",
    lambda u, c, d: cases.assign_case(actor=u, case=c, counsel=d["counsel"], note=_note(d)),
    gettext_lazy("案件 %(n)s 已指派"),
)
case_mediate = _step(
    "mediate",
    lambda u, c, d: cases.start_mediation(actor=u, case=c, note=_note(d)),
    gettext_lazy("案件 %(n)s 开始调解"),
)
case_outcome = _step(
    "outcome",
    lambda u, c, d: cases.record_outcome(
        actor=u,
        case=c,
        outcome=d["outcome"],
        amount_recovered=d.get("amount_recovered") or "",
        note=_note(d),
    ),  # fmt: skip
    gettext_lazy("案件 %(n)s 已登记调解结果"),
)
case_recovery = _step(
    "recovery",
    lambda u, c, d: cases.record_recovery(
        actor=u, case=c, amount_recovered=d["amount_recovered"], note=_note(d)
    ),
    gettext_lazy("案件 %(n)s 已登记追回金额"),
)
case_withdraw = _step(
    "withdraw",
    lambda u, c, d: cases.withdraw_case(actor=u, case=c, note=_note(d)),
    gettext_lazy("案件 %(n)s 已撤回"),
)
case_close = _step(
    "close",
    lambda u, c, d: cases.close_case(actor=u, case=c, note=_note(d)),
    gettext_lazy("案件 %(n)s 已结案"),
)
case_reopen = _step(
    "reopen",
    lambda u, c, d: cases.reopen_case(actor=u, case=c, reason=d["reason"]),
    gettext_lazy("案件 %(n)s 已重新办理"),
)


@require_POST
def case_note_add(request, pk):
    case = _case(request, pk)
    form = CaseNoteForm(request.POST, auto_id="note_%s")
    if not form.is_valid():
        return _detail(request, case, bound=("note", form))
    try:
        cases.add_note(actor=request.user, case=case, text=form.cleaned_data["text"])
    except ValidationError as exc:
        return _failed(request, case, "note", form, exc)
    messages.success(request, _("已添加办案记录"))
    return HttpResponseRedirect(case_url(case) + "#notes")


@require_POST
def case_document_add(request, pk):
    case = _case(request, pk)
    form = DocumentForm(request.POST, request.FILES, auto_id="doc_%s")
    if not form.is_valid():
        return _detail(request, case, bound=("document", form))
    try:
        document = cases.attach_document(
            actor=request.user, case=case, upload=form.cleaned_data["upload"],
            kind=form.cleaned_data["kind"],
        )  # fmt: skip
    except ValidationError as exc:
        return _failed(request, case, "document", form, exc)
    messages.success(request, _("已上传材料：%(name)s") % {"name": document.original_name})
    return HttpResponseRedirect(case_url(case) + "#documents")


def case_document(request, pk):
    """A case's document, to those on the case and its union only (out of scope: 404); each
    download is in the audit log."""
    require_case_user(request.user)
    queryset = CaseDocument.objects.visible_to(request.user).select_related("case__union")
    document = get_object_or_404(queryset, pk=pk)
    response = uploads.attachment(
        document.upload, filename=document.original_name, content_type=document.content_type
    )
    audit.record(
        actor=request.user,
        action=AuditAction.REVEAL,
        obj=document,
        changes={_("材料"): [None, _("已下载查看：%(name)s") % {"name": document.original_name}]},
    )
    return response


# ---------------------------------------------------------------------------------------------
# Court mediation platform
# ---------------------------------------------------------------------------------------------


def json_attachment(document: dict, filename: str) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def case_court_export(request, pk):
    case = _case(request, pk)
    form = CourtExportForm(request.POST, auto_id="court_export_%s")
    form.is_valid()
    include_phone = bool(form.cleaned_data.get("include_phone"))
    try:
        document = court.export_case(actor=request.user, case=case, include_phone=include_phone)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return HttpResponseRedirect(case_url(case))
    return json_attachment(document, f"{case.number}.json")


@require_POST
def case_court_import(request, pk):
    case = _case(request, pk)
    form = CourtImportForm(request.POST, request.FILES, auto_id="court_import_%s")
    if not form.is_valid():
        return _detail(request, case, bound=("court_import", form))
    try:
        court.import_result(actor=request.user, case=case, payload=form.cleaned_data["document"])
    except ValidationError as exc:
        # The field named is one of the JSON document's: shown on the form, with its name.
        for field, errors in getattr(exc, "error_dict", {"": exc.error_list}).items():
            for error in errors:
                text = " ".join(ValidationError(error).messages)
                form.add_error(None, f"{field}：{text}" if field else text)
        return _detail(request, case, bound=("court_import", form))
    messages.success(request, _("已导入法院调解结果：%(n)s") % {"n": case.number})
    return HttpResponseRedirect(case_url(case))
