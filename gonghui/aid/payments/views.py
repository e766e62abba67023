"""Payment pages (救助发放): what is payable, bank batches (make, export, enter the bank's
return) and the ledger.

Thin views: scoping through `visible_to` (out of scope is 404), every write through
gonghui.aid.payments.services, whose refusals are shown as they come (a user who may see a
programme but not pay it gets the service's 403).
"""

from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from gonghui.aid.choices import BatchStatus
from gonghui.aid.models import AidApplication, Payment, PaymentBatch, Programme
from gonghui.aid.payments import services as payments
from gonghui.aid.payments.queries import (
    BatchFilterSet,
    PaymentFilterSet,
    payable_with_remainder,
    with_batch_totals,
    with_programme_totals,
)
from gonghui.core.forms import style
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sealed_search import query_of
from gonghui.core.sheets.cells import CellError, Column, Template
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectListView,
    apply_errors,
    register_exporter,
)
from gonghui.registry.exports import Exporter

# Pages show masked values only: the ciphertext of accounts, ID numbers and phones is not fetched.
APPLICATION_CIPHERTEXT = ("bank_account", "member__id_number", "member__phone")
PAYMENT_CIPHERTEXT = tuple(f"application__{name}" for name in APPLICATION_CIPHERTEXT)
PAYABLE_SHOWN = 500  # rows of the payable list; a programme's batch still takes all of them


def _refusal(exc: ValidationError) -> str:
    return "；".join(exc.messages)


# ---------------------------------------------------------------------------------------------
# Payable applications and making a batch
# ---------------------------------------------------------------------------------------------


class PayableListView(TemplateView):
    """Approved, past their notice and not fully paid, grouped by programme; a batch can be made
    of a programme's rows by whoever may pay it."""

    template_name = "aid/payment_payable.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rows = payable_with_remainder(AidApplication.objects.visible_to(user))
        chosen = self.request.GET.get("programme", "")
        if chosen.isdigit():
            rows = rows.filter(programme_id=int(chosen))
        rows = list(
            rows.select_related("programme", "member", "union")
            .defer(*APPLICATION_CIPHERTEXT)
            .order_by("-programme__year", "programme_id", "union__path", "pk")[: PAYABLE_SHOWN + 1]
        )
        context.update(
            groups=self.groups(rows[:PAYABLE_SHOWN]),
            truncated=len(rows) > PAYABLE_SHOWN,
            shown=PAYABLE_SHOWN,
            programmes=Programme.objects.visible_to(user).order_by("-year", "name"),
            chosen=chosen,
        )
        return context

    def groups(self, rows) -> list[dict]:
        grouped: OrderedDict = OrderedDict()
        for row in rows:
            grouped.setdefault(row.programme_id, []).append(row)
        programmes = with_programme_totals(Programme.objects.filter(pk__in=grouped))
        payable_by_me = set(
            Programme.objects.editable_by(self.request.user)
            .filter(pk__in=grouped)
            .values_list("pk", flat=True)
        )
        by_pk = {p.pk: p for p in programmes}
        return [
            {
                "programme": by_pk[pk],
                "rows": group,
                "total": sum(r.unpaid for r in group),
                "can_pay": pk in payable_by_me,
            }
            for pk, group in grouped.items()
        ]


@require_POST
def batch_add(request, pk):
    """A batch of a programme: of the ticked applications, or of every payable one."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    back = f"{reverse('aid:payable_list')}?programme={programme.pk}"
    chosen = None
    if request.POST.get("choose"):
        ids = [v for v in request.POST.getlist("application") if v.isdigit()]
        if not ids:
            messages.warning(request, _("请先勾选要列入批次的申请"))
            return redirect(back)
        chosen = list(AidApplication.objects.visible_to(request.user).filter(pk__in=ids))
        if len(chosen) != len(set(ids)):
            messages.error(request, _("所选申请中有的不存在或不在您的管理范围内"))
            return redirect(back)
    try:
        batch = payments.create_batch(actor=request.user, programme=programme, applications=chosen)
    except ValidationError as exc:
        messages.error(request, _refusal(exc))
        return redirect(back)
    messages.success(
        request,
        _("已生成发放批次：%(batch)s，共%(n)d笔") % {"batch": batch, "n": batch.payments.count()},
    )
    return redirect(batch)


# ---------------------------------------------------------------------------------------------
# Batches
# ---------------------------------------------------------------------------------------------


class BatchScope:
    model = PaymentBatch
    select_related = ("programme", "created_by", "settled_by")

    def scoped_queryset(self):
        return with_batch_totals(super().scoped_queryset())


class BatchListView(BatchScope, ObjectListView):
    filterset_class = BatchFilterSet
    template_name = "aid/batch_list.html"
    sort_options = {"created_at": gettext_lazy("制单时间")}
    default_sort = "-created_at"

    def can_edit(self, obj=None) -> bool:
        return False  # batches are made from the payable list, not from an empty form


def batch_lines(batch: PaymentBatch):
    """Every row of the batch with its application, masked; failed lines know their reversal."""
    lines = list(
        batch.payments.select_related("application__member", "application__union", "reverses")
        .defer(*PAYMENT_CIPHERTEXT)
        .order_by("pk")
    )
    reversed_ids = {line.reverses_id for line in lines if line.reverses_id}
    for line in lines:
        line.failed = line.pk in reversed_ids
    return lines


class BatchDetailView(BatchScope, ObjectDetailView):
    template_name = "aid/batch_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = context["object"]
        context.update(lines=batch_lines(batch), is_open=batch.status == BatchStatus.OPEN)
        return context


def _batch_or_404(request, pk) -> PaymentBatch:
    return get_object_or_404(
        PaymentBatch.objects.visible_to(request.user).select_related("programme"), pk=pk
    )


@require_POST
def batch_line_remove(request, pk, line_pk):
    batch = _batch_or_404(request, pk)
    line = get_object_or_404(batch.payments.filter(reverses__isnull=True), pk=line_pk)
    try:
        payments.remove_line(actor=request.user, payment=line)
    except ValidationError as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("已从批次中移出：%(line)s") % {"line": line})
    return redirect(batch)


@require_POST
def payment_reverse(request, pk):
    """Take back a direct payment made in error (a reversing row; the reason is required)."""
    payment = get_object_or_404(
        Payment.objects.visible_to(request.user).defer(*PAYMENT_CIPHERTEXT), pk=pk
    )
    try:
        payments.reverse_payment(
            actor=request.user, payment=payment, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("已冲正：%(payment)s") % {"payment": payment})
    return redirect("aid:payment_list")


@require_POST
def batch_export(request, pk):
    """The bank's transfer list (account numbers in clear; the service audits every export)."""
    batch = _batch_or_404(request, pk)
    try:
        content = payments.export_batch(actor=request.user, batch=batch)
    except ValidationError as exc:
        messages.error(request, _refusal(exc))
        return redirect(batch)
    filename = _("银行转账清单_%(programme)s_第%(n)d批_%(day)s.xlsx") % {
        "programme": batch.programme.name,
        "n": batch.pk,
        "day": timezone.localdate().strftime("%Y%m%d"),
    }
    response = FileResponse(
        iter([content]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"  # account numbers in clear: never kept by a cache
    return response


class SettleForm(forms.Form):
    settled_on = forms.DateField(
        label=gettext_lazy("银行回单日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    bank_reference = forms.CharField(label=gettext_lazy("银行回单号"), max_length=50)
    failed_payment_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("转账失败的发放（银行退回的，请勾选）"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failed_payment_ids"].choices = [
            (
                line.pk,
                f"{line.application.payee_name or line.application.member.name}"
                f"（{line.application.bank_account_masked}）{line.amount}元",
            )
            for line in lines
        ]
        for name in ("settled_on", "bank_reference"):
            style(self.fields[name])


class BatchSettleView(BatchScope, ObjectDetailView):
    """The bank's return: the date, its reference and the lines that failed."""

    template_name = "aid/batch_settle.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = context["object"]
        lines = [line for line in batch_lines(batch) if line.reverses_id is None]
        context.update(
            form=form or SettleForm(lines=lines, initial={"settled_on": timezone.localdate()}),
            lines=lines,
        )
        return context

    def not_settleable(self, batch):
        if batch.status == BatchStatus.EXPORTED:
            return None
        if batch.status == BatchStatus.OPEN:
            messages.error(self.request, _("该批次尚未导出转账清单，不能登记银行回单"))
        else:
            messages.error(self.request, _("该批次已回单，不能更改"))
        return redirect(batch)

    def get(self, request, *args, **kwargs):
        return self.not_settleable(self.get_object()) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        batch = self.get_object()
        refusal = self.not_settleable(batch)
        if refusal:
            return refusal
        lines = [line for line in batch_lines(batch) if line.reverses_id is None]
        form = SettleForm(request.POST, lines=lines)
        if form.is_valid():
            try:
                payments.settle_batch(actor=request.user, batch=batch, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                failed = len(form.cleaned_data["failed_payment_ids"])
                messages.success(
                    request,
                    _("已登记银行回单：%(batch)s，失败%(n)d笔已冲正")
                    % {"batch": batch, "n": failed},
                )
                return redirect(batch)
        return self.render_to_response(self.get_context_data(form=form))


# ---------------------------------------------------------------------------------------------
# The ledger
# ---------------------------------------------------------------------------------------------


class PaymentListView(ObjectListView):
    model = Payment
    select_related = (
        "programme",
        "application__member",
        "application__union",
        "batch",
        "reversal",
    )
    filterset_class = PaymentFilterSet
    template_name = "aid/payment_list.html"
    sort_options = {"booked_on": gettext_lazy("记账日期")}
    default_sort = "-booked_on"

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*PAYMENT_CIPHERTEXT)

    def can_edit(self, obj=None) -> bool:
        return False  # money is paid through batches or the API, never from a blank form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = query_of(self.request).copy()
        for key in ("after", "before", "export"):
            query.pop(key, None)
        context["export_query"] = query.urlencode()
        # The reverse button; the service still checks the user pays for that programme.
        context["may_reverse"] = holds_role(self.request.user, EDIT_ROLES)
        return context


class Yuan(float):
    """An amount as an export cell: a number to the spreadsheet (so a column adds up, and a
    reversal's minus sign is not taken for a formula), written with two places in csv. Only
    ever made from the Decimal in the database, for output."""

    def __str__(self) -> str:
        return f"{self:.2f}"


def _export_only(value):  # pragma: no cover - the ledger is never imported
    raise CellError("export only")


def _col(header: str, render, width: int = 14) -> Column:
    return Column(header, header, _export_only, render, width=width)


def _state(payment: Payment) -> str:
    if payment.reverses_id:
        return _("冲正")
    return _("已到账") if payment.is_paid else _("待银行回单")


LEDGER = Template(
    key="aid_payments",
    title=gettext_lazy("救助发放台账"),
    columns=(
        _col("记账日期", lambda p: p.booked_on, 12),
        _col("救助项目", lambda p: str(p.programme), 24),
        _col("所在工会", lambda p: p.application.union.name, 24),
        _col("姓名", lambda p: p.application.member.name, 10),
        _col("公民身份号码", lambda p: p.application.member.id_masked, 20),
        _col("收款账号", lambda p: p.application.bank_account_masked, 20),
        _col("金额（元）", lambda p: Yuan(p.amount), 12),
        _col("状态", _state, 12),
        _col("批次", lambda p: p.batch_id or "", 8),
        _col("备注", lambda p: p.note, 30),
    ),
)

register_exporter(Payment, Exporter(LEDGER, ("programme", "batch")))
