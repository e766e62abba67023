"""Union-fee refunds to small and micro employers (小微企业工会经费返还): policies, applications
(with an employer search that shows who is eligible), the decision and the refund ledger.

Thin views: scoping through `visible_to` / `editable_by`, writes through
gonghui.aid.refunds.services. The forms and filters of these pages live here too."""

import uuid

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.aid.choices import RefundStatus
from gonghui.aid.models import FeeRefund, RefundPolicy
from gonghui.aid.refunds import services as refunds
from gonghui.core.filters import SubtreeFilter
from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.models import AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.search import text_q
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectEditView, ObjectListView, apply_errors
from gonghui.registry.models import Employer

SEARCH_LIMIT = 20
SEARCH_MIN_LENGTH = 2

# ---------------------------------------------------------------------------------------------
# Forms and filters
# ---------------------------------------------------------------------------------------------


class PolicyForm(ServiceModelForm):
    class Meta:
        model = RefundPolicy
        fields = ["organisation", "year", "max_headcount", "refund_share", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}


def _styled(form) -> None:
    for field in form.fields.values():
        style(field)


class ApplyForm(forms.Form):
    # Carried from the search step; the view looks both up again within the user's scope.
    policy = forms.IntegerField(widget=forms.HiddenInput)
    employer = forms.IntegerField(widget=forms.HiddenInput)
    fees_paid = forms.DecimalField(
        label=gettext_lazy("已缴工会经费（元）"), max_digits=14, decimal_places=2, min_value=0
    )
    amount_requested = forms.DecimalField(
        label=gettext_lazy("申请返还（元）"), max_digits=14, decimal_places=2, min_value=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)

    def amounts(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("fees_paid", "amount_requested")}


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=gettext_lazy("审核结果"),
        choices=[("1", gettext_lazy("批准")), ("0", gettext_lazy("不予批准"))],
        coerce=lambda v: v == "1",
    )
    amount = forms.DecimalField(
        label=gettext_lazy("批准返还（元）"),
        max_digits=14,
        decimal_places=2,
        required=False,
        help_text=gettext_lazy("留空则按申请金额批准"),
    )
    reason = forms.CharField(label=gettext_lazy("不予批准的原因"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class PayForm(forms.Form):
    amount = forms.DecimalField(
        label=gettext_lazy("返还金额（元）"), max_digits=14, decimal_places=2
    )
    paid_on = forms.DateField(label=gettext_lazy("返还日期"), widget=DateInput(), required=False)
    # A fresh key per rendered form: a double click or a resent form pays once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


def visible_policies(request):
    if request is None:
        return RefundPolicy.objects.none()
    return visible_policies_for(request.user)


class PolicyFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=gettext_lazy("年度"))

    class Meta:
        model = RefundPolicy
        fields = ["year"]


class RefundFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("单位名称"), method="search")
    policy = django_filters.ModelChoiceFilter(
        label=gettext_lazy("返还政策"), queryset=visible_policies
    )
    year = django_filters.NumberFilter(label=gettext_lazy("年度"), field_name="policy__year")
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=RefundStatus.choices)
    town = SubtreeFilter(label=gettext_lazy("所属组织"), path_lookups=("union__path",))

    class Meta:
        model = FeeRefund
        fields = ["q", "policy", "year", "status", "town"]

    def search(self, qs, name, value):
        if not value:
            return qs
        employers = Employer.objects.filter(text_q(value, credit_code="credit_code"))
        return qs.filter(employer__in=employers.values("pk"))


# ---------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------


class PolicyListView(RoleRequired, ObjectListView):
    model = RefundPolicy
    select_related = ("organisation",)
    filterset_class = PolicyFilterSet
    template_name = "aid/refund_policy_list.html"
    default_sort = "-year"
    sort_options = {"year": gettext_lazy("年度")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policies = list(context["objects"])
        visible = FeeRefund.objects.visible_to(self.request.user)
        found = refunds.totals_by_policy(visible, [p.pk for p in policies])
        for policy in policies:
            policy.totals = found.get(policy.pk) or refunds.empty_totals()
            policy.is_open = policy.opens_on <= timezone.localdate() <= policy.closes_on
        context["objects"] = policies
        return context


class PolicyEditView(RoleRequired, ObjectEditView):
    model = RefundPolicy
    form_class = PolicyForm
    writes = (refunds.create_policy, refunds.update_policy)
    record_name = "policy"


def _policy(request, pk) -> RefundPolicy:
    return visible_or_404(request, RefundPolicy, pk, "organisation")


def refund_policy_detail(request, pk):
    policy = _policy(request, pk)
    visible = FeeRefund.objects.visible_to(request.user).filter(policy=policy)
    today = timezone.localdate()
    context = {
        "object": policy,
        "refunds": visible.select_related("employer", "union").order_by("-submitted_at", "-pk")[
            :500
        ],
        "totals": refunds.refund_totals(visible),
        "is_open": policy.opens_on <= today <= policy.closes_on,
        "can_edit": RefundPolicy.objects.editable_by(request.user).filter(pk=pk).exists(),
        "can_apply": holds_role(request.user, EDIT_ROLES),
        "history": AuditEntry.objects.for_object(policy)[:100],
    }
    return render(request, "aid/refund_policy_detail.html", context)


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


class RefundListView(RoleRequired, ObjectListView):
    model = FeeRefund
    select_related = ("employer", "union", "policy__organisation")
    filterset_class = RefundFilterSet
    template_name = "aid/refund_list.html"
    default_sort = "-submitted_at"
    sort_options = {"submitted_at": gettext_lazy("提交时间"), "fees_paid": gettext_lazy("已缴经费")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = refunds.refund_totals(self.filtered_queryset())
        context["can_add"] = holds_role(self.request.user, EDIT_ROLES)
        return context


def _open_policies(user):
    today = timezone.localdate()
    return visible_policies_for(user).filter(opens_on__lte=today, closes_on__gte=today)


def visible_policies_for(user):
    return (
        RefundPolicy.objects.visible_to(user)
        .select_related("organisation")
        .order_by("-year", "organisation__path")
    )


def _pick(queryset, value):
    return queryset.filter(pk=value).first() if str(value or "").isdigit() else None


def _employers(user):
    """Employers whose union the user may apply for (an editing role at the union)."""
    return Employer.objects.visible_to(user, roles=EDIT_ROLES).select_related("union", "territory")


def _search(user, policy, text: str) -> list:
    text = (text or "").strip()
    if policy is None or len(text) < SEARCH_MIN_LENGTH:
        return []
    found = list(
        _employers(user)
        .filter(text_q(text, credit_code="credit_code"))
        .order_by("headcount", "name")[:SEARCH_LIMIT]
    )
    for employer in found:
        employer.problem = refunds.employer_problem(policy, employer)
    return found


def refund_add(request):
    """Pick an open policy, find the employer, then fill in the fees paid and the amount."""
    require_role(request.user)
    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied
    params = request.POST if request.method == "POST" else request.GET
    policies = _open_policies(request.user)
    policy = _pick(policies, params.get("policy"))
    employer = _pick(_employers(request.user), params.get("employer")) if policy else None
    initial = {"policy": getattr(policy, "pk", None), "employer": getattr(employer, "pk", None)}
    form = ApplyForm(
        request.POST if request.method == "POST" and employer else None,
        initial=initial,
        auto_id="apply_%s",  # the search form above has its own id_policy
    )
    if form.is_bound and form.is_valid():
        try:
            refund = refunds.apply_refund(
                actor=request.user, policy=policy, employer=employer, **form.amounts()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已提交返还申请：%(e)s") % {"e": employer.name})
            return redirect(refund)
    context = {
        "policies": policies,
        "policy": policy,
        "employer": employer,
        "problem": refunds.employer_problem(policy, employer) if employer else None,
        "cap_share": policy.refund_share if policy else None,
        "q": params.get("q", ""),
        "results": _search(request.user, policy, params.get("q", "")),
        "searched": len(params.get("q", "").strip()) >= SEARCH_MIN_LENGTH,
        "form": form,
    }
    return render(request, "aid/refund_add.html", context)


def _refund(request, pk) -> FeeRefund:
    require_role(request.user)
    queryset = FeeRefund.objects.visible_to(request.user).select_related(
        "policy__organisation", "employer", "union", "submitted_by", "decided_by"
    )
    return get_object_or_404(queryset, pk=pk)


def _detail(request, refund, *, decide_form=None, pay_form=None, status=200):
    user = request.user
    paid = refunds.paid_total(refund)
    pending = refund.status == RefundStatus.PENDING
    approved = refund.status == RefundStatus.APPROVED
    left = (refund.amount_approved - paid) if approved else None
    context = {
        "object": refund,
        "payments": refund.payments.select_related("created_by").order_by("paid_on", "pk"),
        "paid": paid,
        "left": left,
        "is_submitter": refund.submitted_by_id == user.pk,
        "may_decide": pending and refunds.may_decide(user, refund),
        "may_pay": approved and left > 0 and refunds.may_pay(user, refund),
        "decide_form": decide_form or DecideForm(initial={"amount": refund.amount_requested}),
        "pay_form": pay_form
        or PayForm(initial={"amount": left, "idempotency_key": uuid.uuid4().hex}),
        "history": AuditEntry.objects.for_object(refund)[:100],
    }
    return render(request, "aid/refund_detail.html", context, status=status)


def refund_detail(request, pk):
    return _detail(request, _refund(request, pk))


def _message_or_form(request, refund, form, exc: ValidationError, form_key: str):
    """Errors about the application itself come back as a message; those about a field of
    the form are shown on it."""
    fields = getattr(exc, "error_dict", {})
    if fields and set(fields) <= set(form.fields) - {"idempotency_key"}:
        apply_errors(form, exc)
        return _detail(request, refund, **{form_key: form})
    messages.error(request, "；".join(exc.messages))
    return redirect(refund)


@require_POST
def refund_decide(request, pk):
    refund = _refund(request, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        return _detail(request, refund, decide_form=form)
    try:
        refunds.decide_refund(actor=request.user, refund=refund, **form.cleaned_data)
    except ValidationError as exc:
        return _message_or_form(request, refund, form, exc, "decide_form")
    if form.cleaned_data["approve"]:
        messages.success(request, _("已批准返还：%(e)s") % {"e": refund.employer.name})
    else:
        messages.success(request, _("已不予批准：%(e)s") % {"e": refund.employer.name})
    return redirect(refund)


@require_POST
def refund_pay(request, pk):
    refund = _refund(request, pk)
    form = PayForm(request.POST)
    if not form.is_valid():
        return _detail(request, refund, pay_form=form)
    try:
        payment = refunds.pay_refund(actor=request.user, refund=refund, **form.cleaned_data)
    except ValidationError as exc:
        return _message_or_form(request, refund, form, exc, "pay_form")
    messages.success(request, _("已登记返还 %(a)s 元") % {"a": payment.amount})
    return redirect(refund)
