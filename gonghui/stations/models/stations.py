"""Stations (户外劳动者服务驿站) and their opening hours: a weekly pattern of staffed and
unattended windows and dated exceptions. What "open now" means is computed in
gonghui.stations.stations.hours from these rows."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.stations.choices import (
    Datum,
    ExceptionKind,
    Facility,
    StationKind,
    StationStatus,
    WindowMode,
)
from gonghui.stations.models.common import StationChildQuerySet, StationQuerySet

WEEKDAYS = [
    (0, _("周一")), (1, _("周二")), (2, _("周三")), (3, _("周四")), (4, _("周五")),
    (5, _("周六")), (6, _("周日")),
]  # fmt: skip


class Station(models.Model):
    name = models.CharField(_("驿站名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=10, choices=StationKind.choices)
    partner = models.CharField(
        _("共建单位"), max_length=100, blank=True, help_text=_("银行网点、商铺、加油站等")
    )
    union = link("core.Organisation", _("责任工会"), related_name="+")
    address = models.CharField(_("地址"), max_length=200)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(
        _("经度"), max_digits=10, decimal_places=6, null=True, blank=True
    )
    datum = models.CharField(
        _("坐标系"), max_length=6, choices=Datum.choices, default=Datum.WGS84,
        help_text=_("坐标取自哪种地图：手机定位为 WGS-84，高德/腾讯为 GCJ-02，百度为 BD-09"),
    )  # fmt: skip
    facilities = models.CharField(_("设施"), max_length=200, blank=True)  # codes, comma-joined
    keepers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("站长"), blank=True, related_name="kept_stations"
    )
    safety_officer = link(
        settings.AUTH_USER_MODEL, _("安全员"), optional=True, related_name="watched_stations"
    )
    hotline = models.CharField(_("24小时热线"), max_length=30, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=StationStatus.choices, default=StationStatus.OPEN
    )
    hours_confirmed_at = models.DateTimeField(_("开放时间确认于"), null=True, blank=True)
    hours_confirmed_by = link(
        settings.AUTH_USER_MODEL, _("确认人"), optional=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StationQuerySet.as_manager()

    audit_fields = (
        "name", "kind", "partner", "union", "address", "latitude", "longitude", "datum",
        "facilities", "safety_officer", "hotline", "status",
    )  # fmt: skip
    audit_value_choices = {"facilities": Facility}  # codes, comma-joined

    class Meta:
        verbose_name = _("驿站")
        verbose_name_plural = _("驿站")
        ordering = ["union__path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["union", "name"], name="station_name_per_union")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stations:station_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path

    @property
    def facility_codes(self) -> list[str]:
        return [c for c in self.facilities.split(",") if c]

    @property
    def facility_labels(self) -> list[str]:
        labels = dict(Facility.choices)
        return [str(labels[c]) for c in self.facility_codes if c in labels]


class WeeklyWindow(models.Model):
    """One window of the weekly pattern: from `starts` to `ends` on `weekday`; an end at or
    before the start runs past midnight into the next day (00:00–00:00 is the whole day)."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="windows")
    weekday = models.PositiveSmallIntegerField(_("星期"), choices=WEEKDAYS)
    starts = models.TimeField(_("开始"))
    ends = models.TimeField(_("结束"))
    mode = models.CharField(_("方式"), max_length=10, choices=WindowMode.choices)

    objects = StationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("每周开放时段")
        verbose_name_plural = _("每周开放时段")
        ordering = ["weekday", "starts"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    @property
    def audit_org_path(self) -> str:
        return self.station.union.path


class HoursException(models.Model):
    """A date that differs from the weekly pattern: closed all day, or an extra window."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("日期"))
    kind = models.CharField(_("类别"), max_length=6, choices=ExceptionKind.choices)
    starts = models.TimeField(_("开始"), null=True, blank=True)
    ends = models.TimeField(_("结束"), null=True, blank=True)
    mode = models.CharField(
        _("方式"), max_length=10, choices=WindowMode.choices, default=WindowMode.STAFFED
    )
    reason = models.CharField(_("原因"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("开放时间例外")
        verbose_name_plural = _("开放时间例外")
        ordering = ["date", "starts"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}（{self.reason}）"

    @property
    def audit_org_path(self) -> str:
        return self.station.union.path
