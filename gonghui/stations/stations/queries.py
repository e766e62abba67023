"""Reads of stations: scoped look-ups, the hours and flags a list shows, the QR code's signed
link. Everything goes through `Station.objects.visible_to`."""

from django.core import signing
from django.http import Http404
from django.urls import reverse

from gonghui.stations import checks
from gonghui.stations.access import require_station_user
from gonghui.stations.choices import StationStatus
from gonghui.stations.models import Station
from gonghui.stations.stations import hours as hours_mod
from gonghui.stations.stations.services import hours_unconfirmed

_scan_signer = signing.Signer(salt="gonghui.stations.scan", sep=".")


def visible(user):
    return Station.objects.visible_to(user).select_related("union")


def station_or_404(request, pk) -> Station:
    require_station_user(request.user)
    try:
        return visible(request.user).get(pk=pk)
    except Station.DoesNotExist:
        raise Http404 from None


def keepable_or_404(request, pk) -> Station:
    """A station the user may keep (hours, visits, watch …): 404 out of sight, 403 in sight but
    not theirs to keep (a town viewer)."""
    from django.core.exceptions import PermissionDenied

    station = station_or_404(request, pk)
    if not checks.may_keep(request.user, station):
        raise PermissionDenied
    return station


def annotate(stations, now=None) -> list[Station]:
    """Each station with `.hours`, `.open_now`, `.mode_now`, `.next_open`, `.open_until` and
    `.unconfirmed` (two queries for the lot)."""
    stations = list(stations)
    now = now or hours_mod.now()
    every = hours_mod.hours_for(stations)
    for station in stations:
        hours = every[station.pk]
        station.hours = hours
        active = station.status == StationStatus.OPEN
        station.mode_now = hours.mode_at(now) if active else None
        station.open_now = station.mode_now is not None
        station.next_open = hours.next_open(now) if active and not station.open_now else None
        station.open_until = hours.open_until(now) if station.open_now else None
        station.unconfirmed = hours_unconfirmed(station)
    return stations


def scan_code(station: Station) -> str:
    return _scan_signer.sign(str(station.pk))


def station_for_code(code: str) -> Station | None:
    try:
        pk = int(_scan_signer.unsign(code))
    except (signing.BadSignature, ValueError):
        return None
    return Station.objects.filter(pk=pk).exclude(status=StationStatus.CLOSED).first()


def scan_path(station: Station) -> str:
    return reverse("stations_portal:scan", args=[scan_code(station)])
