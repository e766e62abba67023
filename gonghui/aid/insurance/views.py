"""Medical mutual aid pages (职工医疗互助): plans, bulk enrolment by union, enrolments, claims,
their decision and payment.

Thin views: scoping through `visible_to` / `editable_by`, every write through
gonghui.aid.insurance.services, whose errors are shown as they come.
"""

import uuid

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.insurance import services as insurance
from gonghui.aid.models import Claim, ClaimPayment, Enrolment, InsurancePlan
from gonghui.core.filters import SubtreeFilter
from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.pickers import use_picker
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.search import text_q
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    apply_errors,
)
from gonghui.registry.membership_queries import CIPHERTEXT
from gonghui.registry.models import Member

MEMBER_CIPHERTEXT = tuple(f"enrolment__member__{f}" for f in CIPHERTEXT)
MONEY = {"max_digits": 14, "decimal_places": 2}


def error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or _("无权操作")


def styled(form: forms.Form) -> forms.Form:
    for field in form.fields.values():
        style(field)
    return form


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


class PlanForm(ServiceModelForm):
    class Meta:
        model = InsurancePlan
        fields = [
            "organisation",
            "name",
            "year",
            "starts_on",
            "ends_on",
            "premium",
            "insurer",
            "max_claim",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class PlanFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("名称"), field_name="name", lookup_expr="icontains"
    )
    year = django_filters.NumberFilter(label=gettext_lazy("年度"))

    class Meta:
        model = InsurancePlan
        fields = ["q", "year"]


class PlanListView(ObjectListView):
    model = InsurancePlan
    select_related = ("organisation",)
    filterset_class = PlanFilterSet
    template_name = "aid/plan_list.html"
    sort_options = {"year": gettext_lazy("年度"), "starts_on": gettext_lazy("保障开始日期")}


class PlanEditView(ObjectEditView):
    model = InsurancePlan
    select_related = ("organisation",)
    form_class = PlanForm
    writes = (insurance.create_plan, insurance.update_plan)
    record_name = "plan"


class EnrolForm(forms.Form):
    union = forms.ModelChoiceField(label=gettext_lazy("参保工会（含下级）"), queryset=None)

    def __init__(self, *args, user, plan, **kwargs):
        super().__init__(*args, **kwargs)
        use_picker(
            self.fields["union"], user=user, source="editable_within",
            within=plan.organisation.path,
        )  # fmt: skip
        styled(self)


def plan_summary(user, plan: InsurancePlan) -> dict:
    """Enrolled members by union (one grouped query) and the claims in the user's scope."""
    by_union = list(
        Enrolment.objects.visible_to(user)
        .filter(plan=plan)
        .values("union_id", "union__name")
        .annotate(n=Count("pk"))
        .order_by("union__name")
    )
    claims = (
        Claim.objects.visible_to(user)
        .filter(enrolment__plan=plan)
        .aggregate(
            count=Count("pk"),
            approved=Sum("amount_approved", filter=Q(status=ClaimStatus.APPROVED)),
        )
    )
    paid = (
        ClaimPayment.objects.visible_to(user)
        .filter(claim__enrolment__plan=plan)
        .aggregate(total=Sum("amount"))["total"]
    )
    return {
        "by_union": by_union,
        "enrolled": sum(row["n"] for row in by_union),
        "claim_count": claims["count"],
        "approved_yuan": insurance.yuan(claims["approved"]),
        "paid_yuan": insurance.yuan(paid),
    }


class PlanDetailView(ObjectDetailView):
    model = InsurancePlan
    select_related = ("organisation",)
    template_name = "aid/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, user = context["object"], self.request.user
        context.update(plan_summary(user, plan))
        form = EnrolForm(user=user, plan=plan)
        context["enrol_form"] = form if form.fields["union"].queryset.exists() else None
        return context


@require_POST
def plan_enrol(request, pk):
    plan = get_object_or_404(
        InsurancePlan.objects.visible_to(request.user).select_related("organisation"), pk=pk
    )
    form = EnrolForm(request.POST, user=request.user, plan=plan)
    if not form.is_valid():
        messages.error(request, _("请选择您管理范围内、本计划覆盖的工会"))
        return redirect(plan)
    union = form.cleaned_data["union"]
    try:
        count = insurance.enrol_union(actor=request.user, plan=plan, union=union)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("%(union)s新增参保 %(n)d 人（已参保的会员不重复登记）")
            % {"union": union.name, "n": count},
        )
    return redirect(plan)


# ---------------------------------------------------------------------------------------------
# Enrolments
# ---------------------------------------------------------------------------------------------


def visible_plans(request):
    if request is None:
        return InsurancePlan.objects.none()
    return InsurancePlan.objects.visible_to(request.user).order_by("-year", "name")


class EnrolmentFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(label=gettext_lazy("姓名"), method="by_name")
    plan = django_filters.ModelChoiceFilter(label=gettext_lazy("保障计划"), queryset=visible_plans)
    union = SubtreeFilter(label=gettext_lazy("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Enrolment
        fields = ["name", "plan", "union"]

    def by_name(self, qs, name, value):
        if not value.strip():
            return qs
        members = Member.objects.filter(text_q(value, person=True, latin_names=False))
        return qs.filter(member__in=members.values("pk"))


class EnrolmentListView(ObjectListView):
    model = Enrolment
    select_related = ("plan", "union", "member")
    filterset_class = EnrolmentFilterSet
    template_name = "aid/plan_enrolments.html"

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*(f"member__{f}" for f in CIPHERTEXT))


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


class ClaimFilterSet(EnrolmentFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label=gettext_lazy("保障计划"), field_name="enrolment__plan", queryset=visible_plans
    )
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=ClaimStatus.choices)

    class Meta:
        model = Claim
        fields = ["name", "plan", "union", "status"]

    def by_name(self, qs, name, value):
        if not value.strip():
            return qs
        members = Member.objects.filter(text_q(value, person=True, latin_names=False))
        return qs.filter(enrolment__member__in=members.values("pk"))


class ClaimScope:
    model = Claim
    select_related = ("enrolment__plan__organisation", "enrolment__member", "union")

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*MEMBER_CIPHERTEXT)


class ClaimListView(ClaimScope, ObjectListView):
    filterset_class = ClaimFilterSet
    template_name = "aid/claim_list.html"
    sort_options = {"admitted_on": gettext_lazy("入院日期")}


class ClaimForm(forms.Form):
    enrolment = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    admitted_on = forms.DateField(label=gettext_lazy("入院日期"), widget=DateInput())
    discharged_on = forms.DateField(
        label=gettext_lazy("出院日期"), widget=DateInput(), required=False
    )
    hospital = forms.CharField(label=gettext_lazy("医院"), max_length=100)
    expenses = forms.DecimalField(label=gettext_lazy("住院费用（元）"), **MONEY)
    amount_claimed = forms.DecimalField(label=gettext_lazy("申请赔付（元）"), **MONEY)

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = enrolments
        styled(self)


def claimable(user):
    """Enrolments the user may claim for: those of the unions they edit."""
    return (
        Enrolment.objects.editable_by(user)
        .select_related("plan", "member", "union")
        .defer(*(f"member__{f}" for f in CIPHERTEXT))
    )


class ClaimAddView(TemplateView):
    """Find the member (name, last four of the ID, ID or phone), pick their enrolment, enter
    the stay. The enrolment rides along in the form, re-checked against the user's scope."""

    template_name = "aid/claim_add.html"

    def dispatch(self, request, *args, **kwargs):
        if not holds_role(request.user, EDIT_ROLES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen(self, enrolments):
        pk = self.request.POST.get("enrolment") or self.request.GET.get("enrolment")
        if not pk or not str(pk).isdigit():
            return None
        return enrolments.filter(pk=pk).first()

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolments = claimable(self.request.user)
        enrolment = self.chosen(enrolments)
        q = self.request.GET.get("q", "").strip()
        found = []
        if q and enrolment is None:
            members = Member.objects.filter(text_q(q, person=True, latin_names=False))
            found = enrolments.filter(member__in=members.values("pk")).order_by("-plan__year")[:50]
        if enrolment is not None and form is None:
            form = ClaimForm(initial={"enrolment": enrolment.pk}, enrolments=enrolments)
        context.update(q=q, found=found, enrolment=enrolment, form=form)
        return context

    def post(self, request, *args, **kwargs):
        enrolments = claimable(request.user)
        form = ClaimForm(request.POST, enrolments=enrolments)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                claim = insurance.submit_claim(actor=request.user, **data)
            except PermissionDenied as exc:
                messages.error(request, error_text(exc))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已提交理赔：%(claim)s") % {"claim": claim})
                return redirect(claim)
        return self.render_to_response(self.get_context_data(form=form))


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("审核结果"),
        choices=[("approve", gettext_lazy("核定赔付")), ("refuse", gettext_lazy("拒赔"))],
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=gettext_lazy("核定赔付（元）"),
        required=False,
        help_text=gettext_lazy("留空按申请金额核定"),
        **MONEY,
    )
    reason = forms.CharField(label=gettext_lazy("拒赔原因"), max_length=200, required=False)


class PayForm(forms.Form):
    amount = forms.DecimalField(label=gettext_lazy("赔付金额（元）"), **MONEY)
    paid_on = forms.DateField(label=gettext_lazy("赔付日期"), widget=DateInput(), required=False)
    # A new key each time the form is shown: a double click or a resent form pays once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)


class ClaimDetailView(ClaimScope, ObjectDetailView):
    template_name = "aid/claim_detail.html"

    def get_context_data(self, decide_form=None, pay_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        claim, user = context["object"], self.request.user
        paid = insurance.paid_total(claim)
        left = (claim.amount_approved or 0) - paid
        context.update(
            may_decide=claim.status == ClaimStatus.SUBMITTED and insurance.may_decide(user, claim),
            is_submitter=claim.submitted_by_id == user.pk,
            may_pay=claim.status == ClaimStatus.APPROVED
            and left > 0
            and insurance.may_pay(user, claim),
            payments=claim.payments.select_related("created_by").order_by("paid_on", "pk"),
            paid_yuan=insurance.yuan(paid),
            left_yuan=insurance.yuan(left),
            decide_form=decide_form or styled(DecideForm()),
            pay_form=pay_form
            or styled(PayForm(initial={"idempotency_key": uuid.uuid4().hex, "amount": left})),
            granted_yuan=insurance.yuan(insurance.approved_total(claim.enrolment)),
        )
        return context


class ClaimActionView(ClaimDetailView):
    """A POST about one visible claim: the service decides; errors come back on the page."""

    http_method_names = ["post"]
    form_class = None
    form_name = ""

    def act(self, claim, data):  # pragma: no cover - each view implements it
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        claim = self.get_object()
        form = styled(self.form_class(request.POST))
        if form.is_valid():
            try:
                message = self.act(claim, form.cleaned_data)
            except PermissionDenied as exc:
                messages.error(request, error_text(exc))
                return redirect(claim)
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    messages.error(request, error_text(exc))
                    return redirect(claim)
                apply_errors(form, exc)
            else:
                messages.success(request, message)
                return redirect(claim)
        return self.render_to_response(self.get_context_data(**{self.form_name: form}))


class ClaimDecideView(ClaimActionView):
    form_class = DecideForm
    form_name = "decide_form"

    def act(self, claim, data):
        claim = insurance.decide_claim(
            actor=self.request.user,
            claim=claim,
            approve=data["decision"] == "approve",
            amount=data["amount"],
            reason=data["reason"],
        )
        if claim.status == ClaimStatus.APPROVED:
            return _("已核定赔付 %(amount)s 元") % {"amount": claim.amount_approved}
        return _("已拒赔")


class ClaimPayView(ClaimActionView):
    form_class = PayForm
    form_name = "pay_form"

    def act(self, claim, data):
        payment = insurance.pay_claim(actor=self.request.user, claim=claim, **data)
        return _("已发放 %(amount)s 元") % {"amount": payment.amount}
