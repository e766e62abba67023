"""The figures of proposals and points (provider "workforce_points"), by the record's union:

- `proposals`: proposals submitted in the period; `proposals_adopted`: of those, adopted
  (implemented ones included); `proposals_implemented`: of those, implemented;
- `proposal_benefit`: the verified benefit (yuan) of the period's proposals;
- `points_awarded`: points earned in the period (awards less reversals);
- `points_redeemed`: points spent on rewards in the period (less cancelled redemptions).
"""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.core.money import yuan
from gonghui.workforce.models import PointsEntry, Proposal
from gonghui.workforce.models.proposals import ADOPTED_STATES, ProposalStatus
from gonghui.workforce.points import queries

LABELS = {
    "proposals": _("本期合理化建议"),
    "proposals_adopted": _("本期建议已采纳"),
    "proposals_implemented": _("本期建议已实施"),
    "proposal_benefit": _("建议核实效益（元）"),
    "points_awarded": _("本期发放积分"),
    "points_redeemed": _("本期兑换积分"),
}


def submitted(scope: FigureScope):
    return Proposal.objects.filter(
        scope.q("union__path"), submitted_on__gte=scope.date_from, submitted_on__lte=scope.date_to
    )


def points_figures(scope: FigureScope) -> dict:
    proposals = submitted(scope)
    entries = PointsEntry.objects.filter(
        scope.q("account__union__path"), on__gte=scope.date_from, on__lte=scope.date_to
    )
    moved = queries.totals(entries)
    return {
        "proposals": proposals.count(),
        "proposals_adopted": proposals.filter(status__in=ADOPTED_STATES).count(),
        "proposals_implemented": proposals.filter(status=ProposalStatus.IMPLEMENTED).count(),
        "proposal_benefit": yuan(proposals.aggregate(s=Sum("verified_benefit"))["s"]),
        "points_awarded": moved["awarded"],
        "points_redeemed": moved["redeemed"],
    }
