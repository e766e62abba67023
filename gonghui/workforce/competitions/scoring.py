"""Judges, marks and the ranking of a skills contest (技能大赛评分).

How a result is made (the same for the score sheet's preview and the published ranking):
- a judge's mark of an entrant in a round is the weighted mean of the criteria, each criterion's
  points taken over its full marks: Σ(points/max × weight) / Σ weight × 100 (a 0–100 mark);
- the round's result is the mean of the judges' marks, the highest and the lowest dropped first
  when the competition says so (and at least three judges marked);
- the total is the rounds' results weighted by the rounds' weights: Σ(result × weight) / Σ weight;
- ties on the total are broken by the competition's rule (practical higher first, then theory,
  then the earlier registration; or theory first; or registration alone).
All to two places, half up. A judge never scores an entrant of their own employer (回避): the
service refuses, and the score sheet hides the cell.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.workforce.competitions.services import _editable, created, decimal_in
from gonghui.workforce.models import Entrant, HonourCandidate, Judge, Score
from gonghui.workforce.models.competitions import (
    ContestStatus,
    EntrantStatus,
    RoundKind,
    TieRule,
)

CENT = Decimal("0.01")


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@transaction.atomic
def add_judge(*, actor, competition, name="", member=None, employer=None, employer_name=""):
    competition = _editable(actor, competition)
    if member is not None:
        name = name or member.name
        employer = employer or member.employer
    if not (name or "").strip():
        raise ValidationError({"name": _("请填写评委姓名或选择会员")})
    if employer is None and not (employer_name or "").strip():
        raise ValidationError({"employer_name": _("请填写评委的工作单位（用于回避）")})
    return created(actor, Judge.objects.create(
        competition=competition, member=member, name=name.strip()[:50], employer=employer,
        employer_name=(employer_name or (employer.name if employer else "")).strip()[:100],
    ))  # fmt: skip


def entrants_for_scoring(competition):
    return (
        competition.entrants.filter(status=EntrantStatus.CONFIRMED)
        .select_related("employer", "union")
        .order_by("registered_at", "pk")
    )


@transaction.atomic
def enter_scores(*, actor, judge, entrant, marks: dict) -> list[Score]:
    """One judge's marks of one entrant in one round: {criterion: points}."""
    competition = _editable(actor, judge.competition, ContestStatus.SCORING)
    if entrant.competition_id != competition.pk or entrant.status != EntrantStatus.CONFIRMED:
        raise ValidationError({"entrant": _("该选手不是本竞赛已确认的参赛选手")})
    if judge.recused_from(entrant):
        raise ValidationError({"judge": _("评委%(j)s与选手%(e)s同属%(u)s，应当回避，不能评分")
                                        % {"j": judge.name, "e": entrant.name,
                                           "u": entrant.employer}})  # fmt: skip
    if not marks:
        raise ValidationError({"marks": _("请填写评分")})
    saved = []
    for criterion, points in marks.items():
        if criterion.round.competition_id != competition.pk:
            raise ValidationError({"marks": _("评分项不属于本竞赛")})
        value = decimal_in(points, field="marks", label=_("“%(c)s”得分") % {"c": criterion.name},
                           high=criterion.max_score)  # fmt: skip
        row, made = Score.objects.select_for_update().get_or_create(
            criterion=criterion, judge=judge, entrant=entrant,
            defaults={"value": value, "entered_by": actor},
        )  # fmt: skip
        if made:
            created(actor, row)
        elif row.value != value:
            before = audit.snapshot(row)
            row.value, row.entered_by = value, actor
            audit.saved(row, actor=actor, before=before)
        saved.append(row)
    return saved


@dataclass
class Line:
    entrant: Entrant
    rounds: dict = field(default_factory=dict)  # round pk -> Decimal | None
    theory: Decimal = Decimal(0)
    practical: Decimal = Decimal(0)
    total: Decimal | None = None
    rank: int | None = None


def judge_mark(criteria, points: dict) -> Decimal | None:
    """A judge's 0–100 mark over a round's criteria; None until every criterion is marked."""
    if not criteria or any(c.pk not in points for c in criteria):
        return None
    weight = sum(c.weight for c in criteria)
    return sum(points[c.pk] / c.max_score * c.weight for c in criteria) / weight * 100


def round_result(marks: list[Decimal], drop_extremes: bool) -> Decimal | None:
    if not marks:
        return None
    marks = sorted(marks)
    if drop_extremes and len(marks) >= 3:
        marks = marks[1:-1]
    return q2(sum(marks) / len(marks))


def _tie_key(rule):
    def key(line: Line):
        last = (line.entrant.registered_at, line.entrant.pk)
        if line.total is None:
            return (1, Decimal(0), Decimal(0), Decimal(0), *last)
        if rule == TieRule.PRACTICAL_FIRST:
            return (0, -line.total, -line.practical, -line.theory, *last)
        if rule == TieRule.THEORY_FIRST:
            return (0, -line.total, -line.theory, -line.practical, *last)
        return (0, -line.total, Decimal(0), Decimal(0), *last)

    return key


def results(competition) -> list[Line]:
    """Every confirmed entrant's round results, total and rank, best first."""
    rounds = list(competition.rounds.prefetch_related("criteria"))
    entrants = list(entrants_for_scoring(competition))
    points: dict = defaultdict(dict)  # (entrant, round, judge) -> {criterion: value}
    for s in Score.objects.filter(entrant__in=entrants).select_related("criterion"):
        points[(s.entrant_id, s.criterion.round_id, s.judge_id)][s.criterion_id] = s.value
    lines = []
    for entrant in entrants:
        line = Line(entrant)
        weighted, weights, complete = Decimal(0), Decimal(0), bool(rounds)
        for rnd in rounds:
            criteria = list(rnd.criteria.all())
            marks = [
                m
                for (e, r, j), given in points.items()
                if e == entrant.pk and r == rnd.pk
                for m in [judge_mark(criteria, given)]
                if m is not None
            ]
            result = round_result(marks, competition.drop_extremes)
            line.rounds[rnd.pk] = result
            if result is None:
                complete = False
                continue
            weighted += result * rnd.weight
            weights += rnd.weight
            if rnd.kind == RoundKind.THEORY:
                line.theory += result
            else:
                line.practical += result
        line.total = q2(weighted / weights) if complete and weights else None
        lines.append(line)
    lines.sort(key=_tie_key(competition.tie_rule))
    for i, line in enumerate(lines, start=1):
        line.rank = i if line.total is not None else None
    return lines


@transaction.atomic
def publish(*, actor, competition) -> list[Line]:
    """Fix the ranking: every confirmed entrant must have a result in every round."""
    competition = _editable(actor, competition, ContestStatus.SCORING)
    if not competition.rounds.exists():
        raise ValidationError(_("尚未设置比赛轮次"))
    lines = results(competition)
    if not lines:
        raise ValidationError(_("没有已确认的参赛选手"))
    missing = [line.entrant.name for line in lines if line.total is None]
    if missing:
        names = "、".join(missing[:10])
        raise ValidationError(_("以下选手尚有轮次未完成评分：%(n)s") % {"n": names})
    for line in lines:
        before = audit.snapshot(line.entrant)
        line.entrant.total, line.entrant.rank = line.total, line.rank
        audit.saved(line.entrant, actor=actor, before=before)
    before = audit.snapshot(competition)
    competition.status = ContestStatus.PUBLISHED
    competition.published_on = timezone.localdate()
    audit.saved(competition, actor=actor, before=before)
    for line in lines:
        _award_points(line.entrant, competition.published_on)
    return lines


def _award_points(entrant, on) -> None:
    """A ranked entrant whose union keeps a 劳动竞赛 points rule earns its points, once per
    entry. The system writes them (the organiser may be a county that does not keep the
    enterprise's ledger); a worker past the rule's cap simply earns nothing more."""
    from gonghui.workforce.models.points import PointsItem, PointsRule
    from gonghui.workforce.points import ledger

    member = entrant.member
    rule = PointsRule.objects.filter(
        union_id=member.union_id, item=PointsItem.COMPETITION, is_active=True
    ).order_by("pk").first()  # fmt: skip
    if rule is None or member.status != "active":
        return
    try:
        with transaction.atomic():
            ledger.award_for_source(rule_item=rule, member=member, source=entrant, actor=None,
                                    on=on, note=str(entrant.competition)[:200])  # fmt: skip
    except ValidationError:
        pass  # over a cap: the ranking stands without these points


@transaction.atomic
def publish_labour(*, actor, competition) -> None:
    """A labour contest has no marks: closing it publishes its commended teams."""
    competition = _editable(actor, competition)
    if competition.status == ContestStatus.PUBLISHED:
        raise ValidationError(_("竞赛已结束"))
    before = audit.snapshot(competition)
    competition.status = ContestStatus.PUBLISHED
    competition.published_on = timezone.localdate()
    audit.saved(competition, actor=actor, before=before)


@transaction.atomic
def recommend(*, actor, entrant, note="") -> HonourCandidate:
    """Put a ranked entrant forward to the honours cycle (竞赛表彰候选)."""
    entrant = Entrant.objects.select_related("competition", "union").get(pk=entrant.pk)
    from gonghui.core.scoping import ensure_may_edit_org

    ensure_may_edit_org(actor, entrant.union)
    if entrant.competition.status != ContestStatus.PUBLISHED or entrant.rank is None:
        raise ValidationError(_("成绩公布后，才能推荐有名次的选手为表彰候选"))
    if HonourCandidate.objects.filter(entrant=entrant).exists():
        raise ValidationError(_("该选手已推荐为表彰候选"))
    return created(actor, HonourCandidate.objects.create(
        entrant=entrant, union=entrant.union, recommended_by=actor,
        note=(note or "").strip()[:200] or _("%(c)s第%(r)d名") % {"c": entrant.competition,
                                                                 "r": entrant.rank},
    ))  # fmt: skip
