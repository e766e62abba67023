"""Coordinates and their datums (坐标系). Phones and GPS report WGS-84; 高德 and 腾讯 draw maps in
GCJ-02 (the state's offset of WGS-84, some hundreds of metres in China, none outside it); 百度
draws in BD-09 (a further offset of GCJ-02). A station keeps its coordinates as entered, with the
datum they came in; everything else converts through these functions.

The formulas are the published ones (as in coordtransform / eviltransform). GCJ-02 → WGS-84 has
no closed form: it is inverted by iteration to well under a centimetre.
"""

import math
from decimal import Decimal

from gonghui.stations.choices import Datum

A = 6378245.0  # Krasovsky 1940 semi-major axis, as the GCJ-02 formulas use
EE = 0.00669342162296594323
X_PI = math.pi * 3000.0 / 180.0
EARTH_RADIUS_M = 6371008.8


def out_of_china(lat: float, lng: float) -> bool:
    return not (73.66 < lng < 135.05 and 3.86 < lat < 53.55)


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lng(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lat: float, lng: float) -> tuple[float, float]:
    if out_of_china(lat, lng):
        return lat, lng
    dlat = _transform_lat(lng - 105.0, lat - 35.0)
    dlng = _transform_lng(lng - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sqrtmagic) * math.pi)
    dlng = (dlng * 180.0) / (A / sqrtmagic * math.cos(radlat) * math.pi)
    return lat + dlat, lng + dlng


def gcj02_to_wgs84(lat: float, lng: float) -> tuple[float, float]:
    """The exact inverse, by fixed-point iteration (converges in a few steps)."""
    if out_of_china(lat, lng):
        return lat, lng
    wlat, wlng = lat, lng
    for _ in range(30):
        glat, glng = wgs84_to_gcj02(wlat, wlng)
        dlat, dlng = glat - lat, glng - lng
        wlat, wlng = wlat - dlat, wlng - dlng
        if abs(dlat) < 1e-10 and abs(dlng) < 1e-10:
            break
    return wlat, wlng


def gcj02_to_bd09(lat: float, lng: float) -> tuple[float, float]:
    z = math.sqrt(lng * lng + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    theta = math.atan2(lat, lng) + 0.000003 * math.cos(lng * X_PI)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def bd09_to_gcj02(lat: float, lng: float) -> tuple[float, float]:
    x, y = lng - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * X_PI)
    return z * math.sin(theta), z * math.cos(theta)


def convert(lat: float, lng: float, source: str, target: str) -> tuple[float, float]:
    """(lat, lng) from datum `source` to datum `target` (Datum values)."""
    lat, lng = float(lat), float(lng)
    if source == target:
        return lat, lng
    if source == Datum.BD09:
        lat, lng = bd09_to_gcj02(lat, lng)
        source = Datum.GCJ02
    if source == Datum.WGS84 and target != Datum.WGS84:
        lat, lng = wgs84_to_gcj02(lat, lng)
        source = Datum.GCJ02
    if target == Datum.GCJ02:
        return lat, lng
    if target == Datum.BD09:
        return gcj02_to_bd09(lat, lng)
    return gcj02_to_wgs84(lat, lng)


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres (haversine), both points in one datum."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def station_point(station, target: str = Datum.WGS84) -> tuple[float, float] | None:
    """The station's coordinates in `target`, or None when it has none."""
    if station.latitude is None or station.longitude is None:
        return None
    return convert(station.latitude, station.longitude, station.datum, target)


def rounded(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")
