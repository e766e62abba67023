"""Seasonal care campaigns (四送): the campaign list with its figures, a campaign's visit list
(scoped to the user's unions), adding recipients, recording visits and the xlsx export.

Thin views: scoping through `visible_to` / `editable_by`, writes through
gonghui.aid.care.services, figures through gonghui.aid.care.queries. The forms and filters of
these pages live here too."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.aid.care import queries
from gonghui.aid.care import services as care
from gonghui.aid.choices import CareSeason
from gonghui.aid.models import CareCampaign, CareVisit
from gonghui.core.filters import SubtreeFilter, prepare_form, yes_no_filter
from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.scoping import may_edit_org
from gonghui.core.sealed_search import query_of
from gonghui.core.sheets.cells import CellError, Column, Template, attr
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import (
    PAGE_SIZE,
    ObjectEditView,
    ObjectListView,
    apply_errors,
    keyset_page,
)
from gonghui.registry.exports import Exporter
from gonghui.registry.models import Member

# ---------------------------------------------------------------------------------------------
# Forms and filters
# ---------------------------------------------------------------------------------------------


class CampaignForm(ServiceModelForm):
    class Meta:
        model = CareCampaign
        fields = ["organisation", "season", "name", "year", "starts_on", "ends_on", "budget"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class RecipientForm(forms.Form):
    union = forms.ModelChoiceField(label=gettext_lazy("所在工会"), queryset=None)
    id_number = forms.CharField(
        label=gettext_lazy("会员公民身份号码"),
        max_length=18,
        required=False,
        help_text=gettext_lazy("会员填写身份号码，姓名自动取自会员信息；非会员留空并填写姓名"),
    )
    recipient_name = forms.CharField(
        label=gettext_lazy("慰问对象姓名"), max_length=50, required=False
    )
    recipient_note = forms.CharField(label=gettext_lazy("对象情况"), max_length=100, required=False)

    def __init__(self, *args, user, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["union"].queryset = queries.unions_for_list(
            user, campaign
        ).admitting_members()
        for field in self.fields.values():
            style(field)

    def clean_id_number(self):
        number = (self.cleaned_data.get("id_number") or "").strip().upper()
        if not number:
            return None
        try:
            found = Member.objects.visible_to(self.user).active().with_id_number(number)
            member = found.select_related("union").defer("id_number", "phone").first()
        except ValidationError:
            raise ValidationError(_("身份号码格式不正确")) from None
        if member is None:
            raise ValidationError(_("未找到该身份号码的在会会员，或不在您的管理范围内"))
        return member

    def service_fields(self) -> dict:
        return {
            "union": self.cleaned_data["union"],
            "member": self.cleaned_data["id_number"],
            "recipient_name": self.cleaned_data["recipient_name"],
            "recipient_note": self.cleaned_data["recipient_note"],
        }


class FiledForm(forms.Form):
    union = forms.ModelChoiceField(label=gettext_lazy("工会"), queryset=None)

    def __init__(self, *args, user, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = queries.unions_for_list(user, campaign)
        style(self.fields["union"])


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=gettext_lazy("走访日期"), widget=DateInput())
    visitors = forms.CharField(label=gettext_lazy("走访人"), max_length=100)
    cash = forms.DecimalField(
        label=gettext_lazy("慰问金（元）"), max_digits=14, decimal_places=2, min_value=0
    )
    goods = forms.CharField(label=gettext_lazy("慰问物资"), max_length=200, required=False)
    goods_value = forms.DecimalField(
        label=gettext_lazy("物资折价（元）"), max_digits=14, decimal_places=2, min_value=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class CampaignFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=gettext_lazy("年度"))
    season = django_filters.ChoiceFilter(label=gettext_lazy("活动"), choices=CareSeason.choices)

    class Meta:
        model = CareCampaign
        fields = ["year", "season"]


class VisitFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("慰问对象"), field_name="recipient_name", lookup_expr="icontains"
    )
    within = SubtreeFilter(label=gettext_lazy("所在工会"), path_lookups=("union__path",))
    visited = yes_no_filter(gettext_lazy("已走访"), method="by_visited")

    class Meta:
        model = CareVisit
        fields = ["q", "within", "visited"]

    def by_visited(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(visited_on__isnull=not value)


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------


def _export_only(value):  # pragma: no cover - the visit list is never imported
    raise CellError("export only")


def _column(header, render, width=14) -> Column:
    return Column(header, header, _export_only, render, width=width)


def _money(name):
    # Decimal written as its text: exact yuan, never a float.
    return lambda visit: str(getattr(visit, name))


VISIT_LIST = Template(
    key="care_visits",
    title=gettext_lazy("走访慰问名单"),
    columns=(
        _column("所在工会", lambda v: v.union.name, width=24),
        _column("慰问对象", attr("recipient_name")),
        _column("公民身份号码", lambda v: v.member.id_masked if v.member_id else "", width=22),
        _column("建档困难职工", lambda v: "是" if v.hardship_file_id else "否", width=10),
        _column("对象情况", attr("recipient_note"), width=24),
        _column("走访日期", attr("visited_on"), width=12),
        _column("走访人", attr("visitors"), width=20),
        _column("慰问金（元）", _money("cash")),
        _column("慰问物资", attr("goods"), width=24),
        _column("物资折价（元）", _money("goods_value")),
    ),
)
EXPORTER = Exporter(VISIT_LIST, ())


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


class CareListView(RoleRequired, ObjectListView):
    model = CareCampaign
    select_related = ("organisation",)
    filterset_class = CampaignFilterSet
    template_name = "aid/care_list.html"
    default_sort = "-starts_on"
    sort_options = {"starts_on": gettext_lazy("开始日期"), "year": gettext_lazy("年度")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaigns = list(context["objects"])
        visits = CareVisit.objects.visible_to(self.request.user)
        found = queries.totals_by_campaign(visits, [c.pk for c in campaigns])
        for campaign in campaigns:
            campaign.totals = found.get(campaign.pk) or queries.empty_totals()
        context["objects"] = campaigns
        return context


class CareEditView(RoleRequired, ObjectEditView):
    model = CareCampaign
    form_class = CampaignForm
    writes = (care.create_campaign, care.update_campaign)
    record_name = "campaign"


def _campaign(request, pk) -> CareCampaign:
    return visible_or_404(request, CareCampaign, pk, "organisation")


def _filtered_visits(request, campaign):
    filterset = VisitFilterSet(
        request.GET, queryset=queries.visits_for(request.user, campaign), request=request
    )
    prepare_form(filterset)
    return filterset, filterset.qs


def _decorate(user, visits) -> None:
    """Whether the user may record or remove each row (an editing role at its union)."""
    for visit in visits:
        visit.editable = may_edit_org(user, visit.union)


def care_detail(request, pk):
    campaign = _campaign(request, pk)
    all_visits = queries.visits_for(request.user, campaign)
    filterset, visits = _filtered_visits(request, campaign)
    page = keyset_page(request, visits, sort="pk", size=PAGE_SIZE)
    _decorate(request.user, page.object_list)
    can_list = queries.unions_for_list(request.user, campaign).exists()
    context = {
        "object": campaign,
        "filterset": filterset,
        "page": page,
        "visits": page.object_list,
        "totals": queries.totals(all_visits),
        "filtered_totals": queries.totals(visits),
        "by_union": queries.totals_by_union(all_visits),
        "can_edit": CareCampaign.objects.editable_by(request.user).filter(pk=pk).exists(),
        "can_list": can_list,
        "filed_form": FiledForm(user=request.user, campaign=campaign) if can_list else None,
        "export_query": query_of(request).urlencode(),
    }
    return render(request, "aid/care_detail.html", context)


def care_export(request, pk):
    campaign = _campaign(request, pk)
    _, visits = _filtered_visits(request, campaign)
    return EXPORTER.respond(request, visits.order_by("union__path", "pk"), "xlsx")


def care_recipient_add(request, pk):
    campaign = _campaign(request, pk)
    if not queries.unions_for_list(request.user, campaign).exists():
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = RecipientForm(data, user=request.user, campaign=campaign)
    if form.is_valid():
        try:
            visit = care.add_recipient(
                actor=request.user, campaign=campaign, **form.service_fields()
            )
        except ValidationError as exc:
            apply_errors(form, _renamed(exc))
        else:
            messages.success(
                request, _("已加入慰问名单：%(name)s") % {"name": visit.recipient_name}
            )
            return redirect(campaign)
    context = {
        "form": form,
        "object": campaign,
        "title": _("添加慰问对象：%(c)s") % {"c": campaign},
        "cancel_url": campaign.get_absolute_url(),
    }
    return render(request, "aid/care_recipient_form.html", context)


def _renamed(exc: ValidationError) -> ValidationError:
    """The service names the member `member`; the form asks for it as `id_number`."""
    if not hasattr(exc, "error_dict"):
        return exc
    errors = dict(exc.error_dict)
    for name in ("member", "hardship_file"):
        if name in errors:
            errors.setdefault("id_number", []).extend(errors.pop(name))
    return ValidationError(errors)


@require_POST
def care_add_filed(request, pk):
    campaign = _campaign(request, pk)
    form = FiledForm(request.POST, user=request.user, campaign=campaign)
    if not form.is_valid():
        messages.error(request, _("请选择要列入名单的工会（需在您的管理范围内）"))
        return redirect(campaign)
    try:
        created = care.add_filed_households(
            actor=request.user, campaign=campaign, union=form.cleaned_data["union"]
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        if created:
            messages.success(request, _("已将 %(n)d 户建档困难职工列入名单") % {"n": len(created)})
        else:
            messages.info(request, _("没有需要新增的建档困难职工：均已在名单中"))
    return redirect(campaign)


def _visit(request, pk) -> CareVisit:
    require_role(request.user)
    queryset = CareVisit.objects.visible_to(request.user).select_related(
        "campaign", "union", "member", "hardship_file"
    )
    visit = get_object_or_404(queryset.defer("member__id_number", "member__phone"), pk=pk)
    if not may_edit_org(request.user, visit.union):
        raise PermissionDenied
    return visit


def _visit_initial(visit: CareVisit) -> dict:
    if visit.visited_on:
        return {
            "visited_on": visit.visited_on,
            "visitors": visit.visitors,
            "cash": visit.cash,
            "goods": visit.goods,
            "goods_value": visit.goods_value,
        }
    today = timezone.localdate()
    day = min(max(today, visit.campaign.starts_on), visit.campaign.ends_on)
    return {"visited_on": day, "cash": "0.00", "goods_value": "0.00"}


def care_visit(request, pk):
    """Record a visit. From the list (htmx) the form opens in the row and the saved row
    replaces it; without htmx it is a page of its own."""
    visit = _visit(request, pk)
    htmx = bool(request.headers.get("HX-Request"))
    if request.method == "POST":
        form = VisitForm(request.POST)
        if form.is_valid():
            try:
                visit = care.record_visit(actor=request.user, visit=visit, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if htmx:
                    visit.editable = True
                    return render(request, "aid/care_visit_row.html", {"visit": visit})
                messages.success(request, _("已登记走访：%(n)s") % {"n": visit.recipient_name})
                return redirect(visit.campaign)
    else:
        form = VisitForm(initial=_visit_initial(visit))
    template = "aid/care_visit_form_row.html" if htmx else "aid/care_visit_form.html"
    context = {"form": form, "visit": visit, "campaign": visit.campaign}
    return render(request, template, context)


@require_POST
def care_recipient_remove(request, pk):
    visit = _visit(request, pk)
    try:
        care.remove_recipient(actor=request.user, visit=visit)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已移出名单：%(n)s") % {"n": visit.recipient_name})
    return redirect(visit.campaign)
