"""Labour-risk grids (网格+企业): grids over employers, grid members, monitoring points and their
monthly reports, the configurable rules that turn reports and open cases into a level per
employer, and the warnings a rise opens.

Scope: a grid belongs to its organisation (a town, usually); points, reports, levels and warnings
are about an employer and are seen as the employer is (its town and its union), plus the grid's
organisation for points and reports.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import EncryptedTextField
from gonghui.core.money import ZERO, money_field
from gonghui.core.scoping import ScopedQuerySet
from gonghui.registry.models.personal import PersonalNumbers
from gonghui.rights.choices import (
    GridRole,
    Rating,
    RiskLevel,
    RuleSource,
    WarningStatus,
)
from gonghui.rights.models.common import AboutEmployer, EmployerScopedQuerySet, OrgOwned


class Grid(OrgOwned):
    name = models.CharField(_("网格名称"), max_length=100)
    code = models.CharField(_("网格编号"), max_length=30, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    audit_fields = ("name", "code", "is_active")

    class Meta:
        verbose_name = _("企业网格")
        verbose_name_plural = _("企业网格")
        ordering = ["organisation__path", "name"]

    def __str__(self) -> str:
        return self.name


class GridChildQuerySet(ScopedQuerySet):
    scope_lookups = ("grid__organisation__path",)


class GridEmployer(models.Model):
    """An employer in a grid: one grid per employer (a big one alone, small ones together)."""

    grid = models.ForeignKey(Grid, on_delete=models.CASCADE, related_name="memberships")
    employer = models.OneToOneField(
        "registry.Employer", verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    objects = GridChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("网格企业")
        verbose_name_plural = _("网格企业")

    def __str__(self) -> str:
        return f"{self.grid} / {self.employer_id}"

    @property
    def audit_org_path(self) -> str:
        return self.grid.organisation.path


class GridMember(PersonalNumbers, models.Model):
    grid = models.ForeignKey(Grid, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("姓名"), max_length=50)
    role = models.CharField(_("网格职务"), max_length=10, choices=GridRole.choices)
    phone = EncryptedTextField(_("手机号码"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_masked = models.CharField(_("手机号码"), max_length=11, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("系统账号"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    objects = GridChildQuerySet.as_manager()

    audit_fields = ("name", "role", "phone_masked", "user")

    class Meta:
        verbose_name = _("网格员")
        verbose_name_plural = _("网格员")
        ordering = ["grid", "role", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_role_display()}）"

    @property
    def audit_org_path(self) -> str:
        return self.grid.organisation.path


class PointQuerySet(ScopedQuerySet):
    scope_lookups = (
        "grid__organisation__path",
        "employer__territory__path",
        "employer__union__path",
    )


class MonitoringPoint(AboutEmployer):
    """A labour-risk monitoring point (劳动关系监测点) at an employer: files a report each month,
    due by `report_due_day` of the month after."""

    employer = models.OneToOneField(
        "registry.Employer", verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+"
    )
    grid = models.ForeignKey(
        Grid, verbose_name=_("所在网格"), on_delete=models.PROTECT, related_name="points"
    )
    contact_name = models.CharField(_("信息员"), max_length=50)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("填报账号"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    established_on = models.DateField(_("设立日期"))
    report_due_day = models.PositiveSmallIntegerField(_("月报截止日（次月）"), default=10)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PointQuerySet.as_manager()

    audit_fields = (
        "employer", "grid", "contact_name", "reporter", "established_on", "report_due_day",
        "is_active",
    )  # fmt: skip

    class Meta:
        verbose_name = _("劳动关系监测点")
        verbose_name_plural = _("劳动关系监测点")
        constraints = [
            models.CheckConstraint(
                condition=Q(report_due_day__gte=1) & Q(report_due_day__lte=28),
                name="point_due_day_in_month",
            )
        ]

    def __str__(self) -> str:
        return str(self.employer)


class ReportQuerySet(ScopedQuerySet):
    scope_lookups = (
        "point__grid__organisation__path",
        "point__employer__territory__path",
        "point__employer__union__path",
    )


class MonthlyReport(models.Model):
    """A point's report for one month; `is_late` is fixed when it is filed after the due day."""

    point = models.ForeignKey(MonitoringPoint, on_delete=models.PROTECT, related_name="reports")
    month = models.DateField(_("所属月份"), help_text=_("当月 1 日"))
    wage_arrears = models.PositiveSmallIntegerField(
        _("欠薪"), choices=Rating.choices, default=Rating.NONE
    )
    layoffs = models.PositiveSmallIntegerField(
        _("裁员"), choices=Rating.choices, default=Rating.NONE
    )
    unrest = models.PositiveSmallIntegerField(
        _("群体性事件苗头"), choices=Rating.choices, default=Rating.NONE
    )
    safety = models.PositiveSmallIntegerField(
        _("安全生产"), choices=Rating.choices, default=Rating.NONE
    )
    other = models.PositiveSmallIntegerField(_("其他"), choices=Rating.choices, default=Rating.NONE)
    arrears_amount = money_field(_("欠薪金额（元）"), default=ZERO)
    arrears_workers = models.PositiveIntegerField(_("涉及欠薪人数"), default=0)
    remarks = models.TextField(_("情况说明"), blank=True)
    submitted_at = models.DateTimeField(_("报送时间"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("报送人"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    is_late = models.BooleanField(_("逾期报送"), default=False)

    objects = ReportQuerySet.as_manager()

    audit_fields = (
        "month", "wage_arrears", "layoffs", "unrest", "safety", "other", "arrears_amount",
        "arrears_workers", "remarks", "is_late",
    )  # fmt: skip

    class Meta:
        verbose_name = _("监测月报")
        verbose_name_plural = _("监测月报")
        ordering = ["-month", "point"]
        constraints = [
            models.UniqueConstraint(fields=["point", "month"], name="one_report_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="report_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.point} {self.month:%Y-%m}"

    @property
    def audit_org_path(self) -> str:
        return self.point.grid.organisation.path


class RiskRule(OrgOwned):
    """If `source` reaches `threshold`, the employer is at least `level`. A rule of an
    organisation applies to the employers in its subtree; the highest level any rule gives wins.

    Report sources compare the latest report's rating (0-3); OPEN_CASES counts the employer's
    open cases; MISSED_REPORTS counts months in a row with no report after the due day."""

    name = models.CharField(_("规则名称"), max_length=100)
    source = models.CharField(_("依据"), max_length=20, choices=RuleSource.choices)
    threshold = models.PositiveSmallIntegerField(_("阈值（达到即触发）"))
    level = models.PositiveSmallIntegerField(_("风险等级"), choices=RiskLevel.choices)
    is_active = models.BooleanField(_("启用"), default=True)

    audit_fields = ("name", "source", "threshold", "level", "is_active")

    class Meta:
        verbose_name = _("风险研判规则")
        verbose_name_plural = _("风险研判规则")
        ordering = ["organisation__path", "-level", "source"]
        constraints = [
            models.CheckConstraint(condition=Q(threshold__gte=1), name="rule_threshold_positive"),
            models.CheckConstraint(condition=Q(level__gte=1), name="rule_level_above_green"),
        ]

    def __str__(self) -> str:
        return self.name


class EmployerRisk(AboutEmployer):
    """The employer's current level as last evaluated, and which rules gave it (the board reads
    this; history is in the warnings and the audit log)."""

    employer = models.OneToOneField(
        "registry.Employer", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(
        _("风险等级"), choices=RiskLevel.choices, default=RiskLevel.GREEN
    )
    reasons = models.JSONField(_("触发规则"), default=list, blank=True)
    evaluated_at = models.DateTimeField(_("研判时间"))

    objects = EmployerScopedQuerySet.as_manager()

    audit_fields = ("level", "reasons")

    class Meta:
        verbose_name = _("企业风险等级")
        verbose_name_plural = _("企业风险等级")
        indexes = [models.Index(fields=["level"], name="employer_risk_level")]

    def __str__(self) -> str:
        return f"{self.employer} {self.get_level_display()}"


class WarningQuerySet(EmployerScopedQuerySet):
    def unhandled(self):
        return self.exclude(status=WarningStatus.HANDLED)


class RiskWarning(AboutEmployer):
    """Opened when an employer's level rises. Someone at `responsible` must acknowledge it and
    record how it was handled; past `due_at` it escalates to the organisation above."""

    level = models.PositiveSmallIntegerField(_("风险等级"), choices=RiskLevel.choices)
    previous_level = models.PositiveSmallIntegerField(_("原等级"), choices=RiskLevel.choices)
    reasons = models.JSONField(_("触发规则"), default=list, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=WarningStatus.choices, default=WarningStatus.OPEN
    )
    responsible = models.ForeignKey(
        "core.Organisation", verbose_name=_("责任工会"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    opened_at = models.DateTimeField(_("预警时间"))
    due_at = models.DateTimeField(_("处置期限"))
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("签收人"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    acknowledged_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("处置人"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    handled_at = models.DateTimeField(_("处置时间"), null=True, blank=True)
    handling = models.TextField(_("处置情况"), blank=True)
    escalations = models.PositiveSmallIntegerField(_("升级次数"), default=0)

    objects = WarningQuerySet.as_manager()

    audit_fields = (
        "level", "previous_level", "status", "responsible", "due_at", "acknowledged_by",
        "handled_by", "handling", "escalations",
    )  # fmt: skip

    class Meta:
        verbose_name = _("风险预警")
        verbose_name_plural = _("风险预警")
        ordering = ["-opened_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="warning_status_due"),
            models.Index(fields=["opened_at"], name="warning_opened"),
        ]

    def __str__(self) -> str:
        return f"{self.employer} {self.get_level_display()}预警"


class WarningEscalation(models.Model):
    """One step up the tree of an unhandled warning."""

    warning = models.ForeignKey(RiskWarning, on_delete=models.CASCADE, related_name="steps")
    from_org = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    to_org = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("预警升级记录")
        verbose_name_plural = _("预警升级记录")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.warning_id}: {self.from_org_id} -> {self.to_org_id}"
