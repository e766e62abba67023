"""Member-day pages (会员日): partner merchants and their offers, the counter page where an
operator scans a member card, and the ledger of discounts given.

Thin views: scoping through `visible_to` / `editable_by` (and, for a merchant's own counter
staff, their merchants only), every write through gonghui.aid.benefits.services.
"""

import uuid

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from gonghui.aid.benefits import services as benefits
from gonghui.aid.insurance.views import error_text, styled
from gonghui.aid.models import BenefitOffer, Merchant, Redemption
from gonghui.core.forms import DateInput, ServiceModelForm
from gonghui.core.money import format_yuan as yuan
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    apply_errors,
)
from gonghui.portal.cards import mask_name

MONEY = {"max_digits": 14, "decimal_places": 2}


# ---------------------------------------------------------------------------------------------
# Merchants
# ---------------------------------------------------------------------------------------------


class MerchantForm(ServiceModelForm):
    operators = forms.CharField(
        label=gettext_lazy("收银员账号"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("填写已开通的用户名，多个用逗号分隔；收银员只能核销本商户的优惠"),
    )

    class Meta:
        model = Merchant
        fields = ["organisation", "name", "address", "contact", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = self.instance.operators.order_by("username").values_list("username", flat=True)
            self.initial["operators"] = ", ".join(names)


class MerchantFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("商户名称"), field_name="name", lookup_expr="icontains"
    )
    is_active = django_filters.BooleanFilter(label=gettext_lazy("合作中"))

    class Meta:
        model = Merchant
        fields = ["q", "is_active"]


class MerchantListView(ObjectListView):
    model = Merchant
    select_related = ("organisation",)
    filterset_class = MerchantFilterSet
    template_name = "aid/merchant_list.html"
    sort_options = {"name": gettext_lazy("名称")}


class MerchantEditView(ObjectEditView):
    model = Merchant
    select_related = ("organisation",)
    form_class = MerchantForm

    def save(self, form, instance):
        data = dict(form.cleaned_data)
        operators = data.pop("operators", "")
        user = self.request.user
        with transaction.atomic():
            if instance is None:
                merchant = benefits.create_merchant(actor=user, **data)
            else:
                merchant = benefits.update_merchant(actor=user, merchant=instance, **data)
            users = benefits.users_by_username(operators)
            benefits.set_operators(actor=user, merchant=merchant, users=users)
        return merchant


def month_start(today):
    return today.replace(day=1)


class MerchantDetailView(ObjectDetailView):
    model = Merchant
    select_related = ("organisation",)
    template_name = "aid/merchant_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        merchant, today = context["object"], timezone.localdate()
        offers = list(merchant.offers.order_by("-valid_to", "pk"))
        for offer in offers:
            offer.today = offer.applies_on(today)
        month = (
            Redemption.objects.visible_to(self.request.user)
            .filter(offer__merchant=merchant, redeemed_on__gte=month_start(today))
            .aggregate(count=Count("pk"), discount=Sum("discount"))
        )
        context.update(
            offers=offers,
            operators=merchant.operators.order_by("username"),
            month_count=month["count"],
            month_yuan=yuan(month["discount"]),
            may_redeem=benefits.may_operate(self.request.user, merchant),
        )
        return context


# ---------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------


class OfferForm(ServiceModelForm):
    class Meta:
        model = BenefitOffer
        fields = list(benefits.OFFER_FIELDS)
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}
        help_texts = {"day_of_month": gettext_lazy("1 至 28；留空表示有效期内每天可用")}


class OfferEditView(ObjectEditView):
    """offer_add names the merchant; offer_edit the offer. Both go back to the merchant."""

    model = BenefitOffer
    select_related = ("merchant__organisation",)
    form_class = OfferForm

    def merchant(self):
        queryset = Merchant.objects.visible_to(self.request.user).select_related("organisation")
        return get_object_or_404(queryset, pk=self.kwargs["merchant_pk"])

    def get_instance(self):
        if "merchant_pk" in self.kwargs:
            self.merchant_obj = self.merchant()
            editable = Merchant.objects.editable_by(self.request.user)
            if not editable.filter(pk=self.merchant_obj.pk).exists():
                raise PermissionDenied
            return None
        offer = super().get_instance()
        self.merchant_obj = offer.merchant
        return offer

    def render_form(self, form, instance):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                object=instance,
                cancel_url=self.merchant_obj.get_absolute_url(),
                title=_("%(merchant)s：会员日优惠") % {"merchant": self.merchant_obj.name},
            )
        )

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if form.is_valid():
            try:
                offer = self.save(form, instance)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存：%(offer)s") % {"offer": offer})
                return HttpResponseRedirect(self.merchant_obj.get_absolute_url())
        return self.render_form(form, instance)

    def save(self, form, instance):
        user = self.request.user
        if instance is None:
            return benefits.create_offer(
                actor=user, merchant=self.merchant_obj, **form.cleaned_data
            )
        return benefits.update_offer(actor=user, offer=instance, **form.cleaned_data)


# ---------------------------------------------------------------------------------------------
# The counter (核销)
# ---------------------------------------------------------------------------------------------


def offers_today(user):
    today = timezone.localdate()
    return (
        BenefitOffer.objects.filter(
            merchant__in=benefits.operable_merchants(user).filter(is_active=True),
            is_active=True,
            valid_from__lte=today,
            valid_to__gte=today,
        )
        .filter(Q(day_of_month__isnull=True) | Q(day_of_month=today.day))
        .select_related("merchant")
        .order_by("merchant__name", "title")
    )


class OfferChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.merchant.name}：{obj.title}"


class RedeemForm(forms.Form):
    offer = OfferChoiceField(label=gettext_lazy("今日优惠"), queryset=None, empty_label=None)
    card_token = forms.CharField(
        label=gettext_lazy("会员卡二维码"),
        max_length=500,
        help_text=gettext_lazy("用扫码枪或手机扫描会员出示的会员卡二维码，或粘贴二维码内容"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    amount_spent = forms.DecimalField(label=gettext_lazy("消费金额（元）"), **MONEY)
    # A new key each time the form is shown: a double click or a resent form redeems once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers
        styled(self)


def may_use_counter(user) -> bool:
    return holds_role(user, EDIT_ROLES) or (
        getattr(user, "is_authenticated", False) and user.merchants.filter(is_active=True).exists()
    )


class RedeemView(TemplateView):
    template_name = "aid/redeem.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_use_counter(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def fresh_form(self, offers, offer=None):
        initial = {"idempotency_key": uuid.uuid4().hex, "offer": offer}
        return RedeemForm(initial=initial, offers=offers)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offers = offers_today(self.request.user)
        context.setdefault("form", self.fresh_form(offers))
        context["has_offers"] = offers.exists()
        return context

    def post(self, request, *args, **kwargs):
        offers = offers_today(request.user)
        form = RedeemForm(request.POST, offers=offers)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                redemption = benefits.redeem(actor=request.user, **data)
            except PermissionDenied as exc:
                form.add_error(None, error_text(exc))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                result = {
                    "masked_name": mask_name(redemption.member.name),
                    "redemption": redemption,
                    "to_pay": yuan(redemption.amount_spent - redemption.discount),
                }
                form = self.fresh_form(offers, redemption.offer_id)
                return self.render_to_response(self.get_context_data(form=form, result=result))
        return self.render_to_response(self.get_context_data(form=form))


# ---------------------------------------------------------------------------------------------
# The ledger
# ---------------------------------------------------------------------------------------------


def redemption_merchants(request):
    if request is None:
        return Merchant.objects.none()
    user = request.user
    return Merchant.objects.filter(
        Q(pk__in=Merchant.objects.visible_to(user).values("pk")) | Q(operators=user)
    ).distinct()


class RedemptionFilterSet(django_filters.FilterSet):
    merchant = django_filters.ModelChoiceFilter(
        label=gettext_lazy("商户"), field_name="offer__merchant", queryset=redemption_merchants
    )
    date_from = django_filters.DateFilter(
        label=gettext_lazy("起始日期"), field_name="redeemed_on", lookup_expr="gte",
        widget=DateInput(),
    )  # fmt: skip
    date_to = django_filters.DateFilter(
        label=gettext_lazy("截止日期"), field_name="redeemed_on", lookup_expr="lte",
        widget=DateInput(),
    )  # fmt: skip

    class Meta:
        model = Redemption
        fields = ["merchant", "date_from", "date_to"]


class RedemptionListView(ObjectListView):
    """Redemptions of the members in the user's scope, plus, for counter staff, those at their
    own merchants. Names are masked: a ledger of discounts needs no more."""

    model = Redemption
    select_related = ("offer__merchant", "member", "union", "recorded_by")
    filterset_class = RedemptionFilterSet
    template_name = "aid/redeem_list.html"
    sort_options = {"redeemed_at": gettext_lazy("使用时间")}
    default_sort = "-redeemed_at"

    def scoped_queryset(self):
        user = self.request.user
        visible = Redemption.objects.visible_to(user).values("pk")
        own = Merchant.objects.filter(operators=user).values("pk") if user.is_authenticated else []
        return (
            Redemption.objects.filter(Q(pk__in=visible) | Q(offer__merchant__in=own))
            .select_related(*self.select_related)
            .defer("member__id_number", "member__phone")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for redemption in context["objects"]:
            redemption.masked_name = mask_name(redemption.member.name)
        context["can_add"] = False
        return context
