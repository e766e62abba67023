"""Open now and next open in Asia/Shanghai: 6:29 / 6:30 / 21:30, across midnight, exceptions."""

import datetime

from gonghui.stations.choices import ExceptionKind, WindowMode
from gonghui.stations.stations.hours import TZ, Hours


class W:
    def __init__(self, weekday, starts, ends, mode=WindowMode.STAFFED):
        self.weekday, self.mode = weekday, mode
        self.starts = datetime.time(*starts)
        self.ends = datetime.time(*ends)


class E:
    def __init__(self, date, kind, starts=None, ends=None, mode=WindowMode.STAFFED):
        self.date, self.kind, self.mode = date, kind, mode
        self.starts = datetime.time(*starts) if starts else None
        self.ends = datetime.time(*ends) if ends else None


MONDAY = datetime.date(2026, 3, 2)


def at(day, h, m=0, tz=TZ):
    return datetime.datetime.combine(day, datetime.time(h, m), tzinfo=tz)


def smart_week():
    """响水's smart stations: 6:30–21:30 every day, staffed 8:00–18:00, unattended around it."""
    windows = []
    for d in range(7):
        windows += [
            W(d, (6, 30), (8, 0), WindowMode.UNATTENDED),
            W(d, (8, 0), (18, 0)),
            W(d, (18, 0), (21, 30), WindowMode.UNATTENDED),
        ]
    return Hours(windows=windows)


def test_opening_minute_and_closing_minute():
    hours = smart_week()
    assert not hours.is_open(at(MONDAY, 6, 29))
    assert hours.is_open(at(MONDAY, 6, 30))
    assert hours.mode_at(at(MONDAY, 6, 30)) == WindowMode.UNATTENDED
    assert hours.mode_at(at(MONDAY, 12, 0)) == WindowMode.STAFFED
    assert hours.is_open(at(MONDAY, 21, 29))
    assert not hours.is_open(at(MONDAY, 21, 30))


def test_the_clock_is_shanghai_whatever_the_moment_says():
    utc = datetime.UTC
    # 22:30 UTC on Sunday is 06:30 on Monday in Shanghai.
    assert smart_week().is_open(at(MONDAY - datetime.timedelta(1), 22, 30, tz=utc))
    assert not smart_week().is_open(at(MONDAY - datetime.timedelta(1), 22, 29, tz=utc))


def test_next_open_and_open_until():
    hours = smart_week()
    assert hours.next_open(at(MONDAY, 6, 29)) == at(MONDAY, 6, 30)
    assert hours.next_open(at(MONDAY, 21, 30)) == at(MONDAY + datetime.timedelta(1), 6, 30)
    assert hours.next_open(at(MONDAY, 12, 0)) is None
    # back-to-back windows are one spell
    assert hours.open_until(at(MONDAY, 7, 0)) == at(MONDAY, 21, 30)


def test_a_window_across_midnight():
    hours = Hours(windows=[W(0, (21, 30), (6, 30))])  # Monday night into Tuesday
    tuesday = MONDAY + datetime.timedelta(1)
    assert hours.is_open(at(MONDAY, 23, 59))
    assert hours.is_open(at(tuesday, 0, 0))
    assert hours.is_open(at(tuesday, 6, 29))
    assert not hours.is_open(at(tuesday, 6, 30))
    assert not hours.is_open(at(tuesday, 23, 0))  # Tuesday has no window of its own
    assert hours.next_open(at(tuesday, 6, 30)) == at(MONDAY + datetime.timedelta(7), 21, 30)


def test_a_closure_removes_the_day_but_not_last_nights_spill():
    windows = [W(d, (21, 30), (6, 30)) for d in range(7)]
    tuesday = MONDAY + datetime.timedelta(1)
    hours = Hours(windows=windows, exceptions=[E(tuesday, ExceptionKind.CLOSED)])
    assert hours.is_open(at(tuesday, 3, 0))  # Monday night's window still runs into Tuesday
    assert not hours.is_open(at(tuesday, 22, 0))
    assert hours.next_open(at(tuesday, 22, 0)) == at(tuesday + datetime.timedelta(1), 21, 30)


def test_an_extra_opening():
    hours = Hours(
        windows=[W(d, (8, 0), (18, 0)) for d in range(5)],  # weekdays only
        exceptions=[E(MONDAY + datetime.timedelta(5), ExceptionKind.EXTRA, (9, 0), (12, 0))],
    )
    saturday = MONDAY + datetime.timedelta(5)
    assert hours.is_open(at(saturday, 10, 0))
    assert not hours.is_open(at(saturday, 12, 0))
    assert not hours.is_open(at(saturday + datetime.timedelta(1), 10, 0))
    assert hours.next_open(at(MONDAY + datetime.timedelta(4), 18, 0)) == at(saturday, 9, 0)


def test_always_open_and_smart():
    full = Hours(windows=[W(d, (0, 0), (0, 0)) for d in range(7)])
    assert full.always_open and not full.has_unattended
    split = Hours(
        windows=[W(d, (8, 0), (20, 0)) for d in range(7)]
        + [W(d, (20, 0), (8, 0), WindowMode.UNATTENDED) for d in range(7)]
    )
    assert split.always_open and split.has_unattended
    assert not smart_week().always_open and smart_week().has_unattended
