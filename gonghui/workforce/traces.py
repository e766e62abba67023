"""The records behind the workforce figures (由数到人), registered with core.figures beside them."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import TracePart, column, register_derived, register_trace
from gonghui.workforce import figures as fig
from gonghui.workforce.care import queries as care_queries
from gonghui.workforce.models import Honouree

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


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    register_derived("honourees_by_level", "honours_awarded_by_kind", "studios_by_level")
