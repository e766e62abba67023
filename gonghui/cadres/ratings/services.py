"""The only code that writes rating schemes, rounds, self-assessments, ratings and model homes.

- Scheme (评定方案): set by an editing role at the county federation: a name, the levels it
  grants (lowest first, each named once) and its criteria (title, points, evidence asked for).
- Round (年度评定): one per scheme and year, opened and closed by the county.
- Self-assessment (自评): by an editing role of a grassroots or joint union, while the round is
  open: a score for each criterion (0 to its points) with what the evidence shows, documents
  uploaded, the level claimed. Submitted (待乡镇审核), the town checks it: an editing role above
  the union, who holds none at the union itself — passed on (待县总评定) or returned (退回修改)
  with a note. The county decides the level (已评定): an editing role at the county federation,
  and never anyone of the union's own (a role at the union or below it) nor the one who
  submitted it. The decision is kept on the organisation (OrgRating, one per scheme and year).
- Model homes (模范职工之家/小家): selected by an editing role above the union, once per kind and
  year.
Every write is audited.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.cadres import checks
from gonghui.cadres.access import county_of
from gonghui.cadres.choices import HomeKind, HomeLevel, SelfAssessmentStatus
from gonghui.cadres.models import (
    Criterion,
    CriterionScore,
    ModelHome,
    OrgRating,
    RatingEvidence,
    RatingRound,
    RatingScheme,
    SelfAssessment,
)
from gonghui.core import audit
from gonghui.core.models import AuditAction, OrgKind
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at, may_edit_org
from gonghui.core.uploads import check_upload, store_document

RATED_KINDS = (OrgKind.GRASSROOTS, OrgKind.JOINT_UNION)
Status = SelfAssessmentStatus


def _county_editor(actor, county) -> bool:
    return county is not None and holds_role_at(actor, county, EDIT_ROLES)


def _ensure_county(actor, county) -> None:
    if not _county_editor(actor, county):
        raise PermissionDenied(OUT_OF_SCOPE)


def holds_any_role_at_or_below(actor, union) -> bool:
    """Whether the actor is of the union itself: any role at it or within its subtree."""
    if actor is None or actor.is_superuser:
        return False
    return actor.role_assignments.filter(organisation__path__startswith=union.path).exists()


def _levels(value, errors: dict) -> str:
    lines = value.splitlines() if isinstance(value, str) else list(value or ())
    levels = [str(line).strip() for line in lines if str(line).strip()]
    if not levels:
        errors["levels"] = _("请填写授予的等级（每行一个）")
    elif len(set(levels)) != len(levels):
        errors["levels"] = _("等级名称不能重复")
    elif any(len(level) > 20 for level in levels):
        errors["levels"] = _("等级名称不能超过 20 个字")
    return "\n".join(levels)


@transaction.atomic
def create_scheme(*, actor, county, name, levels, criteria=()) -> RatingScheme:
    """`criteria`: (title, points, evidence) triples, in order."""
    errors: dict = {}
    if county is None or county_of(county) != county:
        errors["county"] = _("评定方案由县总工会制定")
    elif not _county_editor(actor, county):
        errors["county"] = OUT_OF_SCOPE
    name = checks.text(name, "name", _("评定方案"), 100, errors, required=True)
    levels = _levels(levels, errors)
    checks.raise_if(errors)
    scheme = RatingScheme.objects.create(county=county, name=name, levels=levels)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=scheme, after=audit.snapshot(scheme))
    for title, points, evidence in criteria:
        add_criterion(actor=actor, scheme=scheme, title=title, points=points, evidence=evidence)
    return scheme


@transaction.atomic
def add_criterion(*, actor, scheme: RatingScheme, title, points, evidence="") -> Criterion:
    _ensure_county(actor, scheme.county)
    if scheme.rounds.filter(assessments__status__in=[Status.SUBMITTED, Status.CHECKED,
                                                      Status.DECIDED]).exists():  # fmt: skip
        raise ValidationError({"title": _("已有工会按本方案申报，不能再增加标准")})
    errors: dict = {}
    title = checks.text(title, "title", _("评定标准"), 200, errors, required=True)
    points = checks.whole(points, "points", _("分值"), errors, low=1, high=1000)
    evidence = checks.text(evidence, "evidence", _("佐证材料要求"), 200, errors)
    checks.raise_if(errors)
    criterion = Criterion.objects.create(
        scheme=scheme, title=title, points=points, evidence=evidence,
        order=scheme.criteria.count() + 1,
    )  # fmt: skip
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=criterion, after=audit.snapshot(criterion)
    )
    return criterion


@transaction.atomic
def open_round(*, actor, scheme: RatingScheme, year) -> RatingRound:
    _ensure_county(actor, scheme.county)
    errors: dict = {}
    year = checks.whole(year, "year", _("年度"), errors, low=2000, high=2100)
    if year and RatingRound.objects.filter(scheme=scheme, year=year).exists():
        errors["year"] = _("%(y)d 年的评定已开启") % {"y": year}
    if not scheme.criteria.exists():
        errors["year"] = _("方案尚无评定标准")
    checks.raise_if(errors)
    rating_round = RatingRound.objects.create(scheme=scheme, year=year)
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=rating_round,
        after=audit.snapshot(rating_round),
    )  # fmt: skip
    return rating_round


@transaction.atomic
def close_round(*, actor, rating_round: RatingRound) -> RatingRound:
    _ensure_county(actor, rating_round.scheme.county)
    before = audit.snapshot(rating_round)
    rating_round.is_open = False
    return audit.saved(rating_round, actor=actor, before=before)


def _lock(assessment: SelfAssessment) -> SelfAssessment:
    return (
        SelfAssessment.objects.select_for_update(of=("self",))
        .select_related("union", "round__scheme__county")
        .get(pk=assessment.pk)
    )


@transaction.atomic
def self_assess(
    *, actor, rating_round: RatingRound, union, scores: dict, claimed_level
) -> SelfAssessment:
    """Save the union's self-assessment (a draft, or one returned to it). `scores` maps each
    criterion (or its id) to (points, evidence)."""
    errors: dict = {}
    if union is None or union.kind not in RATED_KINDS:
        errors["union"] = _("自评由基层工会或联合基层工会填报")
    elif not (
        may_edit_org(actor, union) and union.path.startswith(rating_round.scheme.county.path)
    ):
        errors["union"] = OUT_OF_SCOPE
    if not rating_round.is_open:
        errors["union"] = _("%(r)s已结束，不再接受自评") % {"r": rating_round}
    scheme = rating_round.scheme
    if claimed_level not in scheme.level_list:
        errors["claimed_level"] = _("请选择申报等级")
    clean = {}
    for criterion in scheme.criteria.all():
        points, evidence = scores.get(criterion.pk, scores.get(criterion, (None, "")))
        field = f"points_{criterion.pk}"
        value = checks.whole(points, field, criterion.title, errors, high=criterion.points)
        evidence = checks.text(evidence, f"evidence_{criterion.pk}", _("佐证说明"), 500, errors)
        clean[criterion] = (value, evidence)
    checks.raise_if(errors)
    assessment = (
        SelfAssessment.objects.select_for_update().filter(round=rating_round, union=union).first()
    )
    created = assessment is None
    if created:
        assessment = SelfAssessment(round=rating_round, union=union)
    elif assessment.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(
            {"claimed_level": _("自评已%(s)s，不能再修改") % {"s": assessment.get_status_display()}}
        )
    before = {} if created else audit.snapshot(assessment)
    assessment.claimed_level = claimed_level
    assessment.points = sum(points for points, _e in clean.values())
    assessment.save()
    for criterion, (points, evidence) in clean.items():
        CriterionScore.objects.update_or_create(
            assessment=assessment, criterion=criterion,
            defaults={"points": points, "evidence": evidence},
        )  # fmt: skip
    audit.record(
        actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=assessment, before=before, after=audit.snapshot(assessment),
    )  # fmt: skip
    return assessment


@transaction.atomic
def attach_evidence(*, actor, assessment: SelfAssessment, upload, kind="") -> RatingEvidence:
    assessment = _lock(assessment)
    if not may_edit_org(actor, assessment.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if assessment.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError({"upload": _("自评已提交，不能再上传材料")})
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = RatingEvidence(
        assessment=assessment, kind=(kind or "").strip()[:50] or _("佐证材料"),
        original_name=name, content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, uploaded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


def _step(assessment, *, actor, to: str, **fields) -> SelfAssessment:
    before = audit.snapshot(assessment)
    assessment.status = to
    for name, value in fields.items():
        setattr(assessment, name, value)
    return audit.saved(assessment, actor=actor, before=before)


@transaction.atomic
def submit_self_assessment(*, actor, assessment: SelfAssessment) -> SelfAssessment:
    assessment = _lock(assessment)
    if not may_edit_org(actor, assessment.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if assessment.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError({"status": _("自评已提交")})
    return _step(assessment, actor=actor, to=Status.SUBMITTED, submitted_by=actor,
                 submitted_at=timezone.now())  # fmt: skip


def may_check(actor, assessment: SelfAssessment) -> bool:
    union = assessment.union
    return (
        union.parent is not None
        and may_edit_org(actor, union.parent)
        and not holds_any_role_at_or_below(actor, union)
    )


@transaction.atomic
def check_self_assessment(*, actor, assessment: SelfAssessment, passed: bool, note=""):
    """The town's check: passed on to the county, or returned to the union with the reason."""
    assessment = _lock(assessment)
    if not may_check(actor, assessment):
        raise PermissionDenied(_("自评由上级工会审核，不能审核本工会的自评"))
    errors: dict = {}
    note = checks.text(note, "note", _("审核意见"), 1000, errors, required=not passed)
    if assessment.status != Status.SUBMITTED:
        errors["note"] = _("自评当前为“%(s)s”，不能审核") % {"s": assessment.get_status_display()}
    checks.raise_if(errors)
    return _step(
        assessment, actor=actor, to=Status.CHECKED if passed else Status.RETURNED,
        checked_by=actor, checked_at=timezone.now(), town_note=note,
    )  # fmt: skip


def may_decide(actor, assessment: SelfAssessment) -> bool:
    return (
        _county_editor(actor, assessment.round.scheme.county)
        and not holds_any_role_at_or_below(actor, assessment.union)
        and not (actor is not None and assessment.submitted_by_id == actor.pk)
    )


@transaction.atomic
def decide(*, actor, assessment: SelfAssessment, level, note="") -> SelfAssessment:
    """The county's decision; a self-assessment is never decided by its own union."""
    assessment = _lock(assessment)
    if not may_decide(actor, assessment):
        raise PermissionDenied(_("自评须由县总评定，本工会不能评定自己的自评"))
    errors: dict = {}
    if level not in assessment.round.scheme.level_list:
        errors["level"] = _("请选择评定等级")
    note = checks.text(note, "note", _("评定意见"), 1000, errors)
    if assessment.status != Status.CHECKED:
        errors["level"] = _("自评当前为“%(s)s”，须经乡镇审核后评定") % {
            "s": assessment.get_status_display()
        }
    checks.raise_if(errors)
    assessment = _step(assessment, actor=actor, to=Status.DECIDED, decided_level=level,
                       decided_by=actor, decided_at=timezone.now(), county_note=note)  # fmt: skip
    rating, created = OrgRating.objects.update_or_create(
        organisation=assessment.union, scheme=assessment.round.scheme,
        year=assessment.round.year, defaults={"level": level, "assessment": assessment},
    )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE,
                 obj=rating, after=audit.snapshot(rating))  # fmt: skip
    return assessment


@transaction.atomic
def select_model_home(*, actor, organisation, kind, level, year, note="") -> ModelHome:
    errors: dict = {}
    if organisation is None or organisation.parent is None:
        errors["organisation"] = _("请选择工会")
    elif not may_edit_org(actor, organisation.parent) or holds_any_role_at_or_below(
        actor, organisation
    ):
        errors["organisation"] = _("模范职工之家（小家）由上级工会评选")
    if kind not in HomeKind.values:
        errors["kind"] = _("请选择类别")
    if level not in HomeLevel.values:
        errors["level"] = _("请选择级别")
    year = checks.whole(year, "year", _("年度"), errors, low=2000, high=2100)
    note = checks.text(note, "note", _("说明"), 200, errors)
    if (
        not errors
        and ModelHome.objects.filter(organisation=organisation, kind=kind, year=year).exists()
    ):
        errors["organisation"] = _("%(o)s已有 %(y)d 年的该项评选") % {
            "o": organisation.name, "y": year,
        }  # fmt: skip
    checks.raise_if(errors)
    home = ModelHome.objects.create(
        organisation=organisation, kind=kind, level=level, year=year, note=note
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=home, after=audit.snapshot(home))
    return home
