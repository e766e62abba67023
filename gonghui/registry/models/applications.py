"""Applications (码上办): a worker's request to join a union or to move to another one.

An application is the record of what was asked, by whom, and what the union decided. Approving it
writes the membership (a new spell in `Member`); the application keeps a link to that spell.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import EncryptedTextField, link
from gonghui.core.models import Organisation
from gonghui.core.scoping import ScopedQuerySet
from gonghui.registry.choices import (
    ApplicationChannel,
    ApplicationKind,
    ApplicationStatus,
    EmploymentForm,
)
from gonghui.registry.models.personal import PersonalNumbers

# An application left pending longer than this is flagged to the organisation above the union.
HANDLING_DAYS = 15


class ApplicationQuerySet(ScopedQuerySet):
    # The receiving union and everything above it; for a transfer, the union it leaves as well.
    scope_lookups = ("union__path", "from_union__path")

    def pending(self):
        return self.filter(status=ApplicationStatus.PENDING)

    def overdue(self, today: datetime.date | None = None):
        """Pending and submitted more than HANDLING_DAYS days before `today`."""
        today = today or timezone.localdate()
        return self.pending().filter(submitted_on__lt=today - datetime.timedelta(HANDLING_DAYS))


class Application(PersonalNumbers, models.Model):
    phone_required = True  # a join is applied for with a verified mobile number

    kind = models.CharField(_("申请类型"), max_length=10, choices=ApplicationKind.choices)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    channel = models.CharField(_("提交渠道"), max_length=10, choices=ApplicationChannel.choices)
    union = link(Organisation, _("申请加入的工会"), related_name="applications")
    # Transfers only: the spell being moved and the union it leaves (kept even if the spell is
    # later changed, so the leaving union keeps seeing what it released).
    member = link(
        "registry.Member", _("原会籍"), optional=True, related_name="transfer_applications"
    )
    from_union = link(Organisation, _("转出工会"), optional=True, related_name="transfers_out")
    name = models.CharField(_("姓名"), max_length=50)
    id_number = EncryptedTextField(_("公民身份号码"))
    id_hash = models.CharField(max_length=64, editable=False)
    id_masked = models.CharField(_("公民身份号码"), max_length=18, editable=False)
    phone = EncryptedTextField(_("手机号码"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_masked = models.CharField(_("手机号码"), max_length=11, blank=True, editable=False)
    employer = link("registry.Employer", _("工作单位"), optional=True, related_name="applications")
    employment_form = models.CharField(
        _("就业形态"),
        max_length=16,
        choices=EmploymentForm.choices,
        default=EmploymentForm.STANDARD,
    )
    is_migrant_worker = models.BooleanField(_("是否农民工"), default=False)
    note = models.CharField(_("申请说明"), max_length=200, blank=True)
    # The wording the worker agreed to is versioned; the version and the time are kept.
    consent_version = models.CharField(_("个人信息处理同意书版本"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("同意时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("工会经办人代为发起时填写；职工本人提交时为空"),
    )
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    submitted_on = models.DateField(_("提交日期"), default=timezone.localdate)
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    # Where the reviewer holds their role: the union itself, or one above it deciding on its
    # behalf (代为审核).
    decided_as = link(Organisation, _("审核人所在工会"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    result = models.OneToOneField(
        "registry.Member",
        verbose_name=_("形成的会籍"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="application",
    )

    objects = ApplicationQuerySet.as_manager()

    audit_fields = (
        "kind",
        "status",
        "union",
        "from_union",
        "name",
        "id_masked",
        "phone_masked",
        "employer",
        "employment_form",
        "is_migrant_worker",
        "consent_version",
        "reason",
        "decided_as",
    )

    class Meta:
        verbose_name = _("入会/转会申请")
        verbose_name_plural = _("入会/转会申请")
        constraints = [
            # One open application per person at a time: a second would race the first.
            models.UniqueConstraint(
                fields=["id_hash"],
                condition=Q(status="pending"),
                name="one_pending_application_per_id",
            )
        ]
        indexes = [
            models.Index(fields=["union", "status", "submitted_on"], name="application_queue"),
            models.Index(fields=["from_union", "status"], name="application_from"),
            models.Index(fields=["status", "submitted_on"], name="application_status"),
            models.Index(fields=["phone_hash"], name="application_phone"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.name}（{self.union}）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:application_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path

    @property
    def is_pending(self) -> bool:
        return self.status == ApplicationStatus.PENDING

    @property
    def on_behalf(self) -> bool:
        """Decided by an organisation above the union, for it (代为审核)."""
        return self.decided_as_id is not None and self.decided_as_id != self.union_id

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(HANDLING_DAYS)
        return self.is_pending and self.submitted_on < limit
