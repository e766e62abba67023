"""The workforce figures (统计口径), registered with core.figures:

- `honourees`: living honourees with an active honour in scope (by their file's union), and
  `honourees_by_level`: the same by the highest level of their honours (a person counts once).
- `honours_awarded`: honours awarded in the period (awarded_on within it), not revoked, and
  `honours_awarded_by_kind`.
- `studios`: studios not revoked, `studios_by_level`; `studio_alliances`: alliances led in scope.
- `honourees_due_checkup`: the due list's length today (gonghui.workforce.care.queries).
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.workforce.care import queries as care_queries
from gonghui.workforce.choices import HonourStatus, Level, StudioStatus
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


def workforce_figures(scope: FigureScope) -> dict:
    living = care_queries.living_with_honours(Honouree.objects.filter(scope.q("union__path")))
    by_level = {str(label): 0 for value, label in Level.choices}
    levels = Honour.objects.filter(status=HonourStatus.ACTIVE, honouree__in=living).values_list(
        "honouree_id", "kind__level"
    )
    best: dict = {}
    for honouree_id, level in levels:
        if honouree_id not in best or RANK.index(level) < RANK.index(best[honouree_id]):
            best[honouree_id] = level
    labels = dict(Level.choices)
    for level in best.values():
        by_level[str(labels[level])] += 1
    awarded = Honour.objects.filter(
        scope.q("union__path"),
        awarded_on__gte=scope.date_from,
        awarded_on__lte=scope.date_to,
        status=HonourStatus.ACTIVE,
    )
    by_kind = dict(awarded.values_list("kind__name").annotate(n=Count("pk")).order_by("kind__name"))
    studios = Studio.objects.filter(scope.q("union__path")).exclude(status=StudioStatus.REVOKED)
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
        "studio_alliances": Alliance.objects.filter(scope.q("organisation__path")).count(),
        "honourees_due_checkup": care_queries.checkup_due(
            Honouree.objects.filter(scope.q("union__path")), today=scope.today
        ).count(),
    }
