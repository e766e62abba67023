"""Stations the tests share: one in town A (kept by stan) and one in town B."""

import datetime

from gonghui.stations.choices import StationKind, WindowMode
from gonghui.stations.stations import services

SECRET_A = "城关镇保密驿站"


def station(union, name=SECRET_A, *, keepers=(), spans=None, **fields):
    values = {
        "name": name, "kind": StationKind.UNION, "address": "城关镇人民路1号",
        "latitude": "33.771000", "longitude": "119.802000", "datum": "wgs84",
        "facilities": ["water", "charging"], "hotline": "0515-12345678",
    }  # fmt: skip
    values.update(fields)
    made = services.create_station(actor=None, union=union, keepers=list(keepers), **values)
    spans = (
        [(datetime.time(6, 30), datetime.time(21, 30), WindowMode.STAFFED)]
        if spans is None
        else spans
    )
    if spans:
        services.set_daily_windows(actor=None, station=made, spans=spans)
    return made


def station_a(county, keepers=()):
    from gonghui.stations.models import Station

    found = Station.objects.filter(union=county.town_a, name=SECRET_A).first()
    return found or station(county.town_a, keepers=keepers)
