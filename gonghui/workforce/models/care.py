"""Honourees' files (劳模档案) and their care (津贴, 体检, 疗休养, 走访, 困难帮扶).

One file per person (found by the keyed hash of the ID number, so it outlives membership spells);
its union is where it is kept and scoped. The yearly allowance is a ledger (core.ledgers);
care records are dated rows the due lists read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow
from gonghui.core.money import money_field
from gonghui.workforce.choices import CareKind, HonoureeStatus
from gonghui.workforce.models.common import InUnion, UnionScopedQuerySet


class Honouree(InUnion):
    member = link("registry.Member", _("会员记录"), optional=True, related_name="+")
    id_hash = models.CharField(max_length=64, editable=False, unique=True)
    id_masked = models.CharField(_("公民身份号码"), max_length=18, editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    gender = models.CharField(_("性别"), max_length=1, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    employer = link("registry.Employer", _("工作单位"), optional=True, related_name="+")
    job_title = models.CharField(_("职务/岗位"), max_length=100, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=HonoureeStatus.choices, default=HonoureeStatus.WORKING
    )
    retired_on = models.DateField(_("退休日期"), null=True, blank=True)
    died_on = models.DateField(_("去世日期"), null=True, blank=True)
    in_hardship = models.BooleanField(_("困难劳模"), default=False)
    hardship_note = models.CharField(_("困难情况"), max_length=200, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = (
        "name", "id_masked", "union", "employer", "job_title", "status", "retired_on",
        "died_on", "in_hardship", "hardship_note",
    )  # fmt: skip

    class Meta:
        verbose_name = _("劳模档案")
        verbose_name_plural = _("劳模档案")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:honouree_detail", args=[self.pk])


class AllowancePayment(LedgerRow):
    """The yearly allowance (劳模津贴) paid to an honouree: once per year, never edited."""

    honouree = link(Honouree, _("劳模"), related_name="allowances")
    year = models.PositiveSmallIntegerField(_("年度"))
    amount = money_field(_("金额（元）"))
    paid_on = models.DateField(_("发放日期"))

    ledger_parent = "honouree"
    audit_fields = ("honouree", "year", "amount", "paid_on")

    class Meta:
        verbose_name = _("劳模津贴")
        verbose_name_plural = _("劳模津贴")
        constraints = [
            models.UniqueConstraint(fields=["honouree", "year"], name="one_allowance_per_year"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="allowance_positive"),
        ]

    @property
    def audit_org_path(self) -> str:
        return self.honouree.union.path


class CareRecord(models.Model):
    honouree = link(Honouree, _("劳模"), related_name="care_records", on_delete=models.CASCADE)
    kind = models.CharField(_("类别"), max_length=12, choices=CareKind.choices)
    on = models.DateField(_("日期"))
    note = models.CharField(_("情况"), max_length=200, blank=True)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    audit_fields = ("kind", "on", "note")

    class Meta:
        verbose_name = _("关爱记录")
        verbose_name_plural = _("关爱记录")
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["honouree", "kind", "on"], name="care_record_lookup")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"

    @property
    def audit_org_path(self) -> str:
        return self.honouree.union.path
