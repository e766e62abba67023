"""Member-day benefits (会员日): partner merchants, their offers for a day (e.g. the 10th of each
month), and redemptions by scanning the member card, the discount given kept as a ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.models.common import (
    OfferedQuerySet,
    OrgOwned,
    UnionScopedQuerySet,
    money_field,
)
from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow


class Merchant(OrgOwned):
    name = models.CharField(_("商户名称"), max_length=100)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    contact = models.CharField(_("联系人及电话"), max_length=100, blank=True)
    is_active = models.BooleanField(_("合作中"), default=True)
    # The merchant's own counter staff: they may redeem the merchant's offers and see nothing else.
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("收银员账号"), blank=True, related_name="merchants"
    )

    objects = OfferedQuerySet.as_manager()

    audit_fields = ("organisation", "name", "address", "contact", "is_active")

    class Meta:
        verbose_name = _("合作商户")
        verbose_name_plural = _("合作商户")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:merchant_detail", args=[self.pk])


class OfferQuerySet(OfferedQuerySet):
    scope_lookups = ("merchant__organisation__path",)

    def visible_to(self, user, roles=None):
        merchants = Merchant.objects.visible_to(user, roles)
        return self.filter(merchant__in=merchants)

    def editable_by(self, user):
        return self.filter(merchant__in=Merchant.objects.editable_by(user))


class BenefitOffer(models.Model):
    merchant = models.ForeignKey(
        Merchant, verbose_name=_("商户"), on_delete=models.PROTECT, related_name="offers"
    )
    title = models.CharField(_("优惠内容"), max_length=100)
    # The member day: a day of the month (10 = 每月10日) or, when empty, every day of the window.
    day_of_month = models.PositiveSmallIntegerField(_("会员日（每月几日）"), null=True, blank=True)
    valid_from = models.DateField(_("开始日期"))
    valid_to = models.DateField(_("结束日期"))
    discount_rate = models.DecimalField(
        _("折扣率"), max_digits=4, decimal_places=2, null=True, blank=True,
        help_text=_("如 0.80 表示八折；与每次优惠上限二选一或同时使用"),
    )  # fmt: skip
    max_discount = money_field(_("每次优惠上限（元）"), null=True, blank=True)
    uses_per_member = models.PositiveSmallIntegerField(_("每人每个会员日限用次数"), default=1)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OfferQuerySet.as_manager()

    audit_fields = (
        "merchant",
        "title",
        "day_of_month",
        "valid_from",
        "valid_to",
        "discount_rate",
        "max_discount",
        "uses_per_member",
        "is_active",
    )

    class Meta:
        verbose_name = _("会员日优惠")
        verbose_name_plural = _("会员日优惠")
        constraints = [
            models.CheckConstraint(
                condition=Q(day_of_month__isnull=True)
                | Q(day_of_month__gte=1, day_of_month__lte=28),
                name="offer_day_of_month_range",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")), name="offer_window_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merchant}：{self.title}"

    @property
    def audit_org_path(self) -> str:
        return self.merchant.organisation.path

    def applies_on(self, day) -> bool:
        if not self.is_active or not (self.valid_from <= day <= self.valid_to):
            return False
        return self.day_of_month is None or day.day == self.day_of_month


class RedemptionQuerySet(UnionScopedQuerySet):
    pass


class Redemption(LedgerRow):
    """One use of an offer by a member (a ledger row of the discount given)."""

    offer = models.ForeignKey(
        BenefitOffer, verbose_name=_("优惠"), on_delete=models.PROTECT, related_name="redemptions"
    )
    member = link("registry.Member", _("会员"), related_name="redemptions")
    # The member's union at the time, for scoping and the figures by union.
    union = models.ForeignKey(
        "core.Organisation", verbose_name=_("所在工会"), on_delete=models.PROTECT, related_name="+"
    )
    redeemed_on = models.DateField(_("使用日期"), default=timezone.localdate)
    redeemed_at = models.DateTimeField(_("使用时间"), default=timezone.now)
    amount_spent = money_field(_("消费金额（元）"))
    discount = money_field(_("优惠金额（元）"))
    recorded_by = link(settings.AUTH_USER_MODEL, _("收银员"), related_name="+")

    # The counter who scanned the card is `recorded_by`; the time is `redeemed_at`.
    created_by = None
    created_at = None
    ledger_parent = "offer"
    ledger_amount = "amount_spent"

    objects = RedemptionQuerySet.as_manager()

    audit_fields = ("offer", "member", "redeemed_on", "amount_spent", "discount")

    class Meta:
        verbose_name = _("会员日优惠使用")
        verbose_name_plural = _("会员日优惠使用")
        constraints = [
            models.CheckConstraint(
                condition=Q(discount__gt=0) & Q(amount_spent__gte=models.F("discount")),
                name="redemption_amounts",
            )
        ]
        indexes = [
            models.Index(fields=["offer", "member", "redeemed_on"], name="redemption_member_day"),
            models.Index(fields=["redeemed_on"], name="redemption_day"),
        ]

    def __str__(self) -> str:
        return f"{self.member.name} {self.offer} {self.discount} 元"

    @property
    def audit_org_path(self) -> str:
        return self.union.path
