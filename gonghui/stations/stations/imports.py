"""Import of existing stations (驿站台账) from a spreadsheet, on core.sheets (reader with limits,
header binding, cell parsing). Every row is checked first (its union within the user's editing
scope, found by name; kind, datum, facilities and status by their Chinese labels; coordinates;
the staffed and unattended windows, applied to every day of the week); any problem is reported
as row + column + reason and nothing is written. Each row then goes through create_station and
set_daily_windows, so an imported station is checked and audited like one entered by hand."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import Organisation
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.sheets.cells import (
    CellError,
    Column,
    Template,
    as_text,
    attr,
    choice,
    choice_labels,
    fold,
    label,
    related_name,
    text,
)
from gonghui.core.sheets.rows import Errors, RowError, bind_headers, parse_rows
from gonghui.stations.choices import Datum, Facility, StationKind, StationStatus, WindowMode
from gonghui.stations.stations import services

MAX_ROWS = 2000
SEPARATORS = ("、", ",", "，", ";", "；", "/", " ")
SPAN = re.compile(r"^(\d{1,2})[:：](\d{2})\s*[-–—~～至]\s*(次日)?(\d{1,2})[:：](\d{2})$")

_FACILITIES = {fold(str(lbl)): code for code, lbl in Facility.choices}
_FACILITIES.update({code: code for code in Facility.values})
_DATUMS = {"WGS84": Datum.WGS84, "WGS-84": Datum.WGS84, "GPS": Datum.WGS84,
           "GCJ02": Datum.GCJ02, "GCJ-02": Datum.GCJ02, "高德": Datum.GCJ02, "腾讯": Datum.GCJ02,
           "BD09": Datum.BD09, "BD-09": Datum.BD09, "百度": Datum.BD09}  # fmt: skip


def _split(value) -> list[str]:
    words = fold(as_text(value))
    for separator in SEPARATORS[1:]:
        words = words.replace(separator, SEPARATORS[0])
    return [w for w in words.split(SEPARATORS[0]) if w]


def facilities_cell(value) -> list[str]:
    found, unknown = [], []
    for word in _split(value):
        code = _FACILITIES.get(word)
        (found if code else unknown).append(code or word)
    if unknown:
        raise CellError(
            _("“%(bad)s”不是可选的设施；可选：%(labels)s")
            % {"bad": "、".join(unknown), "labels": "、".join(choice_labels(Facility))}
        )
    return found


def datum_cell(value) -> str:
    word = fold(as_text(value)).upper().replace(" ", "")
    for key, code in _DATUMS.items():
        if word == key.upper() or word.startswith(key.upper()):
            return code
    raise CellError(_("应为 WGS-84、GCJ-02（高德/腾讯）或 BD-09（百度）"))


def number_cell(value) -> str:
    return as_text(value)


def spans_cell(value) -> list[tuple[datetime.time, datetime.time]]:
    """ "06:30-18:00" or several separated by ；; "21:30-次日06:30" runs past midnight."""
    spans = []
    for part in re.split(r"[;；,，、]", as_text(value)):
        part = part.strip()
        if not part:
            continue
        match = SPAN.match(part)
        try:
            if match is None:
                raise ValueError
            h1, m1, _next, h2, m2 = match.groups()
            starts = datetime.time(int(h1) % 24, int(m1))
            ends = datetime.time(int(h2) % 24, int(m2))
        except ValueError:
            raise CellError(_("“%(p)s”应写成“06:30-21:30”这样的时段") % {"p": part}) from None
        spans.append((starts, ends))
    return spans


def _facility_text(station) -> str:
    return "、".join(station.facility_labels)


TEMPLATE = Template(
    key="stations",
    title=gettext_lazy("驿站台账"),
    columns=(
        Column("驿站名称", "name", text(100), attr("name"), required=True, width=24, repeats=False),
        Column("类型", "kind", choice(StationKind), label("kind"), required=True,
               options=choice_labels(StationKind), width=16),
        Column("共建单位", "partner", text(100), attr("partner"), default="", width=20),
        Column("责任工会", "union", text(100), related_name("union"), required=True, width=24,
               help=gettext_lazy("须为您管理范围内的工会组织的全称")),
        Column("地址", "address", text(200), attr("address"), required=True, width=30),
        Column("纬度", "latitude", number_cell, attr("latitude"), default="", width=12),
        Column("经度", "longitude", number_cell, attr("longitude"), default="", width=12),
        Column("坐标系", "datum", datum_cell, label("datum"), default=Datum.WGS84, width=14,
               options=("WGS-84", "GCJ-02", "BD-09"),
               help=gettext_lazy("手机定位为 WGS-84，高德/腾讯地图取点为 GCJ-02，百度为 BD-09")),
        Column("设施", "facilities", facilities_cell, _facility_text, default=[], width=30,
               help=gettext_lazy("用顿号分隔，如“饮用水、充电、卫生间”")),
        Column("24小时热线", "hotline", text(30), attr("hotline"), default="", as_text=True),
        Column("有人值守时段", "staffed", spans_cell, lambda s: "", default=[], width=18,
               help=gettext_lazy("每天相同，如“06:30-18:00”；多个用分号分隔")),
        Column("无人值守时段", "unattended", spans_cell, lambda s: "", default=[], width=18,
               help=gettext_lazy("智慧驿站视频监护时段，如“18:00-21:30”")),
        Column("状态", "status", choice(StationStatus), label("status"),
               default=StationStatus.OPEN, options=choice_labels(StationStatus), width=8),
    ),
    notes=(
        gettext_lazy("每行一个驿站；同一工会下驿站名称不能重复。"),
        gettext_lazy("只要有一行有错，整个文件都不会写入。"),
        gettext_lazy("站长和安全员请在导入后到驿站页面指定。"),
    ),
)  # fmt: skip


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class Prepared:
    row: int
    union: Organisation
    fields: dict
    spans: list


def check_table(actor, table: list[list]) -> list[Prepared]:
    errors = Errors(TEMPLATE)
    bound = bind_headers(TEMPLATE, table, errors)
    if errors:
        raise ImportFailed(errors.sorted())
    rows = parse_rows(table, bound, errors)
    if not rows:
        errors.add_header("", _("文件中没有数据行"))
    if len(rows) > MAX_ROWS:
        errors.add_header("", _("一次最多导入%(n)d行，请分批导入") % {"n": MAX_ROWS})
        raise ImportFailed(errors.sorted())
    unions = {
        o.name: o for o in Organisation.objects.visible_to(actor, roles=EDIT_ROLES)
    } if actor is not None else {o.name: o for o in Organisation.objects.all()}  # fmt: skip
    seen: dict = {}
    prepared = []
    for row in rows:
        if row.bad:
            continue
        values = dict(row.values)
        union = unions.get(values.pop("union"))
        if union is None:
            errors.add(row, "union", _("在您可管理的工会中没有这个名称"))
            continue
        key = (union.pk, values["name"])
        if key in seen:
            errors.add(row, "name", _("与第%(n)d行重复") % {"n": seen[key]})
            continue
        seen[key] = row.number
        spans = [(s, e, WindowMode.STAFFED) for s, e in values.pop("staffed")]
        spans += [(s, e, WindowMode.UNATTENDED) for s, e in values.pop("unattended")]
        prepared.append(Prepared(row.number, union, values, spans))
    if errors:
        raise ImportFailed(errors.sorted())
    return prepared


FIELD_OF_ERROR = {"starts": "staffed", "ends": "staffed"}
FIELDS = {c.field for c in TEMPLATE.columns}


@transaction.atomic
def import_stations(*, actor, table: list[list]) -> list:
    prepared = check_table(actor, table)
    created = []
    for item in prepared:
        try:
            station = services.create_station(actor=actor, union=item.union, **item.fields)
            if item.spans:
                services.set_daily_windows(actor=actor, station=station, spans=item.spans)
        except ValidationError as exc:
            errors = []
            for field, messages in exc.message_dict.items():
                field = FIELD_OF_ERROR.get(field, field)
                header = TEMPLATE.header(field) if field in FIELDS else ""
                errors += [RowError(item.row, header, m) for m in messages]
            raise ImportFailed(errors) from exc
        created.append(station)
    return created
