"""Supplementary medical mutual aid (职工医疗互助): a yearly plan, members enrolled in it (in bulk,
by union), their claims, and the claim payments as a ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.models.common import (
    OfferedQuerySet,
    OrgOwned,
    UnionOwned,
    UnionScopedQuerySet,
    money_field,
)
from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow


class InsurancePlan(OrgOwned):
    name = models.CharField(_("保障计划"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年度"))
    starts_on = models.DateField(_("保障开始日期"))
    ends_on = models.DateField(_("保障结束日期"))
    premium = money_field(_("每人保费（元）"))
    # Paid by the union, free to the member (免费赠送补充住院医疗保险) unless noted.
    insurer = models.CharField(_("承保机构"), max_length=100, blank=True)
    max_claim = money_field(_("每人年度赔付上限（元）"))

    objects = OfferedQuerySet.as_manager()

    audit_fields = ("organisation", "name", "year", "starts_on", "ends_on", "premium", "max_claim")

    class Meta:
        verbose_name = _("医疗互助保障计划")
        verbose_name_plural = _("医疗互助保障计划")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="insurance_plan_dates"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:plan_detail", args=[self.pk])


class EnrolmentQuerySet(UnionScopedQuerySet):
    def covering(self, day):
        return self.filter(plan__starts_on__lte=day, plan__ends_on__gte=day)


class Enrolment(UnionOwned):
    plan = link(InsurancePlan, _("保障计划"), related_name="enrolments")
    member = link("registry.Member", _("参保会员"), related_name="enrolments")
    enrolled_on = models.DateField(_("参保日期"), default=timezone.localdate)
    enrolled_by = link(settings.AUTH_USER_MODEL, _("经办人"), optional=True, related_name="+")

    objects = EnrolmentQuerySet.as_manager()

    audit_fields = ("plan", "member", "union", "enrolled_on")

    class Meta:
        verbose_name = _("参保记录")
        verbose_name_plural = _("参保记录")
        constraints = [
            models.UniqueConstraint(fields=["plan", "member"], name="enrolment_once_per_plan")
        ]
        indexes = [models.Index(fields=["plan", "union"], name="enrolment_plan_union")]

    def __str__(self) -> str:
        return f"{self.member.name}：{self.plan}"


class Claim(UnionOwned):
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("参保记录"), on_delete=models.PROTECT, related_name="claims"
    )
    admitted_on = models.DateField(_("入院日期"))
    discharged_on = models.DateField(_("出院日期"), null=True, blank=True)
    hospital = models.CharField(_("医院"), max_length=100)
    expenses = money_field(_("住院费用（元）"))
    amount_claimed = money_field(_("申请赔付（元）"))
    amount_approved = money_field(_("核定赔付（元）"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    refusal_reason = models.CharField(_("拒赔原因"), max_length=200, blank=True)
    submitted_by = link(settings.AUTH_USER_MODEL, _("提交人"), related_name="+")
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = (
        "enrolment",
        "admitted_on",
        "discharged_on",
        "hospital",
        "expenses",
        "amount_claimed",
        "amount_approved",
        "status",
        "refusal_reason",
    )

    class Meta:
        verbose_name = _("互助理赔")
        verbose_name_plural = _("互助理赔")
        constraints = [
            models.CheckConstraint(condition=Q(amount_claimed__gt=0), name="claim_amount_positive"),
            models.CheckConstraint(
                condition=Q(amount_approved__isnull=True) | Q(amount_approved__gt=0),
                name="claim_approved_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.member.name} {self.hospital} {self.admitted_on}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:claim_detail", args=[self.pk])


class ClaimPaymentQuerySet(UnionScopedQuerySet):
    scope_lookups = ("claim__union__path",)


class ClaimPayment(LedgerRow):
    """A claim paid (a ledger row); never more than the approved amount, once per key."""

    claim = models.ForeignKey(
        Claim, verbose_name=_("互助理赔"), on_delete=models.PROTECT, related_name="payments"
    )
    amount = money_field(_("赔付金额（元）"))
    paid_on = models.DateField(_("赔付日期"), default=timezone.localdate)

    ledger_parent = "claim"

    objects = ClaimPaymentQuerySet.as_manager()

    audit_fields = ("claim", "amount", "paid_on")

    class Meta:
        verbose_name = _("理赔发放")
        verbose_name_plural = _("理赔发放")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="claim_payment_positive")
        ]
        indexes = [models.Index(fields=["paid_on"], name="claim_payment_paid_on")]
