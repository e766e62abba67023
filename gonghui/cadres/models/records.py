"""A social worker's monthly records (月度工作纪实), their attachments, attendance (考勤) and
training entries (学习培训：课程、竞赛、考试).

A monthly record holds the figures Gonghui already has for the worker's union and month
(`figures`, prefilled by gonghui.cadres.records.prefill), what the worker did, and free text; once
submitted it is locked (gonghui.cadres.records.services refuses every change)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import RecordStatus, TrainingKind
from gonghui.cadres.models.common import FileOwned, FileQuerySet
from gonghui.core.models import StoredDocument
from gonghui.core.uploads import private_storage, random_name


class MonthlyRecord(FileOwned, models.Model):
    worker = models.ForeignKey(
        "cadres.SocialWorker", verbose_name=_("社工"), on_delete=models.PROTECT,
        related_name="monthly_records",
    )  # fmt: skip
    month = models.DateField(_("月份"), help_text=_("该月 1 日"))
    figures = models.JSONField(_("本月工作数据"), default=dict, blank=True)
    work_done = models.TextField(_("本月工作内容"))
    notes = models.TextField(_("其他说明"), blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=RecordStatus.choices, default=RecordStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FileQuerySet.as_manager()

    audit_fields = ("worker", "month", "work_done", "notes", "status")

    class Meta:
        verbose_name = _("月度工作纪实")
        verbose_name_plural = _("月度工作纪实")
        ordering = ["-month", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "month"], name="cadres_record_once")
        ]

    def __str__(self) -> str:
        return f"{self.worker.name} {self.month:%Y年%m月}"

    def get_absolute_url(self) -> str:
        return reverse("cadres:record_detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == RecordStatus.SUBMITTED


class RecordChildQuerySet(FileQuerySet):
    scope_lookups = ("record__worker__organisation__path",)

    def own_rows(self, user):
        return models.Q(record__worker__user=user)


def attachment_path(instance, filename: str) -> str:
    return random_name("cadres")


class RecordAttachment(StoredDocument):
    record = models.ForeignKey(MonthlyRecord, on_delete=models.CASCADE, related_name="attachments")
    upload = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)

    objects = RecordChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("纪实附件")
        verbose_name_plural = _("纪实附件")
        ordering = ["uploaded_at", "pk"]

    @property
    def audit_org_path(self) -> str:
        return self.record.worker.organisation.path


class Attendance(FileOwned, models.Model):
    """A month's attendance: days signed in, days of leave."""

    worker = models.ForeignKey(
        "cadres.SocialWorker", on_delete=models.PROTECT, related_name="attendance"
    )
    month = models.DateField(_("月份"))
    days_signed_in = models.PositiveSmallIntegerField(_("签到天数"))
    days_leave = models.PositiveSmallIntegerField(_("请假天数"), default=0)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FileQuerySet.as_manager()

    audit_fields = ("month", "days_signed_in", "days_leave", "note")

    class Meta:
        verbose_name = _("考勤")
        verbose_name_plural = _("考勤")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "month"], name="cadres_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.worker.name} {self.month:%Y年%m月}考勤"


class TrainingEntry(FileOwned, models.Model):
    """A course attended, a contest or an exam taken, with the hours it counts for."""

    worker = models.ForeignKey(
        "cadres.SocialWorker", on_delete=models.PROTECT, related_name="training"
    )
    kind = models.CharField(_("类别"), max_length=10, choices=TrainingKind.choices)
    title = models.CharField(_("名称"), max_length=200)
    date = models.DateField(_("日期"))
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1, default=0)
    result = models.CharField(_("成绩/结果"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FileQuerySet.as_manager()

    audit_fields = ("kind", "title", "date", "hours", "result")

    class Meta:
        verbose_name = _("学习培训")
        verbose_name_plural = _("学习培训")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.worker.name} {self.title}"
