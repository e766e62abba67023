"""The worker's aid pages in the portal (/m/aid/): open programmes, apply, upload documents,
follow the review, withdraw, and see the money received.

Every page is `worker_required` and finds rows by the worker's verified phone hash
(gonghui.aid.portal.queries); another phone's record is a 404. The services decide every rule and
name what is wrong; the forms here only clean types.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.aid.documents import services as documents
from gonghui.aid.documents.views import attachment
from gonghui.aid.models import Programme
from gonghui.aid.portal import queries as portal_queries
from gonghui.aid.programmes import applications
from gonghui.core.views.generic import apply_errors
from gonghui.portal.identity import worker_required

LARGE = {"class": "form-control form-control-lg"}
STUDY_KINDS = ("autumn_study", "study_dream")
# Phones offer the camera for image/*; the service checks the bytes whatever is picked.
ACCEPT = "image/*,.pdf"


class ApplyForm(forms.Form):
    member = forms.TypedChoiceField(
        label=gettext_lazy("以哪个会籍申请"),
        coerce=int,
        widget=forms.Select(attrs={"class": "form-select form-select-lg"}),
    )
    amount_requested = forms.DecimalField(
        label=gettext_lazy("申请金额（元）"),
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={**LARGE, "inputmode": "decimal", "step": "0.01"}),
    )
    beneficiary = forms.CharField(
        label=gettext_lazy("受助人"), max_length=100, required=False,
        widget=forms.TextInput(attrs=LARGE),
    )  # fmt: skip
    reason_text = forms.CharField(
        label=gettext_lazy("申请理由"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
    )  # fmt: skip
    payee_name = forms.CharField(
        label=gettext_lazy("收款人"), max_length=50, widget=forms.TextInput(attrs=LARGE)
    )
    bank_name = forms.CharField(
        label=gettext_lazy("开户银行"), max_length=100, widget=forms.TextInput(attrs=LARGE)
    )
    bank_account = forms.CharField(
        label=gettext_lazy("银行账号"), max_length=40,
        widget=forms.TextInput(attrs={**LARGE, "inputmode": "numeric", "autocomplete": "off"}),
    )  # fmt: skip

    def __init__(self, *args, programme, spells, **kwargs):
        super().__init__(*args, **kwargs)
        self.spells = {member.pk: member for member in spells}
        self.fields["member"].choices = [(m.pk, m.union.name) for m in spells]
        if len(spells) == 1:
            self.fields["member"].widget = forms.HiddenInput()
            self.fields["member"].initial = spells[0].pk
        self.fields["amount_requested"].help_text = _("不超过 %(cap)s 元") % {"cap": programme.cap}
        if programme.kind.code in STUDY_KINDS:
            self.fields["beneficiary"].label = _("受助子女姓名及就读学校")
            self.fields["beneficiary"].required = True
        if spells and not self.is_bound:
            self.fields["payee_name"].initial = spells[0].name

    def clean_member(self):
        return self.spells[self.cleaned_data["member"]]


class UploadForm(forms.Form):
    kind = forms.CharField(max_length=50, widget=forms.HiddenInput)
    upload = forms.FileField(
        label=gettext_lazy("选择文件或拍照"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ACCEPT}),
    )


def _error_text(exc: ValidationError) -> str:
    return "；".join(exc.messages)


@worker_required
def home(request):
    worker = request.worker
    payments = portal_queries.received(portal_queries.own_applications(worker))
    offers = portal_queries.open_offers(worker)
    context = {
        "has_membership": bool(portal_queries.own_active_members(worker)),
        "offers": offers,
        "offers_many_unions": len({offer.member.union_id for offer in offers}) > 1,
        "applications": portal_queries.home_applications(worker),
        "payments": list(payments),
        "paid_total": portal_queries.total(payments),
    }
    return render(request, "aid/portal/home.html", context)


@worker_required
def apply(request, pk):
    programme = get_object_or_404(Programme.objects.select_related("kind", "organisation"), pk=pk)
    spells = portal_queries.spells_for(request.worker, programme)
    if not spells:
        raise Http404  # not offered to any of the worker's memberships
    reasons = [portal_queries.why_not(programme, member) for member in spells]
    eligible = [m for m, reason in zip(spells, reasons, strict=True) if not reason]
    context = {"programme": programme, "reasons": [r for r in reasons if r]}
    if not eligible:
        return render(request, "aid/portal/apply.html", context)
    form = ApplyForm(request.POST or None, programme=programme, spells=eligible)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = applications.apply(
                programme=programme,
                member=data["member"],
                amount_requested=data["amount_requested"],
                reason_text=data["reason_text"],
                beneficiary=data["beneficiary"],
                payee_name=data["payee_name"],
                bank_name=data["bank_name"],
                bank_account=data["bank_account"],
                actor=None,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if programme.document_kinds:
                messages.success(request, _("您的申请已保存，请上传所需材料"))
            else:
                messages.success(request, _("您的申请已提交，等待您所在的工会审核"))
            return redirect("aid_portal:application", pk=application.pk)
    context["form"] = form
    return render(request, "aid/portal/apply.html", context)


@worker_required
def application(request, pk):
    own = portal_queries.own_application_or_404(request.worker, pk)
    context = {"application": own, "accept": ACCEPT, **portal_queries.application_detail(own)}
    return render(request, "aid/portal/application.html", context)


@worker_required
@require_POST
def upload(request, pk):
    own = portal_queries.own_application_or_404(request.worker, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件"))
        return redirect("aid_portal:application", pk=own.pk)
    try:
        document = documents.attach_document(
            actor=None,
            owner=own,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["upload"],
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("已上传：%(name)s") % {"name": document.original_name})
    return redirect("aid_portal:application", pk=own.pk)


@worker_required
@require_POST
def document_delete(request, pk):
    document = portal_queries.own_document_or_404(request.worker, pk)
    owner_pk = document.application_id
    try:
        documents.delete_document(actor=None, document=document)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("已删除：%(name)s") % {"name": document.original_name})
    return redirect("aid_portal:application", pk=owner_pk)


@worker_required
def document_download(request, pk):
    """The worker's own upload, back to them as an attachment (never rendered inline)."""
    return attachment(portal_queries.own_document_or_404(request.worker, pk))


@worker_required
@require_POST
def withdraw(request, pk):
    own = portal_queries.own_application_or_404(request.worker, pk)
    try:
        applications.withdraw(application=own, actor=None)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("申请已撤回"))
    return redirect("aid_portal:application", pk=own.pk)
