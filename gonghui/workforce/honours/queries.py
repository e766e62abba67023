"""Read side of honours (selectors): the share rules evaluated live on a cycle's nomination list,
who may act at which level, the masked public notice and the roll. Nothing here writes."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg

from gonghui.core.scoping import holds_role_at
from gonghui.portal.cards import mask_name
from gonghui.registry.choices import Gender, Ownership
from gonghui.registry.membership_queries import REVIEW_ROLES
from gonghui.workforce.choices import (
    Agency,
    Comparison,
    Criterion,
    NominationStatus,
    Opinion,
    Position,
    StepStatus,
)
from gonghui.workforce.models import Honour, HonourCycle, Nomination, NominationStep

NON_PUBLIC = {Ownership.NON_PUBLIC, Ownership.FOREIGN, Ownership.HK_MACAO_TAIWAN}
HUNDRED = Decimal(100)


def _meets(criterion: str, nomination: Nomination) -> bool | None:
    """Whether the nomination counts for the criterion; None: it does not apply (a unit has no
    gender, a person's employer may be unknown)."""
    member = nomination.member
    if criterion == Criterion.NON_PUBLIC:
        employer = nomination.employer or (member.employer if member else None)
        return None if employer is None else employer.ownership in NON_PUBLIC
    if member is None:
        return None
    if criterion == Criterion.WOMEN:
        return member.gender == Gender.FEMALE
    if criterion == Criterion.MIGRANT:
        return member.is_migrant_worker
    if criterion == Criterion.FRONT_LINE:
        return nomination.position == Position.FRONT_LINE
    if criterion == Criterion.UNIT_HEAD:
        return nomination.position == Position.UNIT_HEAD
    return None


@dataclass(frozen=True)
class RuleShare:
    rule: object
    count: int
    total: int

    @property
    def percent(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.count) * HUNDRED / self.total).quantize(Decimal("0.1"))

    @property
    def passes(self) -> bool:
        if not self.total:
            return True  # nothing it applies to yet
        share = Decimal(self.count) * HUNDRED / self.total
        if self.rule.comparison == Comparison.AT_LEAST:
            return share >= self.rule.percent
        return share <= self.rule.percent


def nomination_list(cycle: HonourCycle):
    """The cycle's list: every nomination sent up and not refused or withdrawn."""
    return (
        Nomination.objects.filter(cycle=cycle)
        .live()
        .select_related("member__employer", "employer", "union")
        .order_by("union__path", "pk")
    )


def rule_shares(cycle: HonourCycle, nominations=None) -> list[RuleShare]:
    nominations = list(nomination_list(cycle) if nominations is None else nominations)
    shares = []
    for rule in cycle.rules.order_by("pk"):
        counted = [_meets(rule.criterion, n) for n in nominations]
        applicable = [c for c in counted if c is not None]
        shares.append(RuleShare(rule, sum(1 for c in applicable if c), len(applicable)))
    return shares


def failing_rules(cycle: HonourCycle) -> list[RuleShare]:
    return [s for s in rule_shares(cycle) if not s.passes]


def quota_use(cycle: HonourCycle) -> list[dict]:
    live = list(Nomination.objects.filter(cycle=cycle).live().values_list("union__path", flat=True))
    return [
        {
            "quota": q,
            "used": sum(1 for p in live if p.startswith(q.organisation.path)),
        }
        for q in cycle.quotas.select_related("organisation").order_by("organisation__path")
    ]


def current_step(nomination: Nomination) -> NominationStep | None:
    if nomination.status != NominationStatus.REVIEWING:
        return None
    return (
        nomination.steps.filter(status=StepStatus.WAITING)
        .select_related("organisation")
        .order_by("order")
        .first()
    )


def is_party(user, nomination: Nomination) -> bool:
    """Whoever entered or sent a nomination up never decides it (None: the system, the demo)."""
    if user is None:
        return False
    return user.pk in (nomination.created_by_id, nomination.submitted_by_id)


def may_decide_step(user, nomination: Nomination) -> bool:
    step = current_step(nomination)
    if user is None:
        return step is not None
    if step is None or not getattr(user, "is_authenticated", False) or is_party(user, nomination):
        return False
    if nomination.steps.filter(decided_by=user).exists():
        return False
    return holds_role_at(user, step.organisation, REVIEW_ROLES)


def acts_for_cycle(user, cycle: HonourCycle) -> bool:
    """The cycle's organisation (the county) vets, scores, publishes and approves."""
    if user is None:
        return True
    return getattr(user, "is_authenticated", False) and holds_role_at(
        user, cycle.organisation, REVIEW_ROLES
    )


def opinions_missing(nomination: Nomination) -> list[str]:
    have = set(nomination.opinions.values_list("agency", flat=True))
    return [str(label) for value, label in Agency.choices if value not in have]


def objected_by_agency(nomination: Nomination) -> bool:
    return nomination.opinions.filter(opinion=Opinion.OBJECT).exists()


def mean_score(nomination: Nomination):
    return nomination.scores.aggregate(v=Avg("score"))["v"]


def notice_rows(cycle: HonourCycle) -> list[dict]:
    """The public notice (公示): candidates masked, their union and employer."""
    rows = []
    for n in nomination_list(cycle).filter(
        status__in=[NominationStatus.CANDIDATE, NominationStatus.APPROVED]
    ):
        employer = n.employer or (n.member.employer if n.member else None)
        rows.append(
            {
                "pk": n.pk,
                "name": mask_name(n.member.name) if n.member else n.nominee_name,
                "union": n.union.name,
                "employer": employer.name if employer else "",
                "position": n.get_position_display(),
            }
        )
    return rows


def roll(queryset=None):
    """The honour roll (荣誉榜): active honours, newest first."""
    qs = Honour.objects.all() if queryset is None else queryset
    return qs.active().select_related("kind", "honouree", "employer", "union")
