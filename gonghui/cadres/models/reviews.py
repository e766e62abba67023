"""Quarterly reviews (季度评议) and the annual assessment (年度考核) of a social worker.

A quarterly review holds three scores and notes: the worker's own, the union they serve, and the
county. The annual assessment weighs the host union's score, the county's and the service
evaluation (民主测评) by the county's weights for the year (`AssessmentWeights`, summing to
100 %), holds the uploaded 述职 report, a grade, and is locked once the county signs it off; an
appeal (申诉) is then the only step left, answered by the county."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import AppealStatus, AssessmentStatus, Grade
from gonghui.cadres.models.common import FileOwned, FileQuerySet
from gonghui.core.fields import link
from gonghui.core.models import StoredDocument
from gonghui.core.scoping import ScopedQuerySet
from gonghui.core.uploads import private_storage, random_name


def _by(label):
    return link(settings.AUTH_USER_MODEL, label, optional=True, related_name="+")


class QuarterlyReview(FileOwned, models.Model):
    worker = models.ForeignKey(
        "cadres.SocialWorker", verbose_name=_("社工"), on_delete=models.PROTECT,
        related_name="quarterly_reviews",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    self_score = models.PositiveSmallIntegerField(_("自评分"), null=True, blank=True)
    self_note = models.TextField(_("自评"), blank=True)
    union_score = models.PositiveSmallIntegerField(_("服务工会评分"), null=True, blank=True)
    union_note = models.TextField(_("服务工会评语"), blank=True)
    union_by = _by(_("服务工会评议人"))
    union_at = models.DateTimeField(null=True, blank=True)
    county_score = models.PositiveSmallIntegerField(_("县总评分"), null=True, blank=True)
    county_note = models.TextField(_("县总评语"), blank=True)
    county_by = _by(_("县总评议人"))
    county_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FileQuerySet.as_manager()

    audit_fields = (
        "year", "quarter", "self_score", "self_note", "union_score", "union_note",
        "county_score", "county_note",
    )  # fmt: skip

    class Meta:
        verbose_name = _("季度评议")
        verbose_name_plural = _("季度评议")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "year", "quarter"], name="cadres_quarter_once"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__range=(1, 4)), name="cadres_quarter"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker.name} {self.year}年第{self.quarter}季度评议"

    def get_absolute_url(self) -> str:
        return reverse("cadres:review_detail", args=[self.pk])


class WeightsQuerySet(ScopedQuerySet):
    scope_lookups = ("county__path",)


class AssessmentWeights(models.Model):
    """The county's weights for a year's assessment, in whole per cent, summing to 100."""

    county = link("core.Organisation", _("县总工会"), related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    county_weight = models.PositiveSmallIntegerField(_("县总评分权重（%）"))
    host_weight = models.PositiveSmallIntegerField(_("服务工会评分权重（%）"))
    service_weight = models.PositiveSmallIntegerField(_("服务对象测评权重（%）"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WeightsQuerySet.as_manager()

    audit_fields = ("year", "county_weight", "host_weight", "service_weight")

    class Meta:
        verbose_name = _("考核权重")
        verbose_name_plural = _("考核权重")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["county", "year"], name="cadres_weights_once"),
            models.CheckConstraint(
                condition=models.Q(
                    county_weight__lte=100, host_weight__lte=100, service_weight__lte=100
                ),
                name="cadres_weights_range",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.year}年：县总 {self.county_weight}%、服务工会 {self.host_weight}%、"
            f"测评 {self.service_weight}%"
        )

    @property
    def audit_org_path(self) -> str:
        return self.county.path


class AnnualAssessment(FileOwned, models.Model):
    worker = models.ForeignKey(
        "cadres.SocialWorker", verbose_name=_("社工"), on_delete=models.PROTECT,
        related_name="assessments",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("年度"))
    host_score = models.DecimalField(
        _("服务工会评分"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    county_score = models.DecimalField(
        _("县总评分"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    appraisal_score = models.DecimalField(
        _("民主测评得分"), max_digits=5, decimal_places=1, null=True, blank=True,
        help_text=_("服务对象与同事的民主测评，百分制"),
    )  # fmt: skip
    appraisal_votes = models.PositiveIntegerField(_("参加测评人数"), default=0)
    total = models.DecimalField(
        _("综合得分"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    grade = models.CharField(_("考核等次"), max_length=12, choices=Grade.choices, blank=True)
    note = models.TextField(_("考核意见"), blank=True)
    weights = link(AssessmentWeights, _("权重"), optional=True, related_name="+")
    status = models.CharField(
        _("状态"), max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    signed_off_by = _by(_("审定人"))
    signed_off_at = models.DateTimeField(_("审定时间"), null=True, blank=True)
    appeal_status = models.CharField(
        _("申诉"), max_length=10, choices=AppealStatus.choices, default="", blank=True
    )
    appeal_text = models.TextField(_("申诉理由"), blank=True)
    appeal_at = models.DateTimeField(_("申诉时间"), null=True, blank=True)
    appeal_answer = models.TextField(_("申诉答复"), blank=True)
    appeal_answered_by = _by(_("答复人"))
    appeal_answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    grade_before_appeal = models.CharField(max_length=12, choices=Grade.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FileQuerySet.as_manager()

    audit_fields = (
        "year", "host_score", "county_score", "appraisal_score", "appraisal_votes", "total",
        "grade", "note", "status", "appeal_status", "appeal_text", "appeal_answer",
    )  # fmt: skip

    class Meta:
        verbose_name = _("年度考核")
        verbose_name_plural = _("年度考核")
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "year"], name="cadres_assessment_once")
        ]

    def __str__(self) -> str:
        return f"{self.worker.name} {self.year}年度考核"

    def get_absolute_url(self) -> str:
        return reverse("cadres:assessment_detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == AssessmentStatus.SIGNED_OFF


class AssessmentChildQuerySet(FileQuerySet):
    scope_lookups = ("assessment__worker__organisation__path",)

    def own_rows(self, user):
        return models.Q(assessment__worker__user=user)


def report_path(instance, filename: str) -> str:
    return random_name("cadres")


class AssessmentReport(StoredDocument):
    """The worker's 述职报告 for the year."""

    assessment = models.ForeignKey(
        AnnualAssessment, on_delete=models.CASCADE, related_name="reports"
    )
    upload = models.FileField(storage=private_storage, upload_to=report_path, max_length=200)

    objects = AssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("述职报告")
        verbose_name_plural = _("述职报告")
        ordering = ["uploaded_at", "pk"]

    @property
    def audit_org_path(self) -> str:
        return self.assessment.worker.organisation.path
