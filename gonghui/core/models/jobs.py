"""Background jobs (imports, exports, reports, periodic work): one row per job, written by
gonghui.core.jobs only. The row is what the pages read (progress, result, failure), whichever
engine of the task framework delivers the job."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.models.orgs import PREFIX_OPS
from gonghui.core.roles import Role
from gonghui.core.scoping import ScopedQuerySet


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


class JobQuerySet(ScopedQuerySet):
    # A job and the files it holds are its owner's; administrators whose subtree contains the
    # owner's organisation see them too, nobody else.
    scope_lookups = ("org_path",)
    scope_roles = frozenset({Role.ADMIN})

    def own_rows(self, user) -> Q:
        return Q(owner=user)

    def unfinished(self):
        return self.filter(status__in=UNFINISHED)


class Job(models.Model):
    kind = models.CharField(_("类型"), max_length=40)
    # Dotted path of the function that does the work: fn(job, **params) -> result dict.
    task = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The organisation path the job belongs to (the owner's scope when submitted).
    org_path = models.CharField(max_length=255, blank=True)
    # A follow-up (confirming an import) points at the job it continues.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="followups"
    )
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    stage = models.CharField(_("步骤"), max_length=50, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(_("错误"), blank=True)
    # host:pid:token of the process that runs (or queued) the job, to spot jobs left by a dead one.
    worker = models.CharField(max_length=120, blank=True)
    # The task framework's id of the latest delivery (a DBTaskResult's, an RQ job's), and how
    # many times a worker has started the job (a job whose worker died is queued once more).
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "kind", "-created_at"], name="job_owner_kind"),
            models.Index(fields=["status"], name="job_status"),
            models.Index(fields=["org_path"], name="job_org_path", opclasses=PREFIX_OPS),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status not in UNFINISHED

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0
