"""Honours (劳模, 五一劳动奖章/奖状, 工匠, 工人先锋号, 十大科技创新成果 …) and their cycles.

A kind (荣誉类别) is configured by the organisation that awards it; a cycle (评选周期) is one
year's round of a kind with quotas per organisation and share rules; a nomination (推荐) comes
from a grassroots union with its democratic appraisal (民主评议) and goes up level by level
(`NominationStep`); at the cycle's organisation it gathers vetting opinions, panel scores, the
public notice's objections, and is approved into an `Honour` with a certificate number.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.models import StoredDocument
from gonghui.core.money import money_field
from gonghui.core.scoping import OfferedQuerySet
from gonghui.core.uploads import private_storage
from gonghui.workforce.choices import (
    Agency,
    Comparison,
    Criterion,
    CycleStatus,
    HonourStatus,
    Level,
    NominationStatus,
    Opinion,
    Position,
    StepStatus,
    Subject,
)
from gonghui.workforce.models.common import InUnion, UnionScopedQuerySet, document_path


class HonourKind(models.Model):
    organisation = link("core.Organisation", _("授予组织"), related_name="+")
    code = models.SlugField(_("代码"), max_length=20)
    name = models.CharField(_("名称"), max_length=50)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices)
    subject = models.CharField(_("授予对象"), max_length=12, choices=Subject.choices)
    cycle_years = models.PositiveSmallIntegerField(_("评选周期（年）"), default=3)
    certificate_format = models.CharField(
        _("证书编号格式"),
        max_length=60,
        default="{code}{year}-{seq:04d}",
        help_text=_(
            "可用占位符：<code translate=\"no\">{code}</code> 荣誉代码、"
            "<code translate=\"no\">{year}</code> 年度、<code translate=\"no\">{seq}</code> 序号"
            "（<code translate=\"no\">{seq:04d}</code> 补足四位）"
        ),
    )
    yearly_allowance = money_field(_("每年津贴（元）"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OfferedQuerySet.as_manager()

    audit_fields = (
        "organisation", "code", "name", "level", "subject", "cycle_years",
        "certificate_format", "yearly_allowance", "is_active",
    )  # fmt: skip

    class Meta:
        verbose_name = _("荣誉类别")
        verbose_name_plural = _("荣誉类别")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="honour_kind_code"),
            models.CheckConstraint(
                condition=Q(yearly_allowance__gte=0), name="honour_kind_allowance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:kind_list")

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class CycleQuerySet(OfferedQuerySet):
    pass


class HonourCycle(models.Model):
    kind = link(HonourKind, _("荣誉类别"), related_name="cycles")
    organisation = link("core.Organisation", _("评选组织"), related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    name = models.CharField(_("评选名称"), max_length=100)
    status = models.CharField(
        _("状态"), max_length=10, choices=CycleStatus.choices, default=CycleStatus.OPEN
    )
    closes_on = models.DateField(_("推荐截止日期"), null=True, blank=True)
    notice_starts_on = models.DateField(_("公示开始日期"), null=True, blank=True)
    notice_ends_on = models.DateField(_("公示结束日期"), null=True, blank=True)
    notice_published_by = link(
        settings.AUTH_USER_MODEL, _("公示发布人"), optional=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CycleQuerySet.as_manager()

    audit_fields = (
        "kind", "organisation", "year", "name", "status", "closes_on",
        "notice_starts_on", "notice_ends_on",
    )  # fmt: skip

    class Meta:
        verbose_name = _("评选周期")
        verbose_name_plural = _("评选周期")
        ordering = ["-year", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="one_cycle_per_year")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:cycle_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class CycleQuota(models.Model):
    """At most `quota` live nominations from `organisation`'s subtree (名额分配)."""

    cycle = models.ForeignKey(
        HonourCycle, verbose_name=_("评选周期"), on_delete=models.CASCADE, related_name="quotas"
    )
    organisation = link("core.Organisation", _("分配单位"), related_name="+")
    quota = models.PositiveSmallIntegerField(_("名额"))

    audit_fields = ("organisation", "quota")

    class Meta:
        verbose_name = _("推荐名额")
        verbose_name_plural = _("推荐名额")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "organisation"], name="one_quota_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}：{self.quota}名"

    @property
    def audit_org_path(self) -> str:
        return self.cycle.organisation.path


class ShareRule(models.Model):
    """e.g. 一线职工 不低于 35 %, 单位负责人 不高于 15 %, over the cycle's nomination list."""

    cycle = models.ForeignKey(
        HonourCycle, verbose_name=_("评选周期"), on_delete=models.CASCADE, related_name="rules"
    )
    criterion = models.CharField(_("条件"), max_length=12, choices=Criterion.choices)
    comparison = models.CharField(_("要求"), max_length=3, choices=Comparison.choices)
    percent = models.DecimalField(_("比例（%）"), max_digits=5, decimal_places=2)

    audit_fields = ("criterion", "comparison", "percent")

    class Meta:
        verbose_name = _("比例要求")
        verbose_name_plural = _("比例要求")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "criterion", "comparison"], name="one_rule_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(percent__gte=0, percent__lte=100), name="share_rule_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_criterion_display()}{self.get_comparison_display()}{self.percent}%"

    @property
    def audit_org_path(self) -> str:
        return self.cycle.organisation.path


class NominationQuerySet(UnionScopedQuerySet):
    def live(self):
        return self.filter(
            status__in=[
                NominationStatus.REVIEWING,
                NominationStatus.CANDIDATE,
                NominationStatus.APPROVED,
            ]
        )


class Nomination(InUnion):
    """A grassroots union's nomination (推荐) of a member, a unit or a team's result."""

    cycle = link(HonourCycle, _("评选周期"), related_name="nominations")
    member = link("registry.Member", _("推荐对象（会员）"), optional=True, related_name="+")
    employer = link("registry.Employer", _("推荐对象（单位）"), optional=True, related_name="+")
    team_name = models.CharField(_("班组/成果名称"), max_length=100, blank=True)
    position = models.CharField(_("岗位类别"), max_length=12, choices=Position.choices, blank=True)
    deeds = models.TextField(_("主要事迹"), blank=True)
    appraised_on = models.DateField(_("民主评议日期"), null=True, blank=True)
    voters = models.PositiveIntegerField(_("参加评议人数"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("赞成票数"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    refusal_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    created_by = link(settings.AUTH_USER_MODEL, _("录入人"), optional=True, related_name="+")
    submitted_by = link(settings.AUTH_USER_MODEL, _("报送人"), optional=True, related_name="+")
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)

    objects = NominationQuerySet.as_manager()

    audit_fields = (
        "cycle", "union", "member", "employer", "team_name", "position", "appraised_on",
        "voters", "votes_for", "status", "refusal_reason",
    )  # fmt: skip

    class Meta:
        verbose_name = _("推荐")
        verbose_name_plural = _("推荐")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "member"],
                condition=Q(status__in=["draft", "reviewing", "candidate", "approved"]),
                name="one_live_nomination_per_member",
            ),
        ]
        indexes = [models.Index(fields=["cycle", "status"], name="nomination_cycle_status")]

    def __str__(self) -> str:
        return f"{self.nominee_name}（{self.cycle}）"

    @property
    def nominee_name(self) -> str:
        if self.member_id:
            return self.member.name
        names = [n for n in (self.employer.name if self.employer_id else "", self.team_name) if n]
        return " ".join(names)

    def get_absolute_url(self) -> str:
        return reverse("workforce:nomination_detail", args=[self.pk])


class NominationStep(models.Model):
    """One level the nomination passes on its way up (逐级推荐), bottom-up."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("推荐"), on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveSmallIntegerField(_("顺序"))
    organisation = link("core.Organisation", _("审核工会"), related_name="+")
    status = models.CharField(
        _("结果"), max_length=10, choices=StepStatus.choices, default=StepStatus.WAITING
    )
    comment = models.CharField(_("意见"), max_length=200, blank=True)
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    audit_fields = ("order", "organisation", "status", "comment")

    class Meta:
        verbose_name = _("推荐审核环节")
        verbose_name_plural = _("推荐审核环节")
        ordering = ["nomination", "order"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "order"], name="nomination_step_order")
        ]

    def __str__(self) -> str:
        return f"第{self.order}级：{self.organisation}"

    @property
    def audit_org_path(self) -> str:
        return self.nomination.union.path


class VettingOpinion(models.Model):
    """An agency's opinion on a candidate (纪检, 公安, 人社, 安全监管), recorded by the county."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("推荐"), on_delete=models.CASCADE, related_name="opinions"
    )
    agency = models.CharField(_("征求意见单位"), max_length=12, choices=Agency.choices)
    opinion = models.CharField(_("意见"), max_length=8, choices=Opinion.choices)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    audit_fields = ("agency", "opinion", "note")

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "agency"], name="one_opinion_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_display()}：{self.get_opinion_display()}"

    @property
    def audit_org_path(self) -> str:
        return self.nomination.union.path


class PanelScore(models.Model):
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("推荐"), on_delete=models.CASCADE, related_name="scores"
    )
    panelist = models.CharField(_("评委"), max_length=50)
    score = models.DecimalField(_("评分"), max_digits=5, decimal_places=2)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")

    audit_fields = ("panelist", "score")

    class Meta:
        verbose_name = _("评审评分")
        verbose_name_plural = _("评审评分")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "panelist"], name="one_score_per_panelist"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100), name="panel_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.panelist}：{self.score}"

    @property
    def audit_org_path(self) -> str:
        return self.nomination.union.path


class Objection(models.Model):
    """An objection received during the public notice (公示异议), answered before approval."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("推荐"), on_delete=models.CASCADE, related_name="objections"
    )
    received_on = models.DateField(_("收到日期"))
    source = models.CharField(_("反映人/方式"), max_length=100, blank=True)
    content = models.TextField(_("异议内容"))
    answer = models.TextField(_("核查答复"), blank=True)
    upheld = models.BooleanField(_("异议成立"), default=False)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")
    answered_by = link(settings.AUTH_USER_MODEL, _("答复人"), optional=True, related_name="+")

    audit_fields = ("received_on", "source", "content", "answer", "upheld", "answered_on")

    class Meta:
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.received_on} 异议"

    @property
    def audit_org_path(self) -> str:
        return self.nomination.union.path


class CertificateSequence(models.Model):
    """The last certificate number issued per kind and year; locked while a number is taken."""

    kind = models.ForeignKey(HonourKind, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("证书编号序列")
        verbose_name_plural = _("证书编号序列")
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="one_sequence_per_kind_year")
        ]

    def __str__(self) -> str:
        return f"{self.kind_id}/{self.year}: {self.last}"


class HonourQuerySet(UnionScopedQuerySet):
    def active(self):
        return self.filter(status=HonourStatus.ACTIVE)


class Honour(InUnion):
    """An honour held (荣誉): awarded through a cycle, or imported from the existing roll."""

    kind = link(HonourKind, _("荣誉类别"), related_name="honours")
    cycle = link(HonourCycle, _("评选周期"), optional=True, related_name="honours")
    nomination = models.OneToOneField(
        Nomination, verbose_name=_("推荐"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="honour",
    )  # fmt: skip
    honouree = link("workforce.Honouree", _("获得者"), optional=True, related_name="honours")
    employer = link("registry.Employer", _("获奖单位"), optional=True, related_name="+")
    team_name = models.CharField(_("班组/成果名称"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("年度"))
    awarded_on = models.DateField(_("授予日期"))
    document_number = models.CharField(_("表彰文号"), max_length=60)
    certificate_no = models.CharField(
        _("证书编号"), max_length=60, null=True, blank=True, unique=True
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=HonourStatus.choices, default=HonourStatus.ACTIVE
    )
    revoked_on = models.DateField(_("撤销日期"), null=True, blank=True)
    revoke_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    revoke_document_number = models.CharField(_("撤销文号"), max_length=60, blank=True)

    objects = HonourQuerySet.as_manager()

    audit_fields = (
        "kind", "honouree", "employer", "team_name", "union", "year", "awarded_on",
        "document_number", "certificate_no", "status", "revoked_on", "revoke_reason",
        "revoke_document_number",
    )  # fmt: skip

    class Meta:
        verbose_name = _("荣誉")
        verbose_name_plural = _("荣誉")
        ordering = ["-awarded_on", "-pk"]
        indexes = [models.Index(fields=["awarded_on"], name="honour_awarded_on")]

    def __str__(self) -> str:
        return f"{self.holder_name}：{self.year}年{self.kind}"

    @property
    def holder_name(self) -> str:
        if self.honouree_id:
            return self.honouree.name
        return " ".join(
            n for n in (self.employer.name if self.employer_id else "", self.team_name) if n
        )

    def get_absolute_url(self) -> str:
        return reverse("workforce:honour_detail", args=[self.pk])


class WorkforceDocumentQuerySet(UnionScopedQuerySet):
    scope_lookups = ("nomination__union__path", "studio__union__path", "honour__union__path")


class WorkforceDocument(StoredDocument):
    """会议纪要 of a nomination's appraisal, a studio's founding document, a revocation's 文件."""

    nomination = models.ForeignKey(
        Nomination, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    studio = models.ForeignKey(
        "workforce.Studio", null=True, blank=True, on_delete=models.CASCADE,
        related_name="documents",
    )  # fmt: skip
    honour = models.ForeignKey(
        Honour, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    upload = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)

    objects = WorkforceDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("材料")
        verbose_name_plural = _("材料")

    @property
    def owner(self):
        return self.nomination or self.studio or self.honour

    @property
    def audit_org_path(self) -> str:
        return self.owner.union.path
