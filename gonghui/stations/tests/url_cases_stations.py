"""The station pages and API in the permission matrix (gonghui/tests/test_url_scoping.py): town
B (charlie) gets 404 on town A's station, its windows and exceptions; alice reaches them."""

import datetime

from gonghui.stations.tests.helpers import SECRET_A

LIST_URLS = {
    "stations:index": 200,
    "stations:station_list": 200,
    "stations:station_add": 200,
    "stations:station_import": 200,
    "station-list": 200,
}
TOWN_A_SECRETS = [SECRET_A]
# The empty import template holds no one's data (its access is tested in test_stations_import).
PUBLIC_URLS = {"stations:station_import_template"}


def town_a_station(county, user) -> int:
    from gonghui.stations.tests.helpers import station_a

    return station_a(county).pk


def town_a_window(county, user) -> int:
    from gonghui.stations.tests.helpers import station_a

    return station_a(county).windows.first().pk


def town_a_exception(county, user) -> int:
    from gonghui.stations.models import HoursException
    from gonghui.stations.tests.helpers import station_a

    return HoursException.objects.create(
        station=station_a(county), date=datetime.date.today(), kind="closed", reason="检修"
    ).pk


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x01\x01\x01"
    b"\x00\x18\xdd\x8d\xb4\x00\x00\x00\x00IEND\xaeB`\x82"
)


def town_a_photo(county, user) -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gonghui.stations.stations import photos
    from gonghui.stations.tests.helpers import station_a

    upload = SimpleUploadedFile("门头.png", PNG, content_type="image/png")
    return photos.add_photo(actor=None, station=station_a(county), upload=upload).pk


def _on(make, method="GET"):
    return (method, lambda c, u: {"pk": make(c, u)})


OBJECT_URLS = {
    "stations:station_detail": _on(town_a_station),
    "stations:station_edit": _on(town_a_station),
    "stations:window_add": _on(town_a_station, "POST"),
    "stations:exception_add": _on(town_a_station, "POST"),
    "stations:hours_confirm": _on(town_a_station, "POST"),
    "stations:station_qr": _on(town_a_station),
    "stations:station_poster": _on(town_a_station),
    "stations:window_remove": _on(town_a_window, "POST"),
    "stations:exception_remove": _on(town_a_exception, "POST"),
    "station-detail": _on(town_a_station),
    "stations:photo_add": _on(town_a_station, "POST"),
    "stations:photo_file": _on(town_a_photo),
    "stations:photo_remove": _on(town_a_photo, "POST"),
}
