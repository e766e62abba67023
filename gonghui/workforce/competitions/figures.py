"""The competition figures (统计口径), registered with core.figures as "workforce_competitions":

- `competitions`: competitions organised in scope (by the organiser's path) held in the period
  (their dates overlap it).
- `competition_entrants`: entrant registrations (人次) in scope (by the entrant's union) made in
  the period, withdrawn ones left out.
"""

from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.workforce.models import Competition, Entrant
from gonghui.workforce.models.competitions import EntrantStatus

LABELS = {
    "competitions": _("本期举办竞赛"),
    "competition_entrants": _("本期竞赛报名（人次）"),
}


def held(scope: FigureScope):
    return Competition.objects.filter(
        scope.q("organisation__path"), starts_on__lte=scope.date_to, ends_on__gte=scope.date_from
    )


def entrants(scope: FigureScope):
    return Entrant.objects.filter(
        scope.q("union__path"),
        registered_at__date__gte=scope.date_from,
        registered_at__date__lte=scope.date_to,
    ).exclude(status=EntrantStatus.WITHDRAWN)


def competition_figures(scope: FigureScope) -> dict:
    return {"competitions": held(scope).count(), "competition_entrants": entrants(scope).count()}
