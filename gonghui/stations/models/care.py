"""Keeping a station safe (三级管理): video watch checks during unattended hours, incidents and
their timed steps with escalation, the county's inspections with findings to fix, and workers'
feedback answered by the keeper."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.stations.choices import (
    CheckItem,
    IncidentKind,
    IncidentLevel,
    IncidentSource,
    IncidentStatus,
)
from gonghui.stations.models.common import FindingQuerySet, StationChildQuerySet


class StationChild(models.Model):
    station = models.ForeignKey("stations.Station", on_delete=models.PROTECT, related_name="+")

    objects = StationChildQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.station.union.path


class WatchCheck(StationChild):
    """One look at the station's video while it is unattended (视频巡查)."""

    checked_at = models.DateTimeField(_("巡查时间"))
    checked_by = link(settings.AUTH_USER_MODEL, _("巡查人"), related_name="+")
    seen = models.CharField(_("所见情况"), max_length=300)
    all_well = models.BooleanField(_("情况正常"), default=True)

    audit_fields = ("station", "checked_at", "checked_by", "seen", "all_well")

    class Meta:
        verbose_name = _("视频巡查")
        verbose_name_plural = _("视频巡查")
        ordering = ["-checked_at"]
        indexes = [models.Index(fields=["station", "checked_at"], name="watch_station_at")]

    def __str__(self) -> str:
        return f"{self.station} {self.checked_at:%Y-%m-%d %H:%M}"


class Incident(StationChild):
    """An incident at a station (突发事件): received, responded, closed, each timed; unanswered it
    rises to the safety officer and then the county (gonghui.stations.care.incidents)."""

    number = models.CharField(_("编号"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("类别"), max_length=10, choices=IncidentKind.choices)
    source = models.CharField(_("来源"), max_length=10, choices=IncidentSource.choices)
    description = models.CharField(_("情况"), max_length=500)
    caller = models.CharField(_("报告人"), max_length=50, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=IncidentStatus.choices, default=IncidentStatus.RECEIVED
    )
    level = models.CharField(
        _("当前处置层级"), max_length=8, choices=IncidentLevel.choices,
        default=IncidentLevel.STATION,
    )  # fmt: skip
    received_at = models.DateTimeField(_("接报时间"))
    responded_at = models.DateTimeField(_("响应时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("最近升级时间"), null=True, blank=True)
    received_by = link(settings.AUTH_USER_MODEL, _("接报人"), optional=True, related_name="+")

    audit_fields = ("station", "kind", "source", "description", "status", "level")

    class Meta:
        verbose_name = _("突发事件")
        verbose_name_plural = _("突发事件")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"], name="incident_open_at")]

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("stations:incident_detail", args=[self.pk])

    @property
    def response_minutes(self) -> float | None:
        if self.responded_at is None:
            return None
        return (self.responded_at - self.received_at).total_seconds() / 60


class IncidentStep(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="steps")
    at = models.DateTimeField(_("时间"))
    action = models.CharField(_("环节"), max_length=20)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    by = link(settings.AUTH_USER_MODEL, _("办理人"), optional=True, related_name="+")

    class Meta:
        verbose_name = _("事件处置步骤")
        verbose_name_plural = _("事件处置步骤")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Inspection(StationChild):
    """A county inspection (县级检查) against the checklist: each item passed or not."""

    inspected_on = models.DateField(_("检查日期"))
    inspector = link(settings.AUTH_USER_MODEL, _("检查人"), related_name="+")
    failed_items = models.CharField(_("不合格项"), max_length=100, blank=True)  # CheckItem codes
    note = models.CharField(_("检查意见"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_fields = ("station", "inspected_on", "inspector", "failed_items", "note")

    class Meta:
        verbose_name = _("驿站检查")
        verbose_name_plural = _("驿站检查")
        ordering = ["-inspected_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.station} {self.inspected_on}"

    def get_absolute_url(self) -> str:
        return reverse("stations:inspection_detail", args=[self.pk])

    @property
    def failed_labels(self) -> list[str]:
        labels = dict(CheckItem.choices)
        return [str(labels[c]) for c in self.failed_items.split(",") if c in labels]


class Finding(models.Model):
    """A problem an inspection found, to be fixed by the keeper before `fix_by`."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    item = models.CharField(_("检查项"), max_length=12, choices=CheckItem.choices)
    description = models.CharField(_("问题"), max_length=300)
    fix_by = models.DateField(_("整改期限"))
    fixed_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    fix_note = models.CharField(_("整改情况"), max_length=300, blank=True)
    fixed_by = link(settings.AUTH_USER_MODEL, _("整改人"), optional=True, related_name="+")

    objects = FindingQuerySet.as_manager()

    audit_fields = ("item", "description", "fix_by", "fixed_on", "fix_note")

    class Meta:
        verbose_name = _("检查发现问题")
        verbose_name_plural = _("检查发现问题")
        ordering = ["fix_by", "pk"]

    def __str__(self) -> str:
        return f"{self.get_item_display()}：{self.description}"

    @property
    def audit_org_path(self) -> str:
        return self.inspection.station.union.path


class Feedback(StationChild):
    """A worker's rating (1–5) and comment, answered by the keeper within the set hours."""

    rating = models.PositiveSmallIntegerField(_("评分"))
    comment = models.CharField(_("意见"), max_length=500, blank=True)
    person_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("提交时间"))
    answer = models.CharField(_("答复"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = link(settings.AUTH_USER_MODEL, _("答复人"), optional=True, related_name="+")

    audit_fields = ("station", "rating", "comment", "answer")

    class Meta:
        verbose_name = _("职工评价")
        verbose_name_plural = _("职工评价")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.station} {self.rating}★"
