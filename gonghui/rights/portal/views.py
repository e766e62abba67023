"""The worker's rights pages in the portal (/m/rights/): report a case (我要维权), follow it, add
documents, take it back.

Every page is `worker_required` and finds cases by the worker's verified phone hash
(gonghui.rights.portal.queries); another phone's case is a 404. The services of
gonghui.rights.cases.services decide every rule and name what is wrong; the forms only clean types.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core import uploads
from gonghui.core.uploads import private_storage
from gonghui.core.views.generic import apply_errors
from gonghui.portal.identity import worker_required
from gonghui.portal.queries import known_name
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseChannel
from gonghui.rights.portal import queries as portal_queries
from gonghui.rights.portal.forms import ACCEPT, ReportForm, UploadForm, WithdrawForm

# Service field -> the form field the worker sees it on.
FIELD_FOR = {"employer_name": "employer_q", "employer": "employer_q", "upload": "documents"}


def _show_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        exc = ValidationError(
            {FIELD_FOR.get(field, field): errors for field, errors in exc.error_dict.items()}
        )
    apply_errors(form, exc)


def _error_text(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def _attach_all(case, files, kind: str) -> list:
    """Attach every file or none: one refused file undoes the lot, its stored files included
    (a rolled-back row must not leave its file behind in private storage)."""
    documents = []
    try:
        with transaction.atomic():
            for upload in files:
                documents.append(
                    cases.attach_document(actor=None, case=case, upload=upload, kind=kind)
                )
    except Exception:
        for document in documents:
            private_storage.delete(document.upload.name)
        raise
    return documents


@worker_required
def home(request):
    context = {"cases": list(portal_queries.own_cases(request.worker)[:50])}
    return render(request, "rights/portal_home.html", context)


@worker_required
def report(request):
    worker = request.worker
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        member=portal_queries.own_active_member(worker),
        known_name=known_name(worker),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employer = data["employer_obj"]
        try:
            with transaction.atomic():
                case = cases.receive_case(
                    actor=None,
                    channel=CaseChannel.PORTAL,
                    union=data["town"],
                    kind=data["kind"],
                    complainant_name=data["complainant_name"],
                    phone=worker.phone,
                    facts=data["facts"],
                    employer=employer,
                    employer_name="" if employer else data["employer_q"],
                    amount_claimed=data["amount_claimed"],
                    workers_involved=data["workers_involved"],
                    member=data["member_obj"],
                )
                _attach_all(case, data["documents"], data["document_kind"])
        except ValidationError as exc:
            _show_errors(form, exc)
        else:
            messages.success(
                request,
                _("已收到您的维权申请，案件编号 %(n)s。工会将在 3 个工作日内答复。")
                % {"n": case.number},
            )
            return redirect("rights_portal:case", pk=case.pk)
    picked = form.cleaned_data.get("employer_picked") if form.is_bound else None
    context = {"form": form, "picked": picked, "phone": worker.phone_masked}
    return render(request, "rights/portal_report.html", context)


@worker_required
def employer_search(request):
    """htmx: the employer picker of the report form. `?pick=<pk>` chooses one, `?clear=1` goes
    back to typing; otherwise search by name or credit code."""
    pick = request.GET.get("pick", "")
    if pick:
        picked = None
        if pick.isascii() and pick.isdigit():
            picked = portal_queries.operating_employers().filter(pk=pick).first()
        if picked is None:
            raise Http404
        return render(request, "rights/portal_employer_picker.html", {"picked": picked})
    if "clear" in request.GET:
        return render(request, "rights/portal_employer_picker.html", {})
    text = request.GET.get("employer_q") or request.GET.get("q") or ""
    context = {
        "results": portal_queries.search_employers(text),
        "searched": len(text.strip()) >= portal_queries.SEARCH_MIN_LENGTH,
    }
    return render(request, "rights/portal_employer_results.html", context)


@worker_required
def case(request, pk):
    own = portal_queries.own_case_or_404(request.worker, pk)
    context = {
        "case": own,
        "accept": ACCEPT,
        "upload_form": UploadForm(),
        **portal_queries.case_detail(own),
    }
    return render(request, "rights/portal_case.html", context)


@worker_required
@require_POST
def upload(request, pk):
    own = portal_queries.own_case_or_404(request.worker, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [e for field in form.errors.values() for e in field]
        messages.error(request, "；".join(errors))
        return redirect("rights_portal:case", pk=own.pk)
    try:
        documents = _attach_all(
            own, form.cleaned_data["documents"], form.cleaned_data["document_kind"]
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        names = "、".join(document.original_name for document in documents)
        messages.success(request, _("已上传：%(names)s") % {"names": names})
    return redirect("rights_portal:case", pk=own.pk)


@worker_required
def document(request, pk):
    """The worker's own upload, back to them as an attachment (never rendered inline)."""
    own = portal_queries.own_document_or_404(request.worker, pk)
    return uploads.attachment(own.upload, filename=own.original_name, content_type=own.content_type)


@worker_required
def withdraw(request, pk):
    """GET asks to confirm; POST (with the box ticked) takes the case back."""
    own = portal_queries.own_case_or_404(request.worker, pk)
    if own.status not in portal_queries.WITHDRAWABLE:
        messages.error(
            request,
            _("案件当前状态为“%(s)s”，不能撤回") % {"s": own.get_status_display()},
        )
        return redirect("rights_portal:case", pk=own.pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cases.withdraw_case(actor=None, case=own, note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("您已撤回维权申请 %(n)s") % {"n": own.number})
        return redirect("rights_portal:case", pk=own.pk)
    return render(request, "rights/portal_withdraw.html", {"case": own, "form": form})
