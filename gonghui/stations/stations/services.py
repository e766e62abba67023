"""Stations (驿站) and their hours: the only code that writes them.

Who may do what:
- the responsible union's clerks and administrators (and those above) create a station, change
  it, name its keepers and safety officer, suspend or close it (status);
- the station's keepers (role `station_keeper`, named on the station) and its safety officer keep
  its hours (weekly windows, dated exceptions) and confirm them; so may the union's editors.
Hours not confirmed for HOURS_CONFIRM_DAYS are flagged (`hours_unconfirmed`). Stations are never
deleted: a closed one leaves the finder and keeps its history. Every write is audited.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.stations import checks
from gonghui.stations.choices import (
    Datum,
    ExceptionKind,
    Facility,
    StationKind,
    StationStatus,
    WindowMode,
)
from gonghui.stations.models import HoursException, Station, WeeklyWindow

HOURS_CONFIRM_DAYS = 90
FIELDS = (
    "name", "kind", "partner", "address", "latitude", "longitude", "datum", "facilities",
    "hotline", "status", "safety_officer", "keepers",
)  # fmt: skip


def _clean(fields: dict, errors: dict) -> dict:
    values = {
        "name": checks.text(fields, "name", _("驿站名称"), 100, errors, required=True),
        "kind": checks.choice(fields.get("kind"), "kind", _("驿站类型"), StationKind, errors),
        "partner": checks.text(fields, "partner", _("共建单位"), 100, errors),
        "address": checks.text(fields, "address", _("地址"), 200, errors, required=True),
        "latitude": checks.coordinate(
            fields.get("latitude"), "latitude", _("纬度"), -90, 90, errors
        ),
        "longitude": checks.coordinate(
            fields.get("longitude"), "longitude", _("经度"), -180, 180, errors
        ),
        "datum": checks.choice(
            fields.get("datum") or Datum.WGS84, "datum", _("坐标系"), Datum, errors
        ),
        "facilities": ",".join(
            checks.choices(fields.get("facilities"), "facilities", _("设施"), Facility, errors)
        ),
        "hotline": checks.text(fields, "hotline", _("24小时热线"), 30, errors),
        "status": checks.choice(
            fields.get("status") or StationStatus.OPEN, "status", _("状态"), StationStatus, errors
        ),
        "safety_officer": fields.get("safety_officer"),
    }
    if (values["latitude"] is None) != (values["longitude"] is None) and not (
        {"latitude", "longitude"} & errors.keys()
    ):
        errors["longitude" if values["longitude"] is None else "latitude"] = _(
            "经度和纬度须同时填写"
        )
    if values["kind"] != StationKind.UNION and not values["partner"] and "kind" not in errors:
        errors["partner"] = _("共建驿站请填写共建单位")
    return values


def _unique_name(union, name: str, errors: dict, *, exclude=None) -> None:
    same = Station.objects.filter(union=union, name=name)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if union is not None and name and "name" not in errors and same.exists():
        errors["name"] = _("%(org)s已有名为“%(name)s”的驿站") % {"org": union.name, "name": name}


def _facilities(value) -> list:
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    return list(value or [])


@transaction.atomic
def create_station(*, actor, union, keepers=(), **fields) -> Station:
    errors: dict = {}
    checks.union(actor, union, errors)
    fields["facilities"] = _facilities(fields.get("facilities"))
    values = _clean(fields, errors)
    keepers = checks.keeper_users(keepers, errors)
    _unique_name(union, values["name"], errors)
    checks.raise_if(errors)
    try:
        with transaction.atomic():
            station = Station.objects.create(union=union, **values)
    except IntegrityError:
        checks.raise_if({"name": _("%(org)s已有同名驿站") % {"org": union.name}})
    station.keepers.set(keepers)
    after = audit.snapshot(station)
    after["keepers"] = "、".join(sorted(str(u) for u in keepers))
    audit.record(actor=actor, action=AuditAction.CREATE, obj=station, after=after)
    return station


@transaction.atomic
def update_station(*, actor, station: Station, **fields) -> Station:
    """Change what the station is and who keeps it; its responsible union stays."""
    station = (
        Station.objects.select_for_update(of=("self",)).select_related("union").get(pk=station.pk)
    )
    checks.ensure_may_manage(actor, station)
    errors: dict = {}
    new_union = fields.pop("union", station.union)
    if new_union is not None and new_union != station.union:
        errors["union"] = _("责任工会创建后不能更改")
    merged = {
        name: fields.get(name, getattr(station, name)) for name in FIELDS if name != "keepers"
    }
    merged["facilities"] = _facilities(merged["facilities"])
    values = _clean(merged, errors)
    keepers = fields.get("keepers")
    if keepers is not None:
        keepers = checks.keeper_users(keepers, errors)
    _unique_name(station.union, values["name"], errors, exclude=station.pk)
    checks.raise_if(errors)
    before = audit.snapshot(station)
    before["keepers"] = _keeper_names(station)
    for name, value in values.items():
        setattr(station, name, value)
    station.save()
    if keepers is not None:
        station.keepers.set(keepers)
    after = audit.snapshot(station)
    after["keepers"] = _keeper_names(station)
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=station, before=before, after=after)
    return station


def _keeper_names(station) -> str:
    return "、".join(sorted(str(u) for u in station.keepers.all()))


def _locked(station: Station, actor) -> Station:
    station = (
        Station.objects.select_for_update(of=("self",)).select_related("union").get(pk=station.pk)
    )
    checks.ensure_may_keep(actor, station)
    return station


def _hours_changed(station, actor, label: str, before, after) -> None:
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=station,
        changes={label: [before, after]},
    )  # fmt: skip


@transaction.atomic
def add_window(*, actor, station: Station, weekday, starts, ends, mode) -> WeeklyWindow:
    """A window of the weekly pattern; `weekday` 0 (Monday) … 6. Windows of one mode on one
    day may not overlap (a staffed and an unattended window may meet end to start)."""
    station = _locked(station, actor)
    errors: dict = {}
    if weekday not in range(7):
        errors["weekday"] = _("请选择星期")
    starts = checks.time_value(starts, "starts", _("开始时间"), errors)
    ends = checks.time_value(ends, "ends", _("结束时间"), errors)
    checks.choice(mode, "mode", _("值守方式"), WindowMode, errors)
    checks.raise_if(errors)
    from gonghui.stations.stations.hours import Hours, hours_of

    candidate = WeeklyWindow(station=station, weekday=weekday, starts=starts, ends=ends, mode=mode)
    existing = hours_of(station)
    monday = datetime.date(2024, 1, 1)
    mine = Hours(windows=[candidate]).intervals(monday, monday + datetime.timedelta(13))
    theirs = Hours(windows=existing.windows).intervals(
        monday - datetime.timedelta(1), monday + datetime.timedelta(14)
    )
    for new in mine:
        for old in theirs:
            if new.start < old.end and old.start < new.end:
                checks.raise_if({"starts": _("与已有时段 %(w)s 重叠") % {"w": _window_text(old)}})
    candidate.save()
    _hours_changed(station, actor, _("新增开放时段"), None, _describe_window(candidate))
    return candidate


def _window_text(interval) -> str:
    return f"{interval.start:%H:%M}–{interval.end:%H:%M}"


def _describe_window(window) -> str:
    from gonghui.stations.stations.hours import span_text

    return f"{window.get_weekday_display()} {span_text(window.starts, window.ends)} " + str(
        window.get_mode_display()
    )


@transaction.atomic
def remove_window(*, actor, window: WeeklyWindow) -> None:
    station = _locked(window.station, actor)
    text = _describe_window(window)
    window.delete()
    _hours_changed(station, actor, _("删除开放时段"), text, None)


@transaction.atomic
def set_daily_windows(*, actor, station: Station, spans) -> list[WeeklyWindow]:
    """Replace the weekly pattern with the same windows every day: `spans` is a list of
    (starts, ends, mode). Used by the import and the demo; the page edits one window at a time."""
    station = _locked(station, actor)
    before = "；".join(_describe_window(w) for w in station.windows.all())
    station.windows.all().delete()
    created = [
        WeeklyWindow.objects.create(
            station=station, weekday=day, starts=starts, ends=ends, mode=mode
        )
        for day in range(7)
        for starts, ends, mode in spans
    ]
    after = "；".join(_describe_window(w) for w in created)
    _hours_changed(station, actor, _("每周开放时段"), before or None, after or None)
    return created


@transaction.atomic
def add_exception(*, actor, station: Station, date, kind, reason, starts=None, ends=None,
                  mode=WindowMode.STAFFED) -> HoursException:  # fmt: skip
    station = _locked(station, actor)
    errors: dict = {}
    date = checks.date_value(date, "date", _("日期"), errors)
    checks.choice(kind, "kind", _("类别"), ExceptionKind, errors)
    reason = checks.text({"reason": reason}, "reason", _("原因"), 100, errors, required=True)
    if kind == ExceptionKind.EXTRA:
        starts = checks.time_value(starts, "starts", _("开始时间"), errors)
        ends = checks.time_value(ends, "ends", _("结束时间"), errors)
        checks.choice(mode, "mode", _("值守方式"), WindowMode, errors)
    else:
        starts = ends = None
    if date and date < timezone.localdate() - datetime.timedelta(days=1):
        errors["date"] = _("不能为过去的日期")
    checks.raise_if(errors)
    exception = HoursException.objects.create(
        station=station, date=date, kind=kind, starts=starts, ends=ends, mode=mode, reason=reason
    )
    _hours_changed(station, actor, _("新增开放时间例外"), None, str(exception))
    return exception


@transaction.atomic
def remove_exception(*, actor, exception: HoursException) -> None:
    station = _locked(exception.station, actor)
    text = str(exception)
    exception.delete()
    _hours_changed(station, actor, _("删除开放时间例外"), text, None)


@transaction.atomic
def confirm_hours(*, actor, station: Station, at=None) -> Station:
    """The keeper says the hours shown are right (the 90-day flag clears)."""
    station = _locked(station, actor)
    before = station.hours_confirmed_at
    station.hours_confirmed_at = at or timezone.now()
    station.hours_confirmed_by = actor if getattr(actor, "pk", None) else None
    station.save(update_fields=["hours_confirmed_at", "hours_confirmed_by"])
    _hours_changed(
        station, actor, _("确认开放时间"),
        f"{before:%Y-%m-%d}" if before else None, f"{station.hours_confirmed_at:%Y-%m-%d}",
    )  # fmt: skip
    return station


def hours_unconfirmed(station: Station, now=None) -> bool:
    now = now or timezone.now()
    confirmed = station.hours_confirmed_at
    return confirmed is None or confirmed < now - datetime.timedelta(days=HOURS_CONFIRM_DAYS)
