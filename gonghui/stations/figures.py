"""The stations module's figures (驿站), registered with gonghui.core.figures.

Every function takes a FigureScope and scopes through the station's union (`union__path`), as
`Station.objects.visible_to` does. Period days are local days (Asia/Shanghai), both ends
inclusive; stocks are counted as of `scope.today` (open stations as of today: their opening
and closing days are not kept).

Definitions:
- `stations`: stations open (status open) as of today, in scope; `stations_by_kind` the same by
  kind, keyed by the kind's label (every kind, zeros included).
- `stations_smart`: open stations whose weekly pattern has an unattended (video-watched) window.
- `stations_open_24h`: open stations whose weekly pattern covers every hour of every day.
- `station_visits` (人次): visits summed (`count`) over scans, keepers' walk-ins and door
  counters, dated in the period.
- `station_visitors` (人数): distinct people in the period — each scanning worker once however
  many days and stations they came to, plus the people the keepers counted at walk-ins; a door
  counter's entries are 人次 only and add nothing here.
- `incidents`: incidents received in the period; `incident_response_minutes`: the median of
  minutes from received to responded over those of them responded (None when there are none).
- `inspections`: county inspections dated in the period.
- `fixes_overdue`: findings not fixed whose fix deadline has passed as of today.
"""

import statistics

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.stations.choices import StationKind, StationStatus, VisitSource
from gonghui.stations.models import Finding, Incident, Inspection, Station, Visit

LABELS = {
    "stations": _("开放驿站"),
    "stations_by_kind": _("按类型开放驿站"),
    "stations_smart": _("智慧驿站（含无人值守时段）"),
    "stations_open_24h": _("24小时开放驿站"),
    "station_visits": _("驿站服务人次"),
    "station_visitors": _("驿站服务人数"),
    "incidents": _("驿站突发事件"),
    "incident_response_minutes": _("突发事件响应时间中位数（分钟）"),
    "inspections": _("驿站检查次数"),
    "fixes_overdue": _("逾期未整改问题"),
}


def _bounds(scope: FigureScope):
    import datetime

    from gonghui.stations.stations.hours import TZ

    start = datetime.datetime.combine(scope.date_from, datetime.time.min, tzinfo=TZ)
    end = datetime.datetime.combine(
        scope.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=TZ
    )
    return start, end


def station_figures(scope: FigureScope) -> dict:
    stock = station_stock(scope)
    visits = visit_totals(scope)
    incidents = incident_totals(scope)
    return {
        "stations": stock["open"],
        "stations_by_kind": stock["by_kind"],
        "stations_smart": stock["smart"],
        "stations_open_24h": stock["always"],
        "station_visits": visits["visits"],
        "station_visitors": visits["visitors"],
        "incidents": incidents["received"],
        "incident_response_minutes": incidents["median"],
        "inspections": Inspection.objects.filter(
            scope.q("station__union__path"),
            inspected_on__gte=scope.date_from,
            inspected_on__lte=scope.date_to,
        ).count(),  # fmt: skip
        "fixes_overdue": overdue_findings(scope).count(),
    }


def overdue_findings(scope: FigureScope):
    """Findings past their fix deadline and not fixed on `scope.today` (as of a past day: found
    by then and fixed after it, or not yet)."""
    findings = Finding.objects.filter(
        scope.q("inspection__station__union__path"), fix_by__lt=scope.today
    )
    if scope.today >= timezone.localdate():
        return findings.filter(fixed_on__isnull=True)
    unfixed = Q(fixed_on__isnull=True) | Q(fixed_on__gt=scope.today)
    return findings.filter(unfixed, inspection__inspected_on__lte=scope.today)


def open_stations(scope: FigureScope):
    """Open stations (their opening and closing days are not kept: as of today, whatever the
    day asked for)."""
    return Station.objects.filter(scope.q("union__path"), status=StationStatus.OPEN)


def station_stock(scope: FigureScope) -> dict:
    from gonghui.stations.models import WeeklyWindow
    from gonghui.stations.stations.hours import Hours

    def compute():
        stations = open_stations(scope)
        labels = dict(StationKind.choices)
        by_kind = {str(label): 0 for label in labels.values()}
        for row in stations.values("kind").annotate(n=Count("pk")):
            by_kind[str(labels[row["kind"]])] = row["n"]
        windows: dict[int, list] = {}
        for window in WeeklyWindow.objects.filter(station__in=stations.values("pk")):
            windows.setdefault(window.station_id, []).append(window)
        patterns = [Hours(windows=w) for w in windows.values()]
        return {
            "open": sum(by_kind.values()),
            "by_kind": by_kind,
            "smart": sum(1 for p in patterns if p.has_unattended),
            "always": sum(1 for p in patterns if p.always_open),
        }

    return scope.memo("stations.stock", compute)


def visit_totals(scope: FigureScope) -> dict:
    visits = Visit.objects.filter(
        scope.q("station__union__path"), date__gte=scope.date_from, date__lte=scope.date_to
    )
    totals = visits.aggregate(
        visits=Sum("count"), walk_in_people=Sum("people", filter=Q(source=VisitSource.WALK_IN))
    )
    scanners = visits.filter(source=VisitSource.SCAN).values("person_hash").distinct().count()
    return {
        "visits": totals["visits"] or 0,
        "visitors": scanners + (totals["walk_in_people"] or 0),
    }


def incident_totals(scope: FigureScope) -> dict:
    start, end = _bounds(scope)
    received = Incident.objects.filter(
        scope.q("station__union__path"), received_at__gte=start, received_at__lt=end
    )
    minutes = [
        (responded - at).total_seconds() / 60
        for at, responded in received.filter(responded_at__isnull=False).values_list(
            "received_at", "responded_at"
        )
    ]
    return {
        "received": received.count(),
        "median": round(statistics.median(minutes), 1) if minutes else None,
    }


def visits_by_station(scope: FigureScope, limit: int = 10) -> list[dict]:
    """The busiest stations of the period (人次), for the dashboard."""
    rows = (
        Visit.objects.filter(
            scope.q("station__union__path"), date__gte=scope.date_from, date__lte=scope.date_to
        )
        .values("station_id", "station__name")
        .annotate(visits=Sum("count"))
        .order_by("-visits")[:limit]
    )
    return [{"name": r["station__name"], "visits": r["visits"]} for r in rows]
