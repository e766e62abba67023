"""Hardship files (困难职工建档立卡): a household on file, who lives in it, why it is in hardship,
and its yearly review. Entered by the grassroots union, reviewed by the level above."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import HardshipCause, HardshipLevel, HardshipStatus
from gonghui.aid.models.common import CENT, ZERO, UnionOwned, UnionScopedQuerySet, money_field
from gonghui.core.fields import link

# A file on record must be reviewed again within this many days of its last review (年度复核).
REVIEW_INTERVAL_DAYS = 365
# Statuses of a household that counts as on file (the hardship_households figure).
ON_FILE = (HardshipStatus.FILED,)


class HardshipFileQuerySet(UnionScopedQuerySet):
    def on_file(self):
        return self.filter(status__in=ON_FILE)

    def review_due(self, today: datetime.date | None = None):
        """On file and not reviewed within the interval (the due list)."""
        today = today or timezone.localdate()
        return self.on_file().filter(
            reviewed_on__lt=today - datetime.timedelta(REVIEW_INTERVAL_DAYS)
        )


class HardshipFile(UnionOwned):
    member = link("registry.Member", _("建档职工"), related_name="hardship_files")
    file_number = models.CharField(_("档案编号"), max_length=30, blank=True)
    level = models.CharField(
        _("建档级别"), max_length=12, choices=HardshipLevel.choices, default=HardshipLevel.COUNTY
    )
    # Codes of HardshipCause, comma-separated (a household often has several causes).
    causes = models.CharField(_("致困原因"), max_length=100)
    cause_note = models.CharField(_("困难情况说明"), max_length=500, blank=True)
    household_size = models.PositiveSmallIntegerField(_("家庭人口"))
    monthly_income = money_field(_("家庭月收入（元）"))
    income_per_head = money_field(_("家庭月人均收入（元）"), editable=False)
    local_line = money_field(_("当地困难职工认定标准（元/人·月）"))
    status = models.CharField(
        _("状态"), max_length=10, choices=HardshipStatus.choices, default=HardshipStatus.PENDING
    )
    status_reason = models.CharField(_("状态说明"), max_length=200, blank=True)
    filed_on = models.DateField(_("建档日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("最近复核日期"), null=True, blank=True)
    closed_on = models.DateField(_("解困/移出日期"), null=True, blank=True)
    submitted_by = link(settings.AUTH_USER_MODEL, _("录入人"), optional=True, related_name="+")
    # Everyone who entered or corrected the file (user ids): none of them may decide it, however
    # the corrections alternate between colleagues.
    contributors = models.JSONField(default=list, editable=False)
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")

    objects = HardshipFileQuerySet.as_manager()

    # The log shows the causes' names, not their codes (core.audit_display).
    audit_value_choices = {"causes": HardshipCause}
    audit_fields = (
        "member",
        "union",
        "file_number",
        "level",
        "causes",
        "cause_note",
        "household_size",
        "monthly_income",
        "income_per_head",
        "local_line",
        "status",
        "status_reason",
        "filed_on",
        "reviewed_on",
        "closed_on",
    )

    class Meta:
        verbose_name = _("困难职工档案")
        verbose_name_plural = _("困难职工档案")
        constraints = [
            # One open file per member: a household is on file once.
            models.UniqueConstraint(
                fields=["member"],
                condition=Q(status__in=["pending", "filed", "returned"]),
                name="one_open_hardship_file_per_member",
            ),
            models.CheckConstraint(
                condition=Q(household_size__gte=1), name="hardship_household_size_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["union", "status"], name="hardship_union_status"),
            models.Index(fields=["status", "reviewed_on"], name="hardship_status_reviewed"),
        ]

    def __str__(self) -> str:
        return f"{self.member.name}家庭（{self.get_level_display()}）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("aid:hardship_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.income_per_head = per_head(self.monthly_income, self.household_size)
        super().save(*args, **kwargs)

    @property
    def cause_list(self) -> list[str]:
        return [c for c in self.causes.split(",") if c]

    @property
    def cause_labels(self) -> list[str]:
        labels = dict(HardshipCause.choices)
        return [str(labels.get(c, c)) for c in self.cause_list]

    @property
    def below_line(self) -> bool:
        return self.income_per_head < self.local_line

    def review_due_on(self) -> datetime.date | None:
        if self.reviewed_on is None:
            return None
        return self.reviewed_on + datetime.timedelta(REVIEW_INTERVAL_DAYS)


def per_head(income: Decimal, size: int) -> Decimal:
    if not size:
        return ZERO
    return (Decimal(income) / size).quantize(CENT, rounding=ROUND_HALF_UP)


class HouseholdMember(models.Model):
    """A person living in the household (家庭成员); the worker on file is not repeated here."""

    file = link(HardshipFile, _("困难职工档案"), on_delete=models.CASCADE, related_name="household")
    name = models.CharField(_("姓名"), max_length=50)
    relation = models.CharField(_("与职工关系"), max_length=20)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    occupation = models.CharField(_("职业/就学情况"), max_length=50, blank=True)
    health = models.CharField(_("健康状况"), max_length=50, blank=True)
    monthly_income = money_field(_("月收入（元）"), default=Decimal("0.00"))

    audit_fields = ("name", "relation", "birth_year", "occupation", "health", "monthly_income")

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = _("家庭成员")

    def __str__(self) -> str:
        return f"{self.name}（{self.relation}）"

    @property
    def audit_org_path(self) -> str:
        return self.file.union.path
