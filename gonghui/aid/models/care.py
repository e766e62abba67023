"""Seasonal care campaigns (四送: 春送岗位, 夏送清凉, 金秋助学, 冬送温暖): a campaign, its
visit list of recipients, and each visit with the cash and goods (valued) given, who visited and
when."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import CareSeason
from gonghui.aid.models.common import (
    OfferedQuerySet,
    OrgOwned,
    UnionOwned,
    UnionScopedQuerySet,
    money_field,
)
from gonghui.core.fields import link


class CareCampaign(OrgOwned):
    season = models.CharField(_("活动"), max_length=10, choices=CareSeason.choices)
    name = models.CharField(_("活动名称"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年度"))
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    budget = money_field(_("筹集资金（元）"), default=Decimal("0.00"))

    objects = OfferedQuerySet.as_manager()

    audit_fields = ("organisation", "season", "name", "year", "starts_on", "ends_on", "budget")

    class Meta:
        verbose_name = _("四送活动")
        verbose_name_plural = _("四送活动")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="care_campaign_dates"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:care_detail", args=[self.pk])


class CareVisitQuerySet(UnionScopedQuerySet):
    def visited(self):
        return self.filter(visited_on__isnull=False)


class CareVisit(UnionOwned):
    """One recipient on a campaign's visit list; visited once `visited_on` is set."""

    campaign = models.ForeignKey(
        CareCampaign, verbose_name=_("四送活动"), on_delete=models.PROTECT, related_name="visits"
    )
    # Usually a member; outdoor workers and forest rangers who are not members are visited too.
    member = link("registry.Member", _("会员"), optional=True, related_name="care_visits")
    hardship_file = link(
        "aid.HardshipFile", _("困难职工档案"), optional=True, related_name="care_visits"
    )
    recipient_name = models.CharField(_("慰问对象"), max_length=50)
    recipient_note = models.CharField(_("对象情况"), max_length=100, blank=True)
    cash = money_field(_("慰问金（元）"), default=Decimal("0.00"))
    goods = models.CharField(_("慰问物资"), max_length=200, blank=True)
    goods_value = money_field(_("物资折价（元）"), default=Decimal("0.00"))
    visited_on = models.DateField(_("走访日期"), null=True, blank=True)
    visitors = models.CharField(_("走访人"), max_length=100, blank=True)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")

    objects = CareVisitQuerySet.as_manager()

    audit_fields = (
        "campaign",
        "union",
        "member",
        "recipient_name",
        "recipient_note",
        "cash",
        "goods",
        "goods_value",
        "visited_on",
        "visitors",
    )

    class Meta:
        verbose_name = _("走访慰问")
        verbose_name_plural = _("走访慰问")
        constraints = [
            models.CheckConstraint(
                condition=Q(cash__gte=0) & Q(goods_value__gte=0), name="care_visit_amounts"
            ),
            # A member is on one campaign's list once.
            models.UniqueConstraint(
                fields=["campaign", "member"],
                condition=Q(member__isnull=False),
                name="care_visit_member_once",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "union"], name="care_visit_campaign_union"),
            models.Index(fields=["visited_on"], name="care_visit_visited"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name}（{self.campaign}）"
