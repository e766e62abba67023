"""The stations as a machine-readable file for the national map platforms (全国户外劳动者服务
站点地图): xlsx (formula-safe cells, core.sheets.workbooks) and GeoJSON (RFC 7946: WGS-84
longitude, latitude; GCJ-02 and BD-09 given as properties for the Chinese map apps). Only the
stations the user sees; closed ones are left out. Nothing personal: no keeper names."""

import io
import json

import xlsxwriter
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.stations.choices import Datum, StationStatus
from gonghui.stations.stations import geo, hours

HEADERS = (
    "编号", "驿站名称", "类型", "共建单位", "责任工会", "地址", "经度(WGS-84)", "纬度(WGS-84)",
    "经度(GCJ-02)", "纬度(GCJ-02)", "经度(BD-09)", "纬度(BD-09)", "设施", "24小时热线",
    "开放时间", "24小时开放", "无人值守时段", "状态",
)  # fmt: skip


def _rows(stations):
    every = hours.hours_for(stations)
    for station in stations:
        pattern = every[station.pk]
        points = {d: geo.station_point(station, d) for d in Datum.values}
        yield station, pattern, points


def _hours_text(pattern) -> str:
    return "；".join(f"{day} {text}" for day, text in hours.week_text(pattern) if text)


def exportable(queryset):
    return list(queryset.exclude(status=StationStatus.CLOSED).select_related("union"))


def xlsx_response(stations) -> HttpResponse:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(_("驿站"))
    formats = Formats(workbook)
    for col, header in enumerate(HEADERS):
        sheet.write_string(0, col, header, formats.header)
    for row, (station, pattern, points) in enumerate(_rows(stations), start=1):
        coords = []
        for datum in (Datum.WGS84, Datum.GCJ02, Datum.BD09):
            point = points[datum]
            coords += [round(point[1], 6), round(point[0], 6)] if point else [None, None]
        values = [
            station.pk, station.name, station.get_kind_display(), station.partner,
            station.union.name, station.address, *coords, "、".join(station.facility_labels),
            station.hotline, _hours_text(pattern), "是" if pattern.always_open else "否",
            "是" if pattern.has_unattended else "否", station.get_status_display(),
        ]  # fmt: skip
        for col, value in enumerate(values):
            write_cell(sheet, row, col, value, formats)
    sheet.set_column(0, len(HEADERS) - 1, 14)
    workbook.close()
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, "驿站.xlsx")
    return response


def geojson(stations) -> dict:
    features = []
    for station, pattern, points in _rows(stations):
        wgs = points[Datum.WGS84]
        if wgs is None:
            continue
        features.append({
            "type": "Feature",
            "id": station.pk,
            "geometry": {"type": "Point", "coordinates": [round(wgs[1], 6), round(wgs[0], 6)]},
            "properties": {
                "name": station.name,
                "kind": station.kind,
                "kind_label": str(station.get_kind_display()),
                "partner": station.partner,
                "union": station.union.name,
                "address": station.address,
                "facilities": station.facility_codes,
                "facility_labels": station.facility_labels,
                "hotline": station.hotline,
                "hours": _hours_text(pattern),
                "open_24h": pattern.always_open,
                "smart": pattern.has_unattended,
                "status": station.status,
                "gcj02": [round(points[Datum.GCJ02][1], 6), round(points[Datum.GCJ02][0], 6)],
                "bd09": [round(points[Datum.BD09][1], 6), round(points[Datum.BD09][0], 6)],
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def geojson_response(stations) -> HttpResponse:
    body = json.dumps(geojson(stations), ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "驿站.geojson")
    return response


class StationExporter:
    """The station list's `?export=xlsx|geojson` (core.views.generic.register_exporter): what
    the list's filters show, closed stations left out."""

    def respond(self, request, queryset, fmt):
        from django.http import Http404

        stations = exportable(queryset)
        if fmt == "xlsx":
            return xlsx_response(stations)
        if fmt == "geojson":
            return geojson_response(stations)
        raise Http404
