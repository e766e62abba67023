"""Union ratings (六有 / 十星级工会) and the selections of model homes (模范职工之家 / 职工小家).

The county configures a scheme: its criteria (each with the points it is worth and the evidence
it asks for) and the levels it grants, lowest first (e.g. 达标, 一星 … 十星). Each year a round
is opened; a grassroots union assesses itself against every criterion with evidence, the town
checks (or returns it), the county decides the level, and the rating is kept on the
organisation (`OrgRating`), shown in the organisation tree and on its page."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import HomeKind, HomeLevel, SelfAssessmentStatus
from gonghui.cadres.models.common import OfferedDownQuerySet
from gonghui.core.fields import link
from gonghui.core.models import StoredDocument
from gonghui.core.scoping import ScopedQuerySet
from gonghui.core.uploads import private_storage, random_name


class SchemeQuerySet(OfferedDownQuerySet):
    scope_lookups = ("county__path",)
    offer_lookup = "county__path"


class RatingScheme(models.Model):
    county = link("core.Organisation", _("县总工会"), related_name="+")
    name = models.CharField(_("评定方案"), max_length=100)
    levels = models.TextField(
        _("授予等级"), help_text=_("每行一个，由低到高，如：达标、一星……十星")
    )
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchemeQuerySet.as_manager()

    audit_fields = ("name", "levels", "is_active")

    class Meta:
        verbose_name = _("工会评定方案")
        verbose_name_plural = _("工会评定方案")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cadres:scheme_detail", args=[self.pk])

    @property
    def level_list(self) -> list[str]:
        return [line.strip() for line in self.levels.splitlines() if line.strip()]

    @property
    def audit_org_path(self) -> str:
        return self.county.path


class SchemeChildQuerySet(OfferedDownQuerySet):
    scope_lookups = ("scheme__county__path",)
    offer_lookup = "scheme__county__path"


class Criterion(models.Model):
    scheme = models.ForeignKey(RatingScheme, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("评定标准"), max_length=200)
    points = models.PositiveSmallIntegerField(_("分值"))
    evidence = models.CharField(_("佐证材料要求"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("序号"), default=0)

    objects = SchemeChildQuerySet.as_manager()

    audit_fields = ("title", "points", "evidence", "order")

    class Meta:
        verbose_name = _("评定标准")
        verbose_name_plural = _("评定标准")
        ordering = ["scheme", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def audit_org_path(self) -> str:
        return self.scheme.county.path


class RatingRound(models.Model):
    scheme = models.ForeignKey(RatingScheme, on_delete=models.PROTECT, related_name="rounds")
    year = models.PositiveSmallIntegerField(_("年度"))
    is_open = models.BooleanField(_("接受自评"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchemeChildQuerySet.as_manager()

    audit_fields = ("year", "is_open")

    class Meta:
        verbose_name = _("年度评定")
        verbose_name_plural = _("年度评定")
        ordering = ["-year", "scheme"]
        constraints = [models.UniqueConstraint(fields=["scheme", "year"], name="cadres_round_once")]

    def __str__(self) -> str:
        return f"{self.year}年{self.scheme.name}"

    def get_absolute_url(self) -> str:
        return reverse("cadres:round_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.scheme.county.path


class UnionQuerySet(ScopedQuerySet):
    scope_lookups = ("union__path",)


def _by(label):
    return link(settings.AUTH_USER_MODEL, label, optional=True, related_name="+")


class SelfAssessment(models.Model):
    round = models.ForeignKey(RatingRound, on_delete=models.PROTECT, related_name="assessments")
    union = link("core.Organisation", _("工会"), related_name="+")
    status = models.CharField(
        _("状态"), max_length=10, choices=SelfAssessmentStatus.choices,
        default=SelfAssessmentStatus.DRAFT,
    )  # fmt: skip
    claimed_level = models.CharField(_("申报等级"), max_length=20)
    points = models.PositiveIntegerField(_("自评得分"), default=0)
    submitted_by = _by(_("申报人"))
    submitted_at = models.DateTimeField(_("申报时间"), null=True, blank=True)
    checked_by = _by(_("审核人"))
    checked_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    town_note = models.TextField(_("乡镇审核意见"), blank=True)
    decided_level = models.CharField(_("评定等级"), max_length=20, blank=True)
    decided_by = _by(_("评定人"))
    decided_at = models.DateTimeField(_("评定时间"), null=True, blank=True)
    county_note = models.TextField(_("县总评定意见"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = UnionQuerySet.as_manager()

    audit_fields = (
        "status", "claimed_level", "points", "town_note", "decided_level", "county_note",
    )  # fmt: skip

    class Meta:
        verbose_name = _("工会自评")
        verbose_name_plural = _("工会自评")
        ordering = ["round", "union__path"]
        constraints = [
            models.UniqueConstraint(fields=["round", "union"], name="cadres_self_assessment_once")
        ]

    def __str__(self) -> str:
        return f"{self.union.name} {self.round}自评"

    def get_absolute_url(self) -> str:
        return reverse("cadres:self_assessment_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path


class SelfAssessmentChildQuerySet(ScopedQuerySet):
    scope_lookups = ("assessment__union__path",)


class CriterionScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(_("自评分"))
    evidence = models.CharField(_("佐证说明"), max_length=500, blank=True)

    objects = SelfAssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("标准自评分")
        verbose_name_plural = _("标准自评分")
        ordering = ["criterion__order", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="cadres_score_once")
        ]

    def __str__(self) -> str:
        return f"{self.criterion} {self.points}"


def evidence_path(instance, filename: str) -> str:
    return random_name("cadres")


class RatingEvidence(StoredDocument):
    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="documents"
    )
    upload = models.FileField(storage=private_storage, upload_to=evidence_path, max_length=200)

    objects = SelfAssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at", "pk"]

    @property
    def audit_org_path(self) -> str:
        return self.assessment.union.path


class OrgQuerySet(ScopedQuerySet):
    scope_lookups = ("organisation__path",)


class OrgRating(models.Model):
    """The level a union holds under a scheme for a year: the county's decision."""

    organisation = link("core.Organisation", _("工会"), related_name="+")
    scheme = link(RatingScheme, _("评定方案"), related_name="ratings")
    year = models.PositiveSmallIntegerField(_("年度"))
    level = models.CharField(_("等级"), max_length=20)
    assessment = link(SelfAssessment, _("自评"), optional=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrgQuerySet.as_manager()

    audit_fields = ("organisation", "scheme", "year", "level")

    class Meta:
        verbose_name = _("工会评定结果")
        verbose_name_plural = _("工会评定结果")
        ordering = ["-year", "organisation__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "scheme", "year"], name="cadres_rating_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} {self.year}年{self.level}"

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class ModelHome(models.Model):
    """A selection as 模范职工之家 or 模范职工小家, at a level, in a year."""

    organisation = link("core.Organisation", _("工会"), related_name="+")
    kind = models.CharField(_("类别"), max_length=12, choices=HomeKind.choices)
    level = models.CharField(_("级别"), max_length=10, choices=HomeLevel.choices)
    year = models.PositiveSmallIntegerField(_("年度"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrgQuerySet.as_manager()

    audit_fields = ("organisation", "kind", "level", "year", "note")

    class Meta:
        verbose_name = _("模范职工之家（小家）")
        verbose_name_plural = _("模范职工之家（小家）")
        ordering = ["-year", "organisation__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "year"], name="cadres_home_once"
            )
        ]

    def __str__(self) -> str:
        level, kind = self.get_level_display(), self.get_kind_display()
        return f"{self.organisation.name} {self.year}年{level}{kind}"

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path
