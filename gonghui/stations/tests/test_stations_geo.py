"""Datum conversion on known points (the published test vectors of coordtransform for
Tian'anmen, 116.404 E 39.915 N), round trips, and the size of the error a wrong datum makes."""

import pytest

from gonghui.stations.choices import Datum
from gonghui.stations.stations import geo

LAT, LNG = 39.915, 116.404


def close(a, b, tol=1e-6):
    return abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol


def test_wgs84_to_gcj02_known_point():
    assert close(geo.wgs84_to_gcj02(LAT, LNG), (39.91640428150164, 116.41024449916938))


def test_gcj02_to_bd09_known_point():
    assert close(geo.gcj02_to_bd09(LAT, LNG), (39.92133699351021, 116.41036949371029))


def test_bd09_to_gcj02_known_point():
    assert close(geo.bd09_to_gcj02(LAT, LNG), (39.90865673957631, 116.39762729119315))


def test_gcj02_to_wgs84_is_the_exact_inverse():
    # coordtransform's one-step inverse gives (39.913595718, 116.397755501); ours iterates to
    # the point whose forward transform is exactly the input (a few centimetres from it).
    back = geo.gcj02_to_wgs84(LAT, LNG)
    assert close(back, (39.91359571849836, 116.39775550083061), tol=1e-5)
    assert close(geo.wgs84_to_gcj02(*back), (LAT, LNG), tol=1e-9)


@pytest.mark.parametrize("source", Datum.values)
@pytest.mark.parametrize("target", Datum.values)
def test_round_trips(source, target):
    # 射阳 (Sheyang, Jiangsu)
    there = geo.convert(33.7746, 120.2580, source, target)
    back = geo.convert(*there, target, source)
    assert close(back, (33.7746, 120.2580), tol=2e-6)


def test_a_wrong_datum_is_hundreds_of_metres_off():
    gcj = geo.convert(33.7746, 120.2580, Datum.WGS84, Datum.GCJ02)
    bd = geo.convert(33.7746, 120.2580, Datum.WGS84, Datum.BD09)
    assert 200 < geo.distance_m(33.7746, 120.2580, *gcj) < 1000
    assert geo.distance_m(33.7746, 120.2580, *bd) > 500


def test_outside_china_nothing_moves():
    assert geo.wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)


def test_distance():
    # One degree of latitude is about 111.2 km.
    assert abs(geo.distance_m(33.0, 120.0, 34.0, 120.0) - 111_195) < 50
