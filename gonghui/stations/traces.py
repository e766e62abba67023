"""The records behind the stations figures (由数到人), registered with core.figures beside them."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import TracePart, column, register_derived, register_trace
from gonghui.stations import figures as fig
from gonghui.stations.models import Incident, Inspection, Visit

STATIONS = (
    column(_("驿站名称"), "name"),
    column(_("类型"), "kind"),
    column(_("责任工会"), "union.name"),
    column(_("地址"), "address"),
    column(_("状态"), "status"),
)
VISITS = (
    column(_("驿站"), "station.name"),
    column(_("日期"), "date"),
    column(_("来源"), "source"),
    column(_("人次"), "count"),
)
NAMED = (column(_("记录"), str),)


def _part(title, queryset, columns, total=None) -> TracePart:
    return TracePart(str(title), queryset, tuple(columns), total)


def _visits(s):
    rows = Visit.objects.filter(
        s.q("station__union__path"), date__gte=s.date_from, date__lte=s.date_to
    )
    return rows.select_related("station")


def _incidents(s):
    start, end = fig._bounds(s)
    return Incident.objects.filter(
        s.q("station__union__path"), received_at__gte=start, received_at__lt=end
    )


TRACES = {
    "stations": lambda s: _part(
        _("开放的驿站"), fig.open_stations(s).select_related("union"), STATIONS
    ),
    "station_visits": lambda s: _part(_("到站服务记录"), _visits(s), VISITS, "count"),
    "incidents": lambda s: _part(_("突发事件接报"), _incidents(s), NAMED),
    "inspections": lambda s: _part(
        _("驿站检查"),
        Inspection.objects.filter(
            s.q("station__union__path"),
            inspected_on__gte=s.date_from,
            inspected_on__lte=s.date_to,
        ),
        NAMED,
    ),
    "fixes_overdue": lambda s: _part(_("逾期未整改问题"), fig.overdue_findings(s), NAMED),
}


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    # Breakdowns of `stations` (by kind, by weekly pattern), people counted once, a median.
    register_derived(
        "stations_by_kind", "stations_smart", "stations_open_24h", "station_visitors",
        "incident_response_minutes",
    )  # fmt: skip
