"""Opening hours in the county's clock (Asia/Shanghai): when a station is open, in which mode,
and when it opens next.

A station's week is a set of windows (weekday, start, end, staffed or unattended); a window whose
end is at or before its start runs past midnight into the next day, so 21:30–06:30 on Monday
covers Tuesday's small hours, and 00:00–00:00 is the whole day. A dated exception replaces
nothing but adds to it: a closure removes every weekly window that starts on that date; an extra
opening adds a window on that date. A moment is open when a window has started and not yet
ended (the end itself is closed: a station open 6:30–21:30 is closed at 21:30).

Pure functions over rows already fetched (`Hours`), so a list of stations is one query each for
windows and exceptions, not one per station.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from gonghui.stations.choices import ExceptionKind, WindowMode

TZ = ZoneInfo("Asia/Shanghai")
LOOKAHEAD_DAYS = 15
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Interval:
    start: datetime.datetime  # aware, Asia/Shanghai
    end: datetime.datetime
    mode: str

    def covers(self, moment: datetime.datetime) -> bool:
        return self.start <= moment < self.end


@dataclass
class Hours:
    """A station's weekly windows and exceptions, as plain values."""

    windows: list = field(default_factory=list)  # WeeklyWindow rows (weekday, starts, ends, mode)
    exceptions: list = field(default_factory=list)  # HoursException rows

    def intervals_starting(self, day: datetime.date) -> list[Interval]:
        dated = [e for e in self.exceptions if e.date == day]
        closed = any(e.kind == ExceptionKind.CLOSED for e in dated)
        spans = [] if closed else [
            (w.starts, w.ends, w.mode) for w in self.windows if w.weekday == day.weekday()
        ]  # fmt: skip
        spans += [
            (e.starts, e.ends, e.mode)
            for e in dated
            if e.kind == ExceptionKind.EXTRA and e.starts is not None and e.ends is not None
        ]
        out = []
        for starts, ends, mode in spans:
            start = datetime.datetime.combine(day, starts, tzinfo=TZ)
            end = datetime.datetime.combine(day, ends, tzinfo=TZ)
            if end <= start:
                end += DAY
            out.append(Interval(start, end, mode))
        return sorted(out, key=lambda i: i.start)

    def intervals(self, first: datetime.date, last: datetime.date) -> list[Interval]:
        """Every interval starting on a day from `first` to `last`, in order."""
        out, day = [], first
        while day <= last:
            out += self.intervals_starting(day)
            day += DAY
        return sorted(out, key=lambda i: i.start)

    def current(self, moment: datetime.datetime) -> Interval | None:
        """The interval covering `moment` (staffed before unattended when two overlap)."""
        local = moment.astimezone(TZ)
        covering = [i for i in self.intervals(local.date() - DAY, local.date()) if i.covers(local)]
        covering.sort(key=lambda i: (i.mode != WindowMode.STAFFED, i.start))
        return covering[0] if covering else None

    def is_open(self, moment: datetime.datetime) -> bool:
        return self.current(moment) is not None

    def mode_at(self, moment: datetime.datetime) -> str | None:
        interval = self.current(moment)
        return interval.mode if interval else None

    def next_open(self, moment: datetime.datetime) -> datetime.datetime | None:
        """When the station next opens after `moment` (None if open now or not within two
        weeks). An interval that begins exactly when another ends does not count as opening."""
        local = moment.astimezone(TZ)
        if self.is_open(local):
            return None
        later = self.intervals(local.date(), local.date() + datetime.timedelta(LOOKAHEAD_DAYS))
        for interval in later:
            if interval.start > local:
                return interval.start
        return None

    def open_until(self, moment: datetime.datetime) -> datetime.datetime | None:
        """When the open spell covering `moment` ends, joining back-to-back intervals."""
        local = moment.astimezone(TZ)
        current = self.current(local)
        if current is None:
            return None
        end = current.end
        spans = self.intervals(local.date() - DAY, local.date() + datetime.timedelta(2))
        moved = True
        while moved:
            moved = False
            for interval in spans:
                if interval.start <= end < interval.end:
                    end, moved = interval.end, True
        return end

    @property
    def always_open(self) -> bool:
        """Open round the clock every day of the weekly pattern (24小时驿站)."""
        pattern = Hours(windows=self.windows)
        monday = datetime.date(2024, 1, 1)  # any week: the pattern alone, no exceptions
        for offset in range(7):
            day = monday + datetime.timedelta(offset)
            start = datetime.datetime.combine(day, datetime.time(0), tzinfo=TZ)
            spans = pattern.intervals(day - DAY, day)
            covered, moved = start, True
            while moved and covered < start + DAY:
                moved = False
                for interval in spans:
                    if interval.start <= covered < interval.end:
                        covered, moved = interval.end, True
            if covered < start + DAY:
                return False
        return True

    @property
    def has_unattended(self) -> bool:
        return any(w.mode == WindowMode.UNATTENDED for w in self.windows)

    def unattended_intervals(self, first: datetime.date, last: datetime.date) -> list[Interval]:
        return [i for i in self.intervals(first, last) if i.mode == WindowMode.UNATTENDED]


def hours_of(station) -> Hours:
    return Hours(windows=list(station.windows.all()), exceptions=list(station.exceptions.all()))


def hours_for(stations) -> dict[int, Hours]:
    """Hours of many stations, two queries (window and exception rows of every station)."""
    from gonghui.stations.models import HoursException, WeeklyWindow

    ids = [s.pk for s in stations]
    result = {pk: Hours() for pk in ids}
    for window in WeeklyWindow.objects.filter(station_id__in=ids):
        result[window.station_id].windows.append(window)
    today = datetime.datetime.now(TZ).date()
    for exc in HoursException.objects.filter(
        station_id__in=ids, date__gte=today - DAY, date__lte=today + datetime.timedelta(16)
    ):
        result[exc.station_id].exceptions.append(exc)
    return result


def now() -> datetime.datetime:
    return datetime.datetime.now(TZ)


def week_text(hours: Hours) -> list[tuple[str, str]]:
    """(weekday label, "06:30–21:30 有人值守；…") per day of the weekly pattern."""
    from gonghui.stations.models.stations import WEEKDAYS

    modes = dict(WindowMode.choices)
    rows = []
    for number, label in WEEKDAYS:
        spans = sorted((w for w in hours.windows if w.weekday == number), key=lambda w: w.starts)
        text = "；".join(f"{span_text(w.starts, w.ends)} {modes[w.mode]}" for w in spans)
        rows.append((str(label), text))
    return rows


def span_text(starts: datetime.time, ends: datetime.time) -> str:
    if ends == starts:
        return f"{starts:%H:%M}–次日{ends:%H:%M}" if starts != datetime.time(0) else "全天24小时"
    if ends < starts:
        return f"{starts:%H:%M}–次日{ends:%H:%M}"
    return f"{starts:%H:%M}–{ends:%H:%M}"
