"""Aid programmes (救助项目) and the applications to them, reviewed level by level.

A programme belongs to the organisation that runs it (usually the county federation) and has a
kind, a year, a budget, who may apply, a cap per applicant, a window, required documents, how
many levels review it and how long approved names are published (公示) before payment.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import AidStatus, Channel, Eligibility, StepStatus, eligibility_choices
from gonghui.aid.models.common import (
    OfferedQuerySet,
    OrgOwned,
    UnionOwned,
    UnionScopedQuerySet,
    money_field,
)
from gonghui.core.fields import EncryptedTextField, link


class ProgrammeKind(models.Model):
    """医疗救助, 生活救助, 金秋助学 … (seeded), and any kind a county adds."""

    code = models.SlugField(_("代码"), max_length=30, unique=True)
    name = models.CharField(_("名称"), max_length=30, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)
    builtin = models.BooleanField(_("系统内置"), default=False, editable=False)

    audit_fields = ("code", "name", "sort_order")
    audit_org_path = ""

    class Meta:
        verbose_name = _("救助项目类别")
        verbose_name_plural = _("救助项目类别")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class ProgrammeQuerySet(OfferedQuerySet):
    def open_on(self, day: datetime.date):
        return self.filter(opens_on__lte=day, closes_on__gte=day, is_active=True)


class Programme(OrgOwned):
    kind = models.ForeignKey(
        ProgrammeKind, verbose_name=_("项目类别"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("项目名称"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年度"))
    budget = money_field(_("预算（元）"))
    eligibility = models.CharField(
        _("申请对象"), max_length=10, choices=eligibility_choices, default=Eligibility.MEMBER
    )
    cap = money_field(_("每人救助上限（元）"))
    opens_on = models.DateField(_("申请开始日期"))
    closes_on = models.DateField(_("申请截止日期"))
    # One document name per line; each must be uploaded before an application is sent on.
    required_documents = models.TextField(_("所需材料"), blank=True, help_text=_("每行一项"))
    review_levels = models.PositiveSmallIntegerField(
        _("审核层级数"),
        default=1,
        help_text=_("从申请人所在工会的上级起逐级审核，最后一级为主办工会"),
    )
    notice_days = models.PositiveSmallIntegerField(_("公示天数"), default=5)
    description = models.TextField(_("项目说明"), blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = ProgrammeQuerySet.as_manager()

    audit_fields = (
        "organisation",
        "kind",
        "name",
        "year",
        "budget",
        "eligibility",
        "cap",
        "opens_on",
        "closes_on",
        "required_documents",
        "review_levels",
        "notice_days",
        "is_active",
    )

    class Meta:
        verbose_name = _("救助项目")
        verbose_name_plural = _("救助项目")
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__gte=0), name="programme_budget_not_negative"
            ),
            models.CheckConstraint(condition=Q(cap__gt=0), name="programme_cap_positive"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="programme_window_order"
            ),
            models.CheckConstraint(
                condition=Q(review_levels__gte=1), name="programme_review_levels_positive"
            ),
        ]
        indexes = [models.Index(fields=["year", "kind"], name="programme_year_kind")]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:programme_detail", args=[self.pk])

    @property
    def document_kinds(self) -> list[str]:
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.is_active and self.opens_on <= day <= self.closes_on


class AidApplicationQuerySet(UnionScopedQuerySet):
    def approved(self):
        return self.filter(status=AidStatus.APPROVED)

    def in_notice(self, today: datetime.date | None = None):
        """Approved and still within the public-notice period (公示期内)."""
        today = today or timezone.localdate()
        return self.approved().filter(approved_on__lte=today, notice_ends_on__gte=today)

    def payable(self, today: datetime.date | None = None):
        """Approved and past the public notice."""
        today = today or timezone.localdate()
        return self.approved().filter(notice_ends_on__lt=today)


class AidApplication(UnionOwned):
    programme = models.ForeignKey(
        Programme, verbose_name=_("救助项目"), on_delete=models.PROTECT, related_name="applications"
    )
    member = link("registry.Member", _("申请人"), related_name="aid_applications")
    # The household's file when the programme is for filed households (checked at submission).
    hardship_file = link(
        "aid.HardshipFile", _("困难职工档案"), optional=True, related_name="applications"
    )
    channel = models.CharField(_("提交渠道"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("状态"), max_length=16, choices=AidStatus.choices, default=AidStatus.REVIEWING
    )
    amount_requested = money_field(_("申请金额（元）"))
    amount_approved = money_field(_("批准金额（元）"), null=True, blank=True)
    reason_text = models.TextField(_("申请理由"), blank=True)
    # For study grants: the child and the school (金秋助学/求学圆梦); free text elsewhere.
    beneficiary = models.CharField(_("受助人（如子女姓名、学校）"), max_length=100, blank=True)
    refusal_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    # Where the money goes (the bank's transfer list). The account is encrypted; pages show the
    # masked form and only the audited transfer-list export holds it in clear.
    payee_name = models.CharField(_("收款人"), max_length=50, blank=True)
    bank_name = models.CharField(_("开户银行"), max_length=100, blank=True)
    bank_account = EncryptedTextField(_("银行账号"), blank=True)
    bank_account_masked = models.CharField(_("银行账号"), max_length=30, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("职工本人在职工端申请时为空"),
    )
    # Whoever sent it to review (the grassroots clerk); never one of its reviewers.
    submitted_by = link(settings.AUTH_USER_MODEL, _("提交人"), optional=True, related_name="+")
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    approved_on = models.DateField(_("批准日期"), null=True, blank=True)
    notice_ends_on = models.DateField(_("公示截止日期"), null=True, blank=True)
    decided_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    objects = AidApplicationQuerySet.as_manager()

    audit_fields = (
        "programme",
        "member",
        "union",
        "hardship_file",
        "channel",
        "status",
        "amount_requested",
        "amount_approved",
        "beneficiary",
        "refusal_reason",
        "payee_name",
        "bank_name",
        "bank_account_masked",
        "approved_on",
        "notice_ends_on",
    )

    class Meta:
        verbose_name = _("救助申请")
        verbose_name_plural = _("救助申请")
        constraints = [
            # One live application per member per programme; a refused or withdrawn one may be
            # followed by a new one.
            models.UniqueConstraint(
                fields=["programme", "member"],
                condition=Q(status__in=["awaiting_union", "reviewing", "approved"]),
                name="one_live_aid_application_per_programme",
            ),
            models.CheckConstraint(
                condition=Q(amount_requested__gt=0), name="aid_amount_requested_positive"
            ),
            models.CheckConstraint(
                condition=Q(amount_approved__isnull=True) | Q(amount_approved__gt=0),
                name="aid_amount_approved_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["union", "status"], name="aid_application_union_status"),
            models.Index(fields=["programme", "status"], name="aid_application_programme"),
            models.Index(fields=["status", "notice_ends_on"], name="aid_application_notice"),
        ]

    def __str__(self) -> str:
        return f"{self.member.name}：{self.programme}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:application_detail", args=[self.pk])

    def set_bank_account(self, value: str) -> None:
        """Digits only (spaces dropped); masked as 6222****1234."""
        digits = "".join((value or "").split())
        self.bank_account = digits
        self.bank_account_masked = f"{digits[:4]}****{digits[-4:]}" if digits else ""


class ReviewStep(models.Model):
    """One level of review: the organisation that decides it, in order from the bottom up."""

    application = models.ForeignKey(
        AidApplication, verbose_name=_("救助申请"), on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveSmallIntegerField(_("审核顺序"))
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("审核工会"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("结果"), max_length=10, choices=StepStatus.choices, default=StepStatus.WAITING
    )
    amount = money_field(_("核定金额（元）"), null=True, blank=True)
    comment = models.CharField(_("审核意见"), max_length=200, blank=True)
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    # Where the reviewer holds their role: this level's organisation, or one above it that
    # decided on its behalf (代为审核).
    decided_as = link("core.Organisation", _("审核人所在工会"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    audit_fields = ("order", "organisation", "status", "amount", "comment", "decided_as")

    class Meta:
        verbose_name = _("审核环节")
        verbose_name_plural = _("审核环节")
        ordering = ["application", "order"]
        constraints = [
            models.UniqueConstraint(fields=["application", "order"], name="review_step_order")
        ]

    def __str__(self) -> str:
        return f"第{self.order}级：{self.organisation}"

    @property
    def on_behalf(self) -> bool:
        """Decided by a higher level for this one (代为审核)."""
        return self.decided_as_id is not None and self.decided_as_id != self.organisation_id

    @property
    def audit_org_path(self) -> str:
        return self.application.union.path
