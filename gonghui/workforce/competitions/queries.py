"""Reads of competitions: quota use, entrants grouped by union, a judge's score sheet (with the
entrants they must not mark left out: 回避) and the published ranking as the user may see it."""

from dataclasses import dataclass

from gonghui.workforce.competitions import scoring
from gonghui.workforce.competitions.services import COUNTED
from gonghui.workforce.models import Entrant, Score


@dataclass
class QuotaUse:
    organisation: object
    quota: int
    used: int


def quota_use(competition) -> list[QuotaUse]:
    rows = []
    for q in competition.quotas.select_related("organisation").order_by("organisation__path"):
        used = Entrant.objects.filter(
            competition=competition, status__in=COUNTED,
            union__path__startswith=q.organisation.path,
        ).count()  # fmt: skip
        rows.append(QuotaUse(q.organisation, q.quota, used))
    return rows


def entrants_by_union(entrants) -> list[tuple]:
    grouped: dict = {}
    for e in entrants:
        grouped.setdefault(e.union, []).append(e)
    return list(grouped.items())


@dataclass
class SheetRow:
    entrant: Entrant
    cells: list  # (criterion, current value or "")


def score_sheet(rnd, judge) -> list[SheetRow]:
    criteria = list(rnd.criteria.all())
    given = {
        (s.entrant_id, s.criterion_id): s.value
        for s in Score.objects.filter(judge=judge, criterion__round=rnd)
    }
    return [
        SheetRow(e, [(c, given.get((e.pk, c.pk), "")) for c in criteria])
        for e in scoring.entrants_for_scoring(rnd.competition)
        if not judge.recused_from(e)
    ]


@dataclass
class Published:
    entrant: Entrant
    rank: int
    total: object
    visible: bool


def published(competition, user) -> list[Published]:
    """The fixed ranking; entrants outside the user's scope appear by rank and mark only."""
    mine = set(Entrant.objects.visible_to(user).filter(competition=competition)
               .values_list("pk", flat=True))  # fmt: skip
    rows = competition.entrants.filter(rank__isnull=False).select_related("employer", "union")
    return [Published(e, e.rank, e.total, e.pk in mine) for e in rows.order_by("rank")]
