"""The records behind the workforce figures (由数到人), registered with core.figures beside them."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import TracePart, column, register_derived, register_trace
from gonghui.workforce import figures as fig
from gonghui.workforce.care import queries as care_queries
from gonghui.workforce.competitions import figures as competition_figures
from gonghui.workforce.models import Honouree
from gonghui.workforce.models.proposals import ADOPTED_STATES, ProposalStatus
from gonghui.workforce.points import figures as points_figures

HONOUREES = (
    column(_("姓名"), "name"),
    column(_("所在工会"), "union.name"),
    column(_("状态"), "status"),
)
HONOURS = (
    column(_("荣誉"), "kind.name"),
    column(_("获得者"), "honouree.name"),
    column(_("授予日期"), "awarded_on"),
    column(_("证书编号"), "certificate_no"),
)
STUDIOS = (
    column(_("工作室名称"), "name"),
    column(_("命名级别"), "level"),
    column(_("所在工会"), "union.name"),
    column(_("命名日期"), "named_on"),
)
ALLIANCES = (
    column(_("联盟名称"), "name"),
    column(_("牵头工会"), "organisation.name"),
    column(_("成立日期"), "founded_on"),
)


def _part(title, queryset, columns) -> TracePart:
    return TracePart(str(title), queryset, tuple(columns))


TRACES = {
    "honourees": lambda s: _part(
        _("健在且有有效荣誉的劳模工匠"), fig.living_honourees(s).select_related("union"), HONOUREES
    ),
    "honours_awarded": lambda s: _part(
        _("统计期内授予的荣誉"),
        fig.awarded_in_period(s).select_related("kind", "honouree"),
        HONOURS,
    ),
    "studios": lambda s: _part(
        _("创新工作室"), fig.named_studios(s).select_related("union"), STUDIOS
    ),
    "studio_alliances": lambda s: _part(
        _("工作室联盟"), fig.alliances(s).select_related("organisation"), ALLIANCES
    ),
    "honourees_due_checkup": lambda s: _part(
        _("应安排体检的劳模"),
        care_queries.checkup_due(
            Honouree.objects.filter(s.q("union__path")), today=s.today
        ).select_related("union"),
        HONOUREES,
    ),
}


COMPETITIONS = (
    column(_("竞赛名称"), "name"),
    column(_("主办工会"), "organisation.name"),
    column(_("竞赛类别"), "kind"),
    column(_("开始日期"), "starts_on"),
    column(_("结束日期"), "ends_on"),
)
ENTRANTS = (
    column(_("竞赛"), "competition.name"),
    column(_("姓名"), "name"),
    column(_("所在工会"), "union.name"),
    column(_("报名方式"), "source"),
    column(_("状态"), "status"),
)
# The submitter is left out, as on the review panel's pages: the figure counts proposals.
PROPOSALS = (
    column(_("编号"), "number"),
    column(_("题目"), "title"),
    column(_("所在工会"), "union.name"),
    column(_("状态"), "status"),
    column(_("提出日期"), "submitted_on"),
    column(_("核实效益（元）"), "verified_benefit"),
)


def _proposals(title, queryset, total=None) -> TracePart:
    return TracePart(str(title), queryset.select_related("union"), PROPOSALS, total=total)


TRACES.update({
    "competitions": lambda s: _part(
        _("统计期内举办的竞赛"), competition_figures.held(s).select_related("organisation"),
        COMPETITIONS,
    ),
    "competition_entrants": lambda s: _part(
        _("统计期内的竞赛报名（人次）"),
        competition_figures.entrants(s).select_related("competition", "union"), ENTRANTS,
    ),
    "proposals": lambda s: _proposals(_("统计期内提出的建议"), points_figures.submitted(s)),
    "proposals_adopted": lambda s: _proposals(
        _("其中已采纳（含已实施）"), points_figures.submitted(s).filter(status__in=ADOPTED_STATES)
    ),
    "proposals_implemented": lambda s: _proposals(
        _("其中已实施"), points_figures.submitted(s).filter(status=ProposalStatus.IMPLEMENTED)
    ),
    "proposal_benefit": lambda s: _proposals(
        _("统计期内提出的建议及其核实效益"), points_figures.submitted(s),
        total="verified_benefit",
    ),
})  # fmt: skip


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    register_derived("honourees_by_level", "honours_awarded_by_kind", "studios_by_level")
    # Nets of the points ledger (awards less reversals, redemptions less cancellations): the
    # ledger's own page lists the entries with their signs.
    register_derived("points_awarded", "points_redeemed")
