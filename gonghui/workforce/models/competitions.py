"""Competitions (劳动竞赛, 职工技能大赛): the year's catalogue, quotas per union, entrants, rounds
(理论, 实操) with weighted criteria, judges and their scores, the published ranking, the entrants
recommended to the honours cycle, and a project labour contest's teams, stages and summaries.

A competition belongs to the union that organises it and serves every union below it (scoped as
an offered programme: a town clerk sees the county's contests, never another town's); an entrant
sits under their own union. Rounds, criteria, judges, scores, teams and stages are the
competition's and are reached through it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.scoping import OfferedQuerySet, ScopedQuerySet
from gonghui.workforce.models.common import UnionScopedQuerySet


class ContestKind(models.TextChoices):
    LABOUR = "labour", _("劳动竞赛（项目或时段）")
    SKILLS = "skills", _("技能大赛（分轮次）")


class ContestLevel(models.TextChoices):
    COUNTY = "county", _("县级")
    TOWN = "town", _("乡镇级")
    ENTERPRISE = "enterprise", _("企业级")


class ContestStatus(models.TextChoices):
    OPEN = "open", _("报名中")
    SCORING = "scoring", _("比赛评分中")
    PUBLISHED = "published", _("成绩已公布")


class TieRule(models.TextChoices):
    PRACTICAL_FIRST = "practical", _("实操成绩高者优先，再比理论成绩，再按报名先后")
    THEORY_FIRST = "theory", _("理论成绩高者优先，再比实操成绩，再按报名先后")
    REGISTRATION = "registration", _("按报名先后")


class RoundKind(models.TextChoices):
    THEORY = "theory", _("理论")
    PRACTICAL = "practical", _("实操")


class EntrantStatus(models.TextChoices):
    PENDING = "pending", _("待工会确认")
    CONFIRMED = "confirmed", _("已确认")
    WITHDRAWN = "withdrawn", _("已退出")


class EntrantSource(models.TextChoices):
    UNION = "union", _("工会报名")
    PORTAL = "portal", _("职工自行报名")
    IMPORT = "import", _("导入")


class Competition(models.Model):
    organisation = link("core.Organisation", _("主办工会"), related_name="+")
    co_organisers = models.CharField(_("协办单位"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("年度"))
    name = models.CharField(_("竞赛名称"), max_length=100)
    kind = models.CharField(_("竞赛类别"), max_length=10, choices=ContestKind.choices)
    level = models.CharField(_("竞赛级别"), max_length=10, choices=ContestLevel.choices)
    trade = models.CharField(_("工种"), max_length=50, blank=True)
    project = models.CharField(_("重点工程（项目）"), max_length=100, blank=True)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    place = models.CharField(_("比赛地点"), max_length=200, blank=True)
    min_age = models.PositiveSmallIntegerField(_("最低年龄"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("最高年龄"), null=True, blank=True)
    members_only = models.BooleanField(_("仅限在会会员"), default=True)
    drop_extremes = models.BooleanField(_("去掉一个最高分和一个最低分"), default=False)
    tie_rule = models.CharField(
        _("同分排名规则"), max_length=12, choices=TieRule.choices, default=TieRule.PRACTICAL_FIRST
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=ContestStatus.choices, default=ContestStatus.OPEN
    )
    published_on = models.DateField(_("成绩公布日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    objects = OfferedQuerySet.as_manager()

    audit_fields = (
        "organisation", "co_organisers", "year", "name", "kind", "level", "trade", "project",
        "starts_on", "ends_on", "place", "min_age", "max_age", "members_only", "drop_extremes",
        "tie_rule", "status", "published_on",
    )  # fmt: skip

    class Meta:
        verbose_name = _("竞赛")
        verbose_name_plural = _("竞赛")
        ordering = ["-year", "-starts_on", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:competition_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path

    @property
    def is_skills(self) -> bool:
        return self.kind == ContestKind.SKILLS


class InCompetition(models.Model):
    """An abstract child of a competition: audited under the organiser, reached through it."""

    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return self.competition.get_absolute_url()

    @property
    def audit_org_path(self) -> str:
        return self.competition.organisation.path


class CompetitionScoped(ScopedQuerySet):
    scope_lookups = ("competition__organisation__path",)


class ContestQuota(InCompetition):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="quotas")
    organisation = link("core.Organisation", _("分配单位"), related_name="+")
    quota = models.PositiveIntegerField(_("名额"))

    objects = CompetitionScoped.as_manager()
    audit_fields = ("organisation", "quota")

    class Meta:
        verbose_name = _("竞赛名额")
        verbose_name_plural = _("竞赛名额")
        constraints = [
            models.UniqueConstraint(fields=["competition", "organisation"], name="contest_quota")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}：{self.quota}"


class Entrant(models.Model):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="entrants")
    union = link("core.Organisation", _("所在工会"), related_name="+")
    member = link("registry.Member", _("会员"), related_name="+")
    name = models.CharField(_("姓名"), max_length=50)
    employer = link("registry.Employer", _("工作单位"), optional=True, related_name="+")
    trade = models.CharField(_("报名工种"), max_length=50, blank=True)
    source = models.CharField(_("报名方式"), max_length=10, choices=EntrantSource.choices)
    status = models.CharField(_("状态"), max_length=10, choices=EntrantStatus.choices)
    registered_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    total = models.DecimalField(_("总成绩"), max_digits=7, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(_("名次"), null=True, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("competition", "union", "member", "name", "employer", "trade", "status",
                    "total", "rank")  # fmt: skip

    class Meta:
        verbose_name = _("参赛选手")
        verbose_name_plural = _("参赛选手")
        ordering = ["competition", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "member"], name="one_entry_per_member")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:entrant_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path


class Round(InCompetition):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("轮次名称"), max_length=50)
    kind = models.CharField(_("轮次类别"), max_length=10, choices=RoundKind.choices)
    weight = models.DecimalField(_("权重（%）"), max_digits=5, decimal_places=2)
    held_on = models.DateField(_("比赛日期"), null=True, blank=True)

    objects = CompetitionScoped.as_manager()
    audit_fields = ("name", "kind", "weight", "held_on")

    class Meta:
        verbose_name = _("比赛轮次")
        verbose_name_plural = _("比赛轮次")
        ordering = ["competition", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("workforce:round_scores", args=[self.pk])


class ScoreCriterion(models.Model):
    round = link(Round, _("轮次"), on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("评分项"), max_length=50)
    weight = models.DecimalField(_("权重（%）"), max_digits=5, decimal_places=2)
    max_score = models.DecimalField(_("满分"), max_digits=6, decimal_places=2, default=100)

    audit_fields = ("name", "weight", "max_score")

    class Meta:
        verbose_name = _("评分项")
        verbose_name_plural = _("评分项")
        ordering = ["round", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def audit_org_path(self) -> str:
        return self.round.competition.organisation.path


class Judge(InCompetition):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="judges")
    member = link("registry.Member", _("会员"), optional=True, related_name="+")
    name = models.CharField(_("姓名"), max_length=50)
    employer = link("registry.Employer", _("工作单位"), optional=True, related_name="+")
    employer_name = models.CharField(_("工作单位名称"), max_length=100, blank=True)

    objects = CompetitionScoped.as_manager()
    audit_fields = ("name", "member", "employer", "employer_name")

    class Meta:
        verbose_name = _("裁判评委")
        verbose_name_plural = _("裁判评委")
        ordering = ["competition", "pk"]

    def __str__(self) -> str:
        return self.name

    def recused_from(self, entrant: Entrant) -> bool:
        """A judge never scores an entrant of their own employer (回避)."""
        if self.employer_id and entrant.employer_id:
            return self.employer_id == entrant.employer_id
        own = (self.employer_name or "").strip()
        return bool(own) and entrant.employer_id is not None and own == entrant.employer.name


class Score(models.Model):
    criterion = link(ScoreCriterion, _("评分项"), on_delete=models.CASCADE, related_name="scores")
    judge = link(Judge, _("裁判评委"), on_delete=models.CASCADE, related_name="scores")
    entrant = link(Entrant, _("参赛选手"), on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(_("得分"), max_digits=6, decimal_places=2)
    entered_by = link(settings.AUTH_USER_MODEL, _("录入人"), optional=True, related_name="+")
    entered_at = models.DateTimeField(_("录入时间"), auto_now=True)

    audit_fields = ("criterion", "judge", "entrant", "value")

    class Meta:
        verbose_name = _("评分")
        verbose_name_plural = _("评分")
        constraints = [
            models.UniqueConstraint(fields=["criterion", "judge", "entrant"], name="one_mark")
        ]

    def __str__(self) -> str:
        return f"{self.judge}→{self.entrant}：{self.value}"

    @property
    def audit_org_path(self) -> str:
        return self.entrant.competition.organisation.path


class HonourCandidate(models.Model):
    """An entrant put forward from the results to the honours cycle (竞赛表彰候选)."""

    entrant = models.OneToOneField(Entrant, verbose_name=_("参赛选手"), on_delete=models.CASCADE,
                                   related_name="candidacy")  # fmt: skip
    union = link("core.Organisation", _("所在工会"), related_name="+")
    note = models.CharField(_("推荐理由"), max_length=200, blank=True)
    recommended_by = link(settings.AUTH_USER_MODEL, _("推荐人"), optional=True, related_name="+")
    created_at = models.DateTimeField(_("推荐时间"), auto_now_add=True)

    objects = UnionScopedQuerySet.as_manager()
    audit_fields = ("entrant", "note")

    class Meta:
        verbose_name = _("竞赛表彰候选")
        verbose_name_plural = _("竞赛表彰候选")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.entrant.name

    def get_absolute_url(self) -> str:
        return reverse("workforce:candidate_list")

    @property
    def audit_org_path(self) -> str:
        return self.union.path


class ContestTeam(InCompetition):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("参赛队名称"), max_length=100)
    union = link("core.Organisation", _("所在工会"), related_name="+")
    leader = models.CharField(_("负责人"), max_length=50, blank=True)
    commended = models.BooleanField(_("年终表彰"), default=False)
    commendation = models.CharField(_("表彰称号"), max_length=100, blank=True)

    objects = CompetitionScoped.as_manager()
    audit_fields = ("name", "union", "leader", "commended", "commendation")

    class Meta:
        verbose_name = _("参赛队")
        verbose_name_plural = _("参赛队")
        ordering = ["competition", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "name"], name="contest_team_name")
        ]

    def __str__(self) -> str:
        return self.name


class ContestStage(InCompetition):
    competition = link(Competition, _("竞赛"), on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(_("阶段名称"), max_length=50)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))

    objects = CompetitionScoped.as_manager()
    audit_fields = ("name", "starts_on", "ends_on")

    class Meta:
        verbose_name = _("竞赛阶段")
        verbose_name_plural = _("竞赛阶段")
        ordering = ["competition", "starts_on", "pk"]

    def __str__(self) -> str:
        return self.name


class StageSummary(models.Model):
    stage = link(ContestStage, _("阶段"), on_delete=models.CASCADE, related_name="summaries")
    team = link(ContestTeam, _("参赛队"), on_delete=models.CASCADE, related_name="summaries")
    summary = models.TextField(_("阶段小结"))
    score = models.DecimalField(_("阶段评分"), max_digits=6, decimal_places=2, null=True,
                                blank=True)  # fmt: skip
    recorded_by = link(settings.AUTH_USER_MODEL, _("登记人"), optional=True, related_name="+")

    audit_fields = ("stage", "team", "summary", "score")

    class Meta:
        verbose_name = _("阶段小结")
        verbose_name_plural = _("阶段小结")
        constraints = [
            models.UniqueConstraint(fields=["stage", "team"], name="one_summary_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.stage}·{self.team}"

    @property
    def audit_org_path(self) -> str:
        return self.stage.competition.organisation.path
