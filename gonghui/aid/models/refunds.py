"""Union-fee refunds to small and micro employers (小微企业工会经费返还): the yearly policy
(eligibility by headcount, share refunded), an employer's application, its approval, and the
refund paid as a ledger."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import RefundStatus
from gonghui.aid.models.common import OfferedQuerySet, OrgOwned, UnionScopedQuerySet, money_field
from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow


class RefundPolicy(OrgOwned):
    year = models.PositiveSmallIntegerField(_("年度"))
    max_headcount = models.PositiveIntegerField(
        _("职工人数上限"), default=25, help_text=_("职工人数不超过此数的单位可申请")
    )
    refund_share = models.DecimalField(
        _("返还比例"), max_digits=4, decimal_places=2, default=Decimal("1.00"),
        help_text=_("返还已缴工会经费的比例，如 1.00 为全额返还"),
    )  # fmt: skip
    opens_on = models.DateField(_("受理开始日期"))
    closes_on = models.DateField(_("受理截止日期"))

    objects = OfferedQuerySet.as_manager()

    audit_fields = (
        "organisation",
        "year",
        "max_headcount",
        "refund_share",
        "opens_on",
        "closes_on",
    )

    class Meta:
        verbose_name = _("经费返还政策")
        verbose_name_plural = _("经费返还政策")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="refund_policy_year"),
            models.CheckConstraint(
                condition=Q(refund_share__gt=0, refund_share__lte=1), name="refund_share_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年小微企业工会经费返还"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:refund_policy_detail", args=[self.pk])


class FeeRefund(models.Model):
    policy = models.ForeignKey(
        RefundPolicy, verbose_name=_("返还政策"), on_delete=models.PROTECT, related_name="refunds"
    )
    employer = link("registry.Employer", _("单位"), related_name="fee_refunds")
    # The employer's covering union at the time of application (scoping, figures).
    union = models.ForeignKey(
        "core.Organisation", verbose_name=_("单位工会"), on_delete=models.PROTECT, related_name="+"
    )
    headcount = models.PositiveIntegerField(_("申请时职工人数"))
    fees_paid = money_field(_("已缴工会经费（元）"))
    amount_requested = money_field(_("申请返还（元）"))
    amount_approved = money_field(_("批准返还（元）"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    refusal_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    submitted_by = link(settings.AUTH_USER_MODEL, _("提交人"), related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = (
        "policy",
        "employer",
        "union",
        "headcount",
        "fees_paid",
        "amount_requested",
        "amount_approved",
        "status",
        "refusal_reason",
    )

    class Meta:
        verbose_name = _("经费返还申请")
        verbose_name_plural = _("经费返还申请")
        constraints = [
            # One live refund per employer per policy year.
            models.UniqueConstraint(
                fields=["policy", "employer"],
                condition=Q(status__in=["pending", "approved"]),
                name="one_live_refund_per_employer_year",
            ),
            models.CheckConstraint(condition=Q(fees_paid__gt=0), name="refund_fees_positive"),
            models.CheckConstraint(
                condition=Q(amount_requested__gt=0), name="refund_requested_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer}：{self.policy}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:refund_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path


class RefundPaymentQuerySet(UnionScopedQuerySet):
    scope_lookups = ("refund__union__path",)


class RefundPayment(LedgerRow):
    refund = models.ForeignKey(
        FeeRefund, verbose_name=_("经费返还申请"), on_delete=models.PROTECT, related_name="payments"
    )
    amount = money_field(_("返还金额（元）"))
    paid_on = models.DateField(_("返还日期"), default=timezone.localdate)

    ledger_parent = "refund"

    objects = RefundPaymentQuerySet.as_manager()

    audit_fields = ("refund", "amount", "paid_on")

    class Meta:
        verbose_name = _("经费返还发放")
        verbose_name_plural = _("经费返还发放")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_payment_positive")
        ]
        indexes = [models.Index(fields=["paid_on"], name="refund_payment_paid_on")]
