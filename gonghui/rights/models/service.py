"""Service points and duty rota (坐班接访): the legal-aid centre and its outposts, which lawyer sits
where on which day, the visits and consultations logged there, and outreach events (普法宣传)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.rights.choices import (
    CaseKind,
    DutySession,
    OutreachKind,
    PointKind,
    ReceptionKind,
    ReceptionOutcome,
)
from gonghui.rights.models.common import OrgOwned, OrgScopedQuerySet


class ServicePoint(OrgOwned):
    name = models.CharField(_("服务点名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=12, choices=PointKind.choices)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    hours = models.CharField(_("接待时间"), max_length=100, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    audit_fields = ("name", "kind", "address", "phone", "hours", "is_active")

    class Meta:
        verbose_name = _("维权服务点")
        verbose_name_plural = _("维权服务点")
        ordering = ["organisation__path", "name"]

    def __str__(self) -> str:
        return self.name


class PointChildQuerySet(OrgScopedQuerySet):
    scope_lookups = ("point__organisation__path",)

    def own_rows(self, user):
        # A lawyer sees their own duty days and what they logged.
        return Q(counsel__user=user)


class DutySlot(models.Model):
    """One lawyer on duty at one point on one day (or half-day)."""

    point = models.ForeignKey(ServicePoint, on_delete=models.CASCADE, related_name="duty_slots")
    date = models.DateField(_("日期"))
    session = models.CharField(
        _("时段"), max_length=3, choices=DutySession.choices, default=DutySession.DAY
    )
    counsel = models.ForeignKey(
        "rights.Counsel", verbose_name=_("值班律师"), on_delete=models.PROTECT,
        related_name="duty_slots",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PointChildQuerySet.as_manager()

    audit_fields = ("point", "date", "session", "counsel")

    class Meta:
        verbose_name = _("值班安排")
        verbose_name_plural = _("值班安排")
        ordering = ["date", "point", "session"]
        constraints = [
            models.UniqueConstraint(
                fields=["point", "date", "session", "counsel"], name="duty_slot_once"
            )
        ]
        indexes = [models.Index(fields=["point", "date"], name="duty_point_date")]

    def __str__(self) -> str:
        return f"{self.point} {self.date} {self.get_session_display()} {self.counsel.name}"

    @property
    def audit_org_path(self) -> str:
        return self.point.organisation.path


class Reception(models.Model):
    """Visits (来访) or consultations (咨询) received at a point on a day, counted by topic."""

    point = models.ForeignKey(ServicePoint, on_delete=models.PROTECT, related_name="receptions")
    date = models.DateField(_("日期"))
    kind = models.CharField(_("类别"), max_length=12, choices=ReceptionKind.choices)
    topic = models.CharField(_("事项"), max_length=20, choices=CaseKind.choices)
    count = models.PositiveIntegerField(_("人次"), default=1)
    note = models.CharField(_("摘要"), max_length=500, blank=True)
    outcome = models.CharField(
        _("处理结果"), max_length=10, choices=ReceptionOutcome.choices,
        default=ReceptionOutcome.ADVICE,
    )  # fmt: skip
    referred_to = models.CharField(_("引导至"), max_length=100, blank=True)
    case = models.ForeignKey(
        "rights.Case", verbose_name=_("转立案件"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="receptions",
    )  # fmt: skip
    counsel = link("rights.Counsel", _("接待律师"), optional=True, related_name="receptions")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PointChildQuerySet.as_manager()

    audit_fields = (
        "point", "date", "kind", "topic", "count", "note", "outcome", "referred_to", "case",
        "counsel",
    )  # fmt: skip

    class Meta:
        verbose_name = _("接访咨询登记")
        verbose_name_plural = _("接访咨询登记")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date", "kind"], name="reception_date_kind")]
        constraints = [models.CheckConstraint(condition=Q(count__gte=1), name="reception_count")]

    def __str__(self) -> str:
        return f"{self.point} {self.date} {self.get_kind_display()} {self.count}"

    @property
    def audit_org_path(self) -> str:
        return self.point.organisation.path


class Outreach(OrgOwned):
    """A lecture, a campaign to employers or a handbook distribution: counted events."""

    kind = models.CharField(_("类型"), max_length=10, choices=OutreachKind.choices)
    title = models.CharField(_("主题"), max_length=200)
    date = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    employers_reached = models.PositiveIntegerField(_("覆盖企业数"), default=0)
    attendees = models.PositiveIntegerField(_("参加人数"), default=0)
    handbooks = models.PositiveIntegerField(_("发放手册份数"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    audit_fields = (
        "kind", "title", "date", "place", "employers_reached", "attendees", "handbooks",
    )  # fmt: skip

    class Meta:
        verbose_name = _("普法宣传活动")
        verbose_name_plural = _("普法宣传活动")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date"], name="outreach_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"
