"""Innovation studios (劳模/工匠/职工创新工作室) and their alliances (创新工作室联盟).

A studio sits under a union (where it is scoped) and an employer, is led by an honouree or a
member, and keeps its grants (a ledger), results, quarterly reports and yearly reviews; a
review's outcome sets the studio's status. An alliance gathers studios by industry or region.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow
from gonghui.core.money import money_field
from gonghui.core.scoping import OfferedQuerySet
from gonghui.registry.choices import Industry
from gonghui.workforce.choices import (
    ActivityKind,
    AllianceBasis,
    Level,
    ResultKind,
    ReviewOutcome,
    StudioStatus,
)
from gonghui.workforce.models.common import InUnion, UnionScopedQuerySet


class Studio(InUnion):
    name = models.CharField(_("工作室名称"), max_length=100)
    level = models.CharField(_("命名级别"), max_length=10, choices=Level.choices)
    employer = link("registry.Employer", _("所在单位"), related_name="+")
    leader_honouree = link(
        "workforce.Honouree", _("领衔人（劳模工匠）"), optional=True, related_name="studios_led"
    )
    leader_member = link("registry.Member", _("领衔人（会员）"), optional=True, related_name="+")
    members = models.ManyToManyField("registry.Member", verbose_name=_("成员"), blank=True,
                                     related_name="+")  # fmt: skip
    field = models.CharField(_("专业领域"), max_length=100, blank=True)
    named_on = models.DateField(_("命名日期"))
    document_number = models.CharField(_("命名文号"), max_length=60, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=StudioStatus.choices, default=StudioStatus.ACTIVE
    )

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = (
        "name", "level", "union", "employer", "leader_honouree", "leader_member", "field",
        "named_on", "document_number", "status",
    )  # fmt: skip

    class Meta:
        verbose_name = _("创新工作室")
        verbose_name_plural = _("创新工作室")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "name"], name="studio_name_per_employer")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def leader_name(self) -> str:
        if self.leader_honouree_id:
            return self.leader_honouree.name
        return self.leader_member.name if self.leader_member_id else ""

    def get_absolute_url(self) -> str:
        return reverse("workforce:studio_detail", args=[self.pk])


class StudioGrant(LedgerRow):
    studio = link(Studio, _("工作室"), related_name="grants")
    amount = money_field(_("金额（元）"))
    granted_on = models.DateField(_("拨付日期"))
    source = models.CharField(_("资金来源"), max_length=100)

    ledger_parent = "studio"
    audit_fields = ("studio", "amount", "granted_on", "source")

    class Meta:
        verbose_name = _("工作室经费")
        verbose_name_plural = _("工作室经费")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="grant_positive")]


class StudioResult(models.Model):
    studio = link(Studio, _("工作室"), related_name="results", on_delete=models.CASCADE)
    kind = models.CharField(_("成果类别"), max_length=12, choices=ResultKind.choices)
    title = models.CharField(_("成果名称"), max_length=200)
    achieved_on = models.DateField(_("取得日期"))
    benefit = money_field(_("创造效益（元）"), default=0)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")

    audit_fields = ("kind", "title", "achieved_on", "benefit")

    class Meta:
        verbose_name = _("工作室成果")
        verbose_name_plural = _("工作室成果")
        ordering = ["-achieved_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def audit_org_path(self) -> str:
        return self.studio.union.path


class StudioReport(models.Model):
    studio = link(Studio, _("工作室"), related_name="reports", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    summary = models.TextField(_("工作情况"))
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")

    audit_fields = ("year", "quarter", "summary")

    class Meta:
        verbose_name = _("季度报告")
        verbose_name_plural = _("季度报告")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["studio", "year", "quarter"], name="one_report_per_q"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="quarter_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年第{self.quarter}季度"

    @property
    def audit_org_path(self) -> str:
        return self.studio.union.path


class StudioReview(models.Model):
    studio = link(Studio, _("工作室"), related_name="reviews", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("年度"))
    outcome = models.CharField(_("考核结果"), max_length=10, choices=ReviewOutcome.choices)
    note = models.CharField(_("考核意见"), max_length=200, blank=True)
    reviewed_by = link(settings.AUTH_USER_MODEL, _("考核人"), optional=True, related_name="+")

    audit_fields = ("year", "outcome", "note")

    class Meta:
        verbose_name = _("年度考核")
        verbose_name_plural = _("年度考核")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["studio", "year"], name="one_review_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}年：{self.get_outcome_display()}"

    @property
    def audit_org_path(self) -> str:
        return self.studio.union.path


class Alliance(models.Model):
    organisation = link("core.Organisation", _("牵头工会"), related_name="+")
    name = models.CharField(_("联盟名称"), max_length=100)
    basis = models.CharField(_("组建方式"), max_length=10, choices=AllianceBasis.choices)
    industry = models.CharField(_("行业"), max_length=1, choices=Industry.choices, blank=True)
    founded_on = models.DateField(_("成立日期"))
    studios = models.ManyToManyField(Studio, verbose_name=_("成员工作室"), blank=True,
                                     related_name="alliances")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OfferedQuerySet.as_manager()

    audit_fields = ("organisation", "name", "basis", "industry", "founded_on")

    class Meta:
        verbose_name = _("创新工作室联盟")
        verbose_name_plural = _("创新工作室联盟")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:alliance_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class AllianceActivity(models.Model):
    alliance = link(Alliance, _("联盟"), related_name="activities", on_delete=models.CASCADE)
    kind = models.CharField(_("类别"), max_length=10, choices=ActivityKind.choices)
    title = models.CharField(_("名称"), max_length=200)
    held_on = models.DateField(_("日期"))
    note = models.CharField(_("情况"), max_length=200, blank=True)

    audit_fields = ("kind", "title", "held_on", "note")

    class Meta:
        verbose_name = _("联盟活动")
        verbose_name_plural = _("联盟活动")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def audit_org_path(self) -> str:
        return self.alliance.organisation.path
