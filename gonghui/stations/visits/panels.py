"""The visits panel of a station's page: the last 30 days' 人次 and 人数, recent rows, and the
keeper's forms (walk-ins, the counter's csv)."""

import datetime

from django.db.models import Sum
from django.utils import timezone

from gonghui.stations import checks
from gonghui.stations.choices import VisitSource
from gonghui.stations.models import Visit
from gonghui.stations.visits.forms import CounterForm, WalkInForm


def panels(request, station) -> list[dict]:
    today = timezone.localdate()
    recent = Visit.objects.filter(station=station, date__gt=today - datetime.timedelta(30))
    totals = recent.aggregate(visits=Sum("count"))
    scanners = recent.filter(source=VisitSource.SCAN).values("person_hash").distinct().count()
    walk_people = recent.filter(source=VisitSource.WALK_IN).aggregate(p=Sum("people"))["p"] or 0
    context = {
        "visits": totals["visits"] or 0,
        "visitors": scanners + walk_people,
        "rows": Visit.objects.filter(station=station).order_by("-date", "-pk")[:15],
        "today_scans": Visit.objects.filter(
            station=station, date=today, source=VisitSource.SCAN
        ).count(),
        "can_keep": checks.may_keep(request.user, station),
        "walk_in_form": WalkInForm(initial={"date": today}),
        "counter_form": CounterForm(),
        "station": station,
    }
    return [{"template": "stations/visits/panel.html", "context": context}]
