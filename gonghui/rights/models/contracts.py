"""Collective contracts (集体合同), centralised bargaining rounds (集中要约) and democratic
management per employer (职代会, 厂务公开)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.scoping import ScopedQuerySet
from gonghui.rights.choices import ContractKind, ContractScope, OfferResponse
from gonghui.rights.models.common import AboutEmployer, EmployerScopedQuerySet, OrgOwned


class ContractQuerySet(ScopedQuerySet):
    scope_lookups = ("organisation__path",)

    def effective_on(self, day):
        return self.filter(effective_on__lte=day, expires_on__gte=day)

    def expiring(self, today, days: int = 90):
        return self.filter(
            expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=days)
        )


class CollectiveContract(OrgOwned):
    """A contract signed by a union for one employer, a region or an industry, of one kind."""

    title = models.CharField(_("合同名称"), max_length=200)
    scope = models.CharField(_("签订层级"), max_length=12, choices=ContractScope.choices)
    kind = models.CharField(_("合同类别"), max_length=14, choices=ContractKind.choices)
    signed_on = models.DateField(_("签订日期"))
    effective_on = models.DateField(_("生效日期"))
    expires_on = models.DateField(_("到期日期"))
    workers_covered = models.PositiveIntegerField(_("覆盖职工数"), default=0)
    filed_on = models.DateField(_("人社部门备案日期"), null=True, blank=True)
    employers = models.ManyToManyField(
        "registry.Employer", verbose_name=_("覆盖企业"), through="ContractEmployer",
        related_name="+",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    objects = ContractQuerySet.as_manager()

    audit_fields = (
        "title", "scope", "kind", "signed_on", "effective_on", "expires_on", "workers_covered",
        "filed_on",
    )  # fmt: skip

    class Meta:
        verbose_name = _("集体合同")
        verbose_name_plural = _("集体合同")
        ordering = ["expires_on", "pk"]
        indexes = [
            models.Index(fields=["kind", "effective_on", "expires_on"], name="contract_kind_dates"),
            models.Index(fields=["expires_on"], name="contract_expires"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_on__lte=models.F("expires_on")),
                name="contract_effective_before_expiry",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("rights:contract_detail", args=[self.pk])


class ContractEmployer(models.Model):
    contract = models.ForeignKey(
        CollectiveContract, on_delete=models.CASCADE, related_name="coverage"
    )
    employer = models.ForeignKey("registry.Employer", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("集体合同覆盖企业")
        verbose_name_plural = _("集体合同覆盖企业")
        constraints = [
            models.UniqueConstraint(fields=["contract", "employer"], name="contract_employer_once")
        ]
        indexes = [models.Index(fields=["employer", "contract"], name="coverage_employer")]

    def __str__(self) -> str:
        return f"{self.contract_id}/{self.employer_id}"


class BargainingRound(OrgOwned):
    """A centralised bargaining round (集中要约行动): offers to many employers at once."""

    name = models.CharField(_("行动名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"))
    kind = models.CharField(_("协商内容"), max_length=14, choices=ContractKind.choices)
    started_on = models.DateField(_("启动日期"))
    closed_on = models.DateField(_("结束日期"), null=True, blank=True)
    notes = models.TextField(_("说明"), blank=True)

    audit_fields = ("name", "year", "kind", "started_on", "closed_on", "notes")

    class Meta:
        verbose_name = _("集中要约行动")
        verbose_name_plural = _("集中要约行动")
        ordering = ["-year", "-started_on", "-pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("rights:round_detail", args=[self.pk])


class RoundOfferQuerySet(ScopedQuerySet):
    scope_lookups = ("round__organisation__path",)


class RoundOffer(models.Model):
    """The offer (要约书) to one employer in a round, its response and outcome."""

    round = models.ForeignKey(BargainingRound, on_delete=models.CASCADE, related_name="offers")
    employer = models.ForeignKey(
        "registry.Employer", verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+"
    )
    offered_on = models.DateField(_("发出要约日期"), null=True, blank=True)
    response = models.CharField(
        _("进展"), max_length=12, choices=OfferResponse.choices, default=OfferResponse.PENDING
    )
    responded_on = models.DateField(_("回应日期"), null=True, blank=True)
    outcome_note = models.CharField(_("结果说明"), max_length=500, blank=True)
    contract = models.ForeignKey(
        CollectiveContract, verbose_name=_("签订的合同"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    objects = RoundOfferQuerySet.as_manager()

    audit_fields = (
        "employer",
        "offered_on",
        "response",
        "responded_on",
        "outcome_note",
        "contract",
    )

    class Meta:
        verbose_name = _("要约企业")
        verbose_name_plural = _("要约企业")
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "employer"], name="one_offer_per_employer")
        ]

    def __str__(self) -> str:
        return f"{self.round} / {self.employer_id}"

    def get_absolute_url(self) -> str:
        return self.round.get_absolute_url()

    @property
    def audit_org_path(self) -> str:
        return self.round.organisation.path


class Democracy(AboutEmployer):
    """Workers' congress (职代会) and open factory affairs (厂务公开) at one employer."""

    employer = models.OneToOneField(
        "registry.Employer", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="+"
    )
    congress_established = models.BooleanField(_("已建立职代会制度"), default=False)
    congress_established_on = models.DateField(_("职代会建立日期"), null=True, blank=True)
    last_congress_on = models.DateField(_("最近一次职代会"), null=True, blank=True)
    open_affairs_established = models.BooleanField(_("已实行厂务公开"), default=False)
    open_affairs_established_on = models.DateField(_("厂务公开实行日期"), null=True, blank=True)
    star_rating = models.PositiveSmallIntegerField(_("星级评定"), default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    objects = EmployerScopedQuerySet.as_manager()

    audit_fields = (
        "congress_established", "congress_established_on", "last_congress_on",
        "open_affairs_established", "open_affairs_established_on", "star_rating",
    )  # fmt: skip

    class Meta:
        verbose_name = _("民主管理")
        verbose_name_plural = _("民主管理")
        constraints = [
            models.CheckConstraint(
                condition=Q(star_rating__gte=0) & Q(star_rating__lte=5), name="democracy_stars"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employer} 民主管理"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("rights:democracy_edit", args=[self.employer_id])
