"""Employers (单位) and their union status, which is derived and never stored."""

import datetime

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.models import Organisation, OrgStatus
from gonghui.core.models.orgs import PREFIX_OPS
from gonghui.core.pinyin import initials
from gonghui.core.scoping import ScopedQuerySet
from gonghui.registry.choices import Industry, OperatingStatus, Ownership, UnionStatus


def union_status_q(today: datetime.date) -> dict[str, Q]:
    """The condition for each union status, in the order they are decided."""
    covered = Q(union__isnull=False, union__status=OrgStatus.ACTIVE)
    operating = Q(operating_status=OperatingStatus.OPERATING)
    overdue = Q(union__term_ends_on__lt=today)
    return {
        UnionStatus.NONE: ~covered,
        UnionStatus.NOT_OPERATING: covered & ~operating,
        UnionStatus.TERM_OVERDUE: covered & operating & overdue,
        UnionStatus.UNIONIZED: covered & operating & ~overdue,
    }


class EmployerQuerySet(ScopedQuerySet):
    # Seen by whoever holds the town/park it lies in, and by whoever holds the union covering it.
    scope_lookups = ("territory__path", "union__path")

    def with_union_status(self, today: datetime.date | None = None):
        conditions = union_status_q(today or timezone.localdate())
        return self.annotate(
            union_status_code=Case(
                *[When(q, then=Value(code.value)) for code, q in conditions.items()],
                output_field=models.CharField(),
            )
        )

    def with_status(self, status: str, today: datetime.date | None = None):
        return self.filter(union_status_q(today or timezone.localdate())[UnionStatus(status)])

    def operating(self):
        return self.filter(operating_status=OperatingStatus.OPERATING)


class Employer(models.Model):
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    name = models.CharField(_("单位名称"), max_length=200)
    name_initials = models.CharField(max_length=64, blank=True, editable=False)
    territory = link(Organisation, _("属地工会"), related_name="territorial_employers")
    union = link(Organisation, _("所在工会"), optional=True, related_name="covered_employers")
    industry = models.CharField(_("行业"), max_length=1, choices=Industry.choices, blank=True)
    ownership = models.CharField(_("经济类型"), max_length=12, choices=Ownership.choices)
    headcount = models.PositiveIntegerField(_("职工人数"))
    founded_on = models.DateField(_("成立日期"), null=True, blank=True)
    has_party_branch = models.BooleanField(_("是否有党组织"), default=False)
    operating_status = models.CharField(
        _("经营状态"),
        max_length=12,
        choices=OperatingStatus.choices,
        default=OperatingStatus.OPERATING,
    )
    is_well_known = models.BooleanField(_("知名企业"), default=False)
    # When the employer last went from no union to a union (set by the services); the founding
    # drive counts an employer as founded in the year of this date. Unknown for imported rows.
    union_since = models.DateField(_("建会日期"), null=True, blank=True, editable=False)
    # When the employer stopped operating (停业 or 注销), stamped by the services, so figures as
    # of a past date count it while it still operated. Empty for a closed employer means "before
    # any date we count" (registered closed, or closed before this was kept).
    closed_on = models.DateField(_("停止经营日期"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    # What a person may set, in form order; all of it is audited.
    editable_fields = (
        "credit_code",
        "name",
        "territory",
        "union",
        "industry",
        "ownership",
        "headcount",
        "founded_on",
        "has_party_branch",
        "operating_status",
        "is_well_known",
    )
    audit_fields = (*editable_fields, "closed_on")

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        indexes = [
            models.Index(fields=["name", "id"], name="employer_name"),
            # varchar_pattern_ops: prefix searches (LIKE 'X%') use the index on PostgreSQL.
            models.Index(
                fields=["name_initials"],
                name="employer_initials",
                opclasses=PREFIX_OPS,
            ),
            models.Index(
                fields=["credit_code"],
                name="employer_code_prefix",
                opclasses=PREFIX_OPS,
            ),
            models.Index(fields=["headcount", "id"], name="employer_headcount"),
            models.Index(fields=["territory", "operating_status"], name="employer_territory"),
            models.Index(fields=["union", "operating_status"], name="employer_union"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_initials = initials(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:employer_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.territory.path

    @property
    def union_status(self) -> UnionStatus:
        union = self.union
        if union is None or union.status != OrgStatus.ACTIVE:
            return UnionStatus.NONE
        if self.operating_status != OperatingStatus.OPERATING:
            return UnionStatus.NOT_OPERATING
        if union.is_term_overdue:
            return UnionStatus.TERM_OVERDUE
        return UnionStatus.UNIONIZED

    @property
    def union_status_reasons(self) -> list[str]:
        """Why an employer whose union is named still counts as 未建: the union is not active
        (休眠, 撤销), and what else a clerk must know (the employer itself closed)."""
        union = self.union
        if union is None or self.union_status != UnionStatus.NONE:
            return []
        reasons = [_("工会%(status)s") % {"status": union.get_status_display()}]
        if self.operating_status != OperatingStatus.OPERATING:
            reasons.append(_("单位%(status)s") % {"status": self.get_operating_status_display()})
        return reasons
