"""What the finder shows: the stations open to workers (status open), nearest first and open
now before closed, with the distance from the worker's WGS-84 position and the 去这里 links in
each map app's datum (高德 GCJ-02, 百度 BD-09). Public: nothing personal."""

from dataclasses import dataclass
from urllib.parse import urlencode

from gonghui.core.models import Organisation, OrgKind
from gonghui.stations.choices import Datum, StationStatus
from gonghui.stations.models import Station
from gonghui.stations.stations import geo, queries


@dataclass(frozen=True)
class Position:
    lat: float
    lng: float


def position(params) -> Position | None:
    try:
        lat, lng = float(params.get("lat", "")), float(params.get("lng", ""))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    return Position(lat, lng)


def towns():
    return Organisation.objects.filter(kind=OrgKind.TOWN_FEDERATION).order_by("path")


def town(params):
    value = params.get("town", "")
    return towns().filter(pk=value).first() if value.isdigit() else None


def public_stations():
    return Station.objects.filter(status=StationStatus.OPEN).select_related("union")


def navigation_links(station) -> dict | None:
    gcj = geo.station_point(station, Datum.GCJ02)
    bd = geo.station_point(station, Datum.BD09)
    if gcj is None:
        return None
    amap = "https://uri.amap.com/marker?" + urlencode({
        "position": f"{gcj[1]:.6f},{gcj[0]:.6f}", "name": station.name, "coordinate": "gaode",
        "callnative": 1, "src": "gonghui",
    })  # fmt: skip
    baidu = "https://api.map.baidu.com/marker?" + urlencode({
        "location": f"{bd[0]:.6f},{bd[1]:.6f}", "title": station.name, "content": station.address,
        "coord_type": "bd09ll", "output": "html", "src": "gonghui",
    })  # fmt: skip
    return {"amap": amap, "baidu": baidu}


def nearest(*, where: Position | None = None, within=None, limit: int = 30) -> list[Station]:
    stations = public_stations()
    if within is not None:
        stations = stations.filter(union__path__startswith=within.path)
    stations = queries.annotate(stations)
    for station in stations:
        point = geo.station_point(station, Datum.WGS84)
        station.distance_m = (
            geo.distance_m(where.lat, where.lng, *point) if where and point else None
        )
        station.links = navigation_links(station)
    far = float("inf")
    stations.sort(
        key=lambda s: (not s.open_now, s.distance_m if s.distance_m is not None else far, s.name)
    )
    return stations[:limit]


def distance_text(metres) -> str:
    if metres is None:
        return ""
    return f"{metres:.0f} 米" if metres < 1000 else f"{metres / 1000:.1f} 公里"
