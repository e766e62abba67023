"""The only code that writes quarterly reviews (季度评议), the county's weights (考核权重) and the
annual assessment (年度考核).

Quarterly review: one per worker and quarter, opened by whoever first gives their part; three
parts, each a score (0–100) and a note: the worker's own (`self`, the worker only), the union
served (`union`, an editing role over it; never the worker) and the county (`county`, an
editing role at the county federation). A part may be given again until the county has given
its own; after that the review is closed.

Weights: per county and year, three whole percentages (county, host union, service evaluation)
that must sum to 100 — otherwise refused, naming the sum. Set by the county; once an assessment
of that year has been signed off they stay as they are.

Annual assessment: one per worker and year. The worker uploads their 述职 report; the county
enters the host union's score (the mean of its quarterly scores is offered), its own and the
democratic appraisal (民主测评); `sign_off` computes the weighted total with the year's weights,
sets the grade (the one the total suggests unless the county chooses another) and locks it.
After sign-off the worker may appeal once (申诉) with a reason; the county answers, keeping the
grade or setting another. Everything is audited.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.cadres import checks
from gonghui.cadres.access import (
    county_of,
    ensure,
    is_self,
    may_act_as_county,
    may_manage,
    may_write_file,
)
from gonghui.cadres.choices import AppealStatus, AssessmentStatus, Grade, suggested_grade
from gonghui.cadres.models import (
    AnnualAssessment,
    AssessmentReport,
    AssessmentWeights,
    QuarterlyReview,
    SocialWorker,
)
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at
from gonghui.core.uploads import check_upload, store_document

PARTS = ("self", "union", "county")
ONE = Decimal("0.1")


def _year(value, errors: dict) -> int | None:
    year = checks.whole(value, "year", _("年度"), errors, low=2000, high=2100)
    if year and year > timezone.localdate().year:
        errors["year"] = _("%(y)d 年尚未开始") % {"y": year}
    return year


# ---------------------------------------------------------------------------------------------
# Quarterly review
# ---------------------------------------------------------------------------------------------


def may_give(actor, worker: SocialWorker, part: str) -> bool:
    if part == "self":
        return is_self(actor, worker)
    if part == "union":
        return not is_self(actor, worker) and may_manage(actor, worker)
    return may_act_as_county(actor, worker)


@transaction.atomic
def review_quarter(
    *, actor, worker: SocialWorker, year, quarter, part: str, score, note=""
) -> QuarterlyReview:
    """Give one part of the quarter's review (see the module docstring)."""
    if part not in PARTS:
        raise ValidationError({"part": _("未知的评议环节")})
    ensure(may_give(actor, worker, part))
    errors: dict = {}
    year = _year(year, errors)
    quarter = checks.whole(quarter, "quarter", _("季度"), errors, low=1, high=4)
    score = checks.whole(score, "score", _("评分"), errors)
    note = checks.text(note, "note", _("评语"), 2000, errors)
    if year and quarter and "year" not in errors:
        today = timezone.localdate()
        if (year, quarter) > (today.year, (today.month - 1) // 3 + 1):
            errors["quarter"] = _("%(y)d 年第 %(q)d 季度尚未开始") % {"y": year, "q": quarter}
    checks.raise_if(errors)
    review, created = QuarterlyReview.objects.select_for_update().get_or_create(
        worker=worker, year=year, quarter=quarter
    )
    if review.county_at is not None:
        raise ValidationError({"score": _("%(r)s县总已评议，不能再修改") % {"r": review}})
    before = {} if created else audit.snapshot(review)
    setattr(review, f"{part}_score", score)
    setattr(review, f"{part}_note", note)
    if part != "self":
        setattr(review, f"{part}_by", actor if getattr(actor, "pk", None) else None)
        setattr(review, f"{part}_at", timezone.now())
    review.save()
    audit.record(
        actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=review,
        before=before, after=audit.snapshot(review),
    )  # fmt: skip
    return review


# ---------------------------------------------------------------------------------------------
# Weights
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def set_weights(
    *, actor, county, year, county_weight, host_weight, service_weight
) -> AssessmentWeights:
    errors: dict = {}
    if county is None or county_of(county) != county:
        errors["county"] = _("权重由县总工会设定")
    elif not holds_role_at(actor, county, EDIT_ROLES):
        errors["county"] = OUT_OF_SCOPE
    year = _year(year, errors)
    values = {
        "county_weight": checks.whole(county_weight, "county_weight", _("县总评分权重"), errors),
        "host_weight": checks.whole(host_weight, "host_weight", _("服务工会评分权重"), errors),
        "service_weight": checks.whole(
            service_weight, "service_weight", _("服务对象测评权重"), errors
        ),
    }
    if not errors:
        total = sum(values.values())
        if total != 100:
            errors["__all__"] = _("三项权重合计应为 100%%，现为 %(t)d%%") % {"t": total}
    checks.raise_if(errors)
    weights = AssessmentWeights.objects.select_for_update().filter(county=county, year=year).first()
    if weights is None:
        weights = AssessmentWeights.objects.create(county=county, year=year, **values)
        audit.record(
            actor=actor, action=AuditAction.CREATE, obj=weights, after=audit.snapshot(weights)
        )
        return weights
    if AnnualAssessment.objects.filter(
        weights=weights, status=AssessmentStatus.SIGNED_OFF
    ).exists():
        raise ValidationError({"__all__": _("%(y)d 年已有考核审定，权重不能再改") % {"y": year}})
    before = audit.snapshot(weights)
    for name, value in values.items():
        setattr(weights, name, value)
    return audit.saved(weights, actor=actor, before=before)


def weights_for(worker: SocialWorker, year: int) -> AssessmentWeights | None:
    county = county_of(worker.organisation)
    return AssessmentWeights.objects.filter(county=county, year=year).first() if county else None


# ---------------------------------------------------------------------------------------------
# Annual assessment
# ---------------------------------------------------------------------------------------------


def _lock(assessment: AnnualAssessment) -> AnnualAssessment:
    return (
        AnnualAssessment.objects.select_for_update(of=("self",))
        .select_related("worker__organisation")
        .get(pk=assessment.pk)
    )


def _refuse_locked(assessment: AnnualAssessment, field: str = "__all__"):
    return ValidationError({field: _("%(a)s已审定并锁定，不能再修改") % {"a": assessment}})


def host_quarter_mean(worker: SocialWorker, year: int) -> Decimal | None:
    mean = QuarterlyReview.objects.filter(
        worker=worker, year=year, union_score__isnull=False
    ).aggregate(m=Avg("union_score"))["m"]
    return None if mean is None else Decimal(str(mean)).quantize(ONE, ROUND_HALF_UP)


@transaction.atomic
def open_assessment(*, actor, worker: SocialWorker, year) -> AnnualAssessment:
    """The year's assessment, opened by the worker (to upload the 述职 report) or the county."""
    ensure(is_self(actor, worker) or may_act_as_county(actor, worker) or actor is None)
    errors: dict = {}
    year = _year(year, errors)
    checks.raise_if(errors)
    assessment, created = AnnualAssessment.objects.get_or_create(worker=worker, year=year)
    if created:
        assessment.host_score = host_quarter_mean(worker, year)
        assessment.save(update_fields=["host_score"])
        audit.record(
            actor=actor, action=AuditAction.CREATE, obj=assessment,
            after=audit.snapshot(assessment),
        )  # fmt: skip
    return assessment


@transaction.atomic
def upload_report(*, actor, assessment: AnnualAssessment, upload) -> AssessmentReport:
    assessment = _lock(assessment)
    ensure(may_write_file(actor, assessment.worker))
    if assessment.is_locked:
        raise _refuse_locked(assessment, "upload")
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = AssessmentReport(
        assessment=assessment, kind=_("述职报告"), original_name=name,
        content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


@transaction.atomic
def score_assessment(
    *, actor, assessment: AnnualAssessment, host_score=None, county_score=None,
    appraisal_score=None, appraisal_votes=0, note="",
) -> AnnualAssessment:  # fmt: skip
    """The county enters the three scores (each 0–100, one decimal place) and its note."""
    assessment = _lock(assessment)
    ensure(may_act_as_county(actor, assessment.worker))
    if assessment.is_locked:
        raise _refuse_locked(assessment)
    errors: dict = {}
    clean = {
        "host_score": checks.score(host_score, "host_score", _("服务工会评分"), errors),
        "county_score": checks.score(county_score, "county_score", _("县总评分"), errors),
        "appraisal_score": checks.score(
            appraisal_score, "appraisal_score", _("民主测评得分"), errors
        ),
        "appraisal_votes": checks.whole(
            appraisal_votes or 0, "appraisal_votes", _("参加测评人数"), errors, high=100000
        ),
        "note": checks.text(note, "note", _("考核意见"), 2000, errors),
    }
    checks.raise_if(errors)
    before = audit.snapshot(assessment)
    for name, value in clean.items():
        setattr(assessment, name, value)
    return audit.saved(assessment, actor=actor, before=before)


def weighted_total(assessment: AnnualAssessment, weights: AssessmentWeights) -> Decimal:
    raw = (
        assessment.county_score * weights.county_weight
        + assessment.host_score * weights.host_weight
        + assessment.appraisal_score * weights.service_weight
    ) / 100
    return raw.quantize(ONE, ROUND_HALF_UP)


@transaction.atomic
def sign_off(*, actor, assessment: AnnualAssessment, grade="") -> AnnualAssessment:
    """Weigh, grade and lock (审定). `grade` empty: the grade the total suggests."""
    assessment = _lock(assessment)
    ensure(may_act_as_county(actor, assessment.worker))
    if assessment.is_locked:
        raise _refuse_locked(assessment)
    errors: dict = {}
    for field, label in (
        ("host_score", _("服务工会评分")), ("county_score", _("县总评分")),
        ("appraisal_score", _("民主测评得分")),
    ):  # fmt: skip
        if getattr(assessment, field) is None:
            errors[field] = _("审定前请填写%(l)s") % {"l": label}
    weights = weights_for(assessment.worker, assessment.year)
    if weights is None:
        errors["weights"] = _("县总尚未设定 %(y)d 年的考核权重") % {"y": assessment.year}
    if grade and grade not in Grade.values:
        errors["grade"] = _("请选择考核等次")
    checks.raise_if(errors)
    before = audit.snapshot(assessment)
    assessment.weights = weights
    assessment.total = weighted_total(assessment, weights)
    assessment.grade = grade or suggested_grade(assessment.total)
    assessment.status = AssessmentStatus.SIGNED_OFF
    assessment.signed_off_by = actor if getattr(actor, "pk", None) else None
    assessment.signed_off_at = timezone.now()
    return audit.saved(assessment, actor=actor, before=before)


@transaction.atomic
def appeal(*, actor, assessment: AnnualAssessment, reason) -> AnnualAssessment:
    assessment = _lock(assessment)
    ensure(is_self(actor, assessment.worker))
    errors: dict = {}
    reason = checks.text(reason, "reason", _("申诉理由"), 2000, errors, required=True)
    if not assessment.is_locked:
        errors["reason"] = _("考核审定后才能申诉")
    elif assessment.appeal_status:
        errors["reason"] = _("本年度考核已申诉过")
    checks.raise_if(errors)
    before = audit.snapshot(assessment)
    assessment.appeal_status = AppealStatus.OPEN
    assessment.appeal_text = reason
    assessment.appeal_at = timezone.now()
    return audit.saved(assessment, actor=actor, before=before)


@transaction.atomic
def answer_appeal(*, actor, assessment: AnnualAssessment, answer, grade="") -> AnnualAssessment:
    """The county's answer: `grade` another grade (申诉成立) or empty/the same (维持)."""
    assessment = _lock(assessment)
    ensure(may_act_as_county(actor, assessment.worker))
    errors: dict = {}
    answer = checks.text(answer, "answer", _("申诉答复"), 2000, errors, required=True)
    if assessment.appeal_status != AppealStatus.OPEN:
        errors["answer"] = _("没有待答复的申诉")
    if grade and grade not in Grade.values:
        errors["grade"] = _("请选择考核等次")
    checks.raise_if(errors)
    before = audit.snapshot(assessment)
    if grade and grade != assessment.grade:
        assessment.grade_before_appeal = assessment.grade
        assessment.grade = grade
        assessment.appeal_status = AppealStatus.UPHELD
    else:
        assessment.appeal_status = AppealStatus.DISMISSED
    assessment.appeal_answer = answer
    assessment.appeal_answered_by = actor if getattr(actor, "pk", None) else None
    assessment.appeal_answered_at = timezone.now()
    return audit.saved(assessment, actor=actor, before=before)
