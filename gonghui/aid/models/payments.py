"""Aid payments: a ledger, never a balance.

Each row is money out (positive) or the reversal of a failed transfer (negative, pointing at the
row it reverses). What an application has been paid and what a programme has spent are sums of
rows, taken under a lock on the programme (gonghui.aid.payments), so no amount is exceeded
whatever arrives at once. A row with an idempotency key is written once for that key.

Rows paid by bank transfer sit in a batch: the batch exports the bank's transfer list and is
marked paid when the bank's return comes back; failed lines are reversed then.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import BatchStatus
from gonghui.aid.models.common import money_field
from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow
from gonghui.core.scoping import ScopedQuerySet


class PaymentBatchQuerySet(ScopedQuerySet):
    scope_lookups = ("programme__organisation__path",)


class PaymentBatch(models.Model):
    programme = link("aid.Programme", _("救助项目"), related_name="batches")
    status = models.CharField(
        _("状态"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.OPEN
    )
    created_by = link(settings.AUTH_USER_MODEL, _("制单人"), related_name="+")
    created_at = models.DateTimeField(_("制单时间"), auto_now_add=True)
    exported_at = models.DateTimeField(_("导出时间"), null=True, blank=True)
    settled_on = models.DateField(_("银行回单日期"), null=True, blank=True)
    settled_by = link(settings.AUTH_USER_MODEL, _("回单登记人"), optional=True, related_name="+")
    bank_reference = models.CharField(_("银行回单号"), max_length=50, blank=True)

    objects = PaymentBatchQuerySet.as_manager()

    audit_fields = ("programme", "status", "exported_at", "settled_on", "bank_reference")

    class Meta:
        verbose_name = _("发放批次")
        verbose_name_plural = _("发放批次")

    def __str__(self) -> str:
        return f"{self.programme} 第{self.pk}批"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:batch_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.programme.organisation.path


class PaymentQuerySet(ScopedQuerySet):
    # The applicant's union and everything above it (the county that pays sees its payments).
    scope_lookups = ("application__union__path",)

    def paid(self):
        """Rows that are money the worker has received: direct payments and reversals, and
        lines of batches the bank has returned as paid."""
        return self.filter(Q(batch__isnull=True) | Q(batch__status=BatchStatus.SETTLED))


class Payment(LedgerRow):
    programme = link("aid.Programme", _("救助项目"), related_name="payments")
    application = link("aid.AidApplication", _("救助申请"), related_name="payments")
    amount = money_field(_("金额（元）"))
    batch = link(PaymentBatch, _("发放批次"), optional=True, related_name="payments")
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("冲正的发放"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversal",
    )
    booked_on = models.DateField(_("记账日期"), default=timezone.localdate)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = link(settings.AUTH_USER_MODEL, _("经办人"), related_name="+")
    created_at = models.DateTimeField(_("记账时间"), auto_now_add=True)

    ledger_parent = "application"

    objects = PaymentQuerySet.as_manager()

    audit_fields = ("programme", "application", "amount", "batch", "reverses", "booked_on", "note")

    class Meta:
        verbose_name = _("救助发放")
        verbose_name_plural = _("救助发放")
        constraints = [
            # Money out is positive; only a reversal is negative.
            models.CheckConstraint(
                condition=Q(amount__gt=0, reverses__isnull=True)
                | Q(amount__lt=0, reverses__isnull=False),
                name="payment_sign_matches_kind",
            )
        ]
        indexes = [
            models.Index(fields=["programme", "booked_on"], name="payment_programme_booked"),
            models.Index(fields=["booked_on"], name="payment_booked"),
        ]

    def __str__(self) -> str:
        return f"{self.application.member.name} {self.amount} 元"

    @property
    def audit_org_path(self) -> str:
        return self.application.union.path

    @property
    def is_paid(self) -> bool:
        return self.batch_id is None or self.batch.status == BatchStatus.SETTLED
