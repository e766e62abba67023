"""Video watch while unattended (视频巡查): who looked, when, what they saw. Every unattended
window of a station needs a check at least every GONGHUI_STATION_WATCH_MINUTES (and at least one
in a shorter window); `missing_checks` lists the stretches of the past days without one."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.stations import checks
from gonghui.stations.models import Station, WatchCheck
from gonghui.stations.stations.hours import TZ, hours_of


@transaction.atomic
def record_check(*, actor, station: Station, seen: str, all_well: bool = True,
                 at=None) -> WatchCheck:  # fmt: skip
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    checks.ensure_may_keep(actor, station)
    errors: dict = {}
    seen = checks.text({"seen": seen}, "seen", _("所见情况"), 300, errors, required=True)
    at = at or timezone.now()
    if at > timezone.now() + datetime.timedelta(minutes=5):
        errors["checked_at"] = _("不能晚于现在")
    checks.raise_if(errors)
    check = WatchCheck.objects.create(
        station=station, checked_at=at, checked_by=actor, seen=seen, all_well=bool(all_well)
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=check, after=audit.snapshot(check))
    return check


def missing_checks(station: Station, *, days: int = 7, now=None) -> list[tuple]:
    """(start, end) of each slot of a past unattended window without a check: a window is cut
    into slots of GONGHUI_STATION_WATCH_MINUTES from its start (the last one shorter), and each
    slot already over needs at least one check inside it."""
    now = (now or timezone.now()).astimezone(TZ)
    gap = datetime.timedelta(minutes=settings.GONGHUI_STATION_WATCH_MINUTES)
    first = now.date() - datetime.timedelta(days)
    intervals = [i for i in hours_of(station).unattended_intervals(first, now.date())
                 if i.start < now]  # fmt: skip
    if not intervals:
        return []
    times = list(
        WatchCheck.objects.filter(
            station=station, checked_at__gte=intervals[0].start, checked_at__lt=now
        ).values_list("checked_at", flat=True)
    )
    missing = []
    for interval in intervals:
        start = interval.start
        while start < interval.end:
            end = min(start + gap, interval.end)
            if end > now:
                break
            if not any(start <= t < end for t in times):
                missing.append((start, end))
            start = end
    return missing
