"""The workforce figures (统计口径), registered with core.figures:

- `honourees`: living honourees with an active honour in scope (by their file's union), and
  `honourees_by_level`: the same by the highest level of their honours (a person counts once).
- `honours_awarded`: honours awarded in the period (awarded_on within it), not revoked, and
  `honours_awarded_by_kind`.
- `studios`: studios not revoked, `studios_by_level`; `studio_alliances`: alliances led in scope.
- `honourees_due_checkup`: the due list's length today (gonghui.workforce.care.queries).

As of a past day (`scope.today`, 统计时点): honourees alive then (no death date on or before it)
holding an honour awarded by then and not revoked before it; studios named by then and not
revoked now (a studio's revocation date is not kept); alliances founded by then.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.workforce.care import queries as care_queries
from gonghui.workforce.choices import HonoureeStatus, HonourStatus, Level, StudioStatus
from gonghui.workforce.models import Alliance, Honour, Honouree, Studio

LABELS = {
    "honourees": _("劳模工匠（人）"),
    "honourees_by_level": _("劳模工匠（按最高级别）"),
    "honours_awarded": _("本期授予荣誉"),
    "honours_awarded_by_kind": _("本期授予荣誉（按类别）"),
    "studios": _("创新工作室"),
    "studios_by_level": _("创新工作室（按级别）"),
    "studio_alliances": _("工作室联盟"),
    "honourees_due_checkup": _("应安排体检的劳模"),
}
RANK = [Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.COUNTY]


def _current(scope: FigureScope) -> bool:
    return scope.today >= timezone.localdate()


def held_honours(scope: FigureScope):
    """Honours in force on `scope.today`."""
    if _current(scope):
        return Honour.objects.filter(status=HonourStatus.ACTIVE)
    day = scope.today
    in_force = Q(status=HonourStatus.ACTIVE) | Q(revoked_on__gt=day)
    return Honour.objects.filter(in_force, awarded_on__lte=day)


def living_honourees(scope: FigureScope):
    """`honourees`' people: alive on `scope.today` with an honour in force then."""
    in_scope = Honouree.objects.filter(scope.q("union__path"))
    if _current(scope):
        return care_queries.living_with_honours(in_scope)
    alive = Q(died_on__isnull=True, status__in=(HonoureeStatus.WORKING, HonoureeStatus.RETIRED))
    alive |= Q(died_on__gt=scope.today)
    return in_scope.filter(alive, pk__in=held_honours(scope).values("honouree_id"))


def named_studios(scope: FigureScope):
    studios = Studio.objects.filter(scope.q("union__path")).exclude(status=StudioStatus.REVOKED)
    return studios if _current(scope) else studios.filter(named_on__lte=scope.today)


def alliances(scope: FigureScope):
    rows = Alliance.objects.filter(scope.q("organisation__path"))
    return rows if _current(scope) else rows.filter(founded_on__lte=scope.today)


def awarded_in_period(scope: FigureScope):
    return Honour.objects.filter(
        scope.q("union__path"),
        awarded_on__gte=scope.date_from,
        awarded_on__lte=scope.date_to,
        status=HonourStatus.ACTIVE,
    )


def workforce_figures(scope: FigureScope) -> dict:
    living = living_honourees(scope)
    by_level = {str(label): 0 for value, label in Level.choices}
    levels = (
        held_honours(scope).filter(honouree__in=living).values_list("honouree_id", "kind__level")
    )
    best: dict = {}
    for honouree_id, level in levels:
        if honouree_id not in best or RANK.index(level) < RANK.index(best[honouree_id]):
            best[honouree_id] = level
    labels = dict(Level.choices)
    for level in best.values():
        by_level[str(labels[level])] += 1
    awarded = awarded_in_period(scope)
    by_kind = dict(awarded.values_list("kind__name").annotate(n=Count("pk")).order_by("kind__name"))
    studios = named_studios(scope)
    studios_by_level = {str(label): 0 for value, label in Level.choices}
    for level, n in studios.values_list("level").annotate(n=Count("pk")):
        studios_by_level[str(labels[level])] = n
    return {
        "honourees": len(best),
        "honourees_by_level": by_level,
        "honours_awarded": sum(by_kind.values()),  # the grouped rows, not a second count
        "honours_awarded_by_kind": by_kind,
        "studios": sum(studios_by_level.values()),
        "studios_by_level": studios_by_level,
        "studio_alliances": alliances(scope).count(),
        "honourees_due_checkup": care_queries.checkup_due(
            Honouree.objects.filter(scope.q("union__path")), today=scope.today
        ).count(),
    }
