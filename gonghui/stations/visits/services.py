"""Visits (到站服务): the only code that writes them.

- A worker scans the station's QR poster in the portal (`scan_in`): one row per person per
  station per day, whatever arrives at once — the partial unique index decides, and a scan that
  loses the race (or comes again that day) returns the row already there. The person is the
  keyed hash of the phone the worker proved; the phone itself is not stored.
- The keeper counts walk-ins (`record_walk_ins`): 人次 and 人数 of a day, audited.
- A door counter's daily csv (`import_counter`): one total of 人次 per day, replacing that day's
  earlier import (re-importing a file changes nothing); any bad row and nothing is written.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.audit import record_change
from gonghui.core.models import AuditAction
from gonghui.core.sheets.cells import CellError, count, date
from gonghui.stations import checks
from gonghui.stations.choices import Occupation, StationStatus, VisitSource
from gonghui.stations.models import Station, Visit


def scan_in(*, station: Station, person_hash: str, occupation: str, day=None) -> tuple[Visit, bool]:
    """(visit, created): the worker's visit today; a second scan the same day counts nothing."""
    errors: dict = {}
    checks.choice(occupation, "occupation", _("职业"), Occupation, errors)
    if not person_hash:
        errors["person"] = _("请先验证手机号")
    if station.status != StationStatus.OPEN:
        errors["station"] = _("该驿站暂未开放")
    checks.raise_if(errors)
    day = day or timezone.localdate()
    existing = Visit.objects.filter(
        station=station, date=day, source=VisitSource.SCAN, person_hash=person_hash
    ).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            visit = Visit.objects.create(
                station=station, date=day, source=VisitSource.SCAN, occupation=occupation,
                count=1, people=1, person_hash=person_hash,
            )  # fmt: skip
    except IntegrityError:
        # Another request of the same person won the race: theirs is the day's visit.
        return Visit.objects.get(
            station=station, date=day, source=VisitSource.SCAN, person_hash=person_hash
        ), False
    record_change(actor=None, action=AuditAction.CREATE, obj=visit, after=audit.snapshot(visit))
    return visit, True


@transaction.atomic
def record_walk_ins(
    *, actor, station: Station, date, count, people=None, occupation=Occupation.OTHER, note=""
) -> Visit:
    """The keeper's count of workers who came in without scanning: 人次 and 人数 (人数 ≤ 人次)."""
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    checks.ensure_may_keep(actor, station)
    errors: dict = {}
    day = checks.date_value(date, "date", _("日期"), errors)
    if day and day > timezone.localdate():
        errors["date"] = _("不能晚于今天")
    visits = checks.count(count, "count", _("人次"), errors, minimum=1)
    people = visits if people in (None, "") else checks.count(people, "people", _("人数"), errors)
    if "count" not in errors and "people" not in errors and people > visits:
        errors["people"] = _("人数不能多于人次")
    checks.choice(occupation, "occupation", _("职业"), Occupation, errors)
    note = checks.text({"note": note}, "note", _("备注"), 200, errors)
    checks.raise_if(errors)
    visit = Visit.objects.create(
        station=station, date=day, source=VisitSource.WALK_IN, occupation=occupation,
        count=visits, people=people, note=note, recorded_by=actor,
    )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.CREATE, obj=visit, after=audit.snapshot(visit))
    return visit


COUNTER_HEADERS = {"日期": "date", "date": "date", "人次": "count", "count": "count"}


def parse_counter(table: list[list]) -> tuple[list[tuple[datetime.date, int]], list[str]]:
    """(day, entries) per row of a counter's csv (columns 日期, 人次), and every error."""
    errors: list[str] = []
    if not table:
        return [], [_("文件是空的")]
    header = [str(c).strip().lower() if c is not None else "" for c in table[0]]
    columns = {COUNTER_HEADERS[h]: i for i, h in enumerate(header) if h in COUNTER_HEADERS}
    if set(columns) != {"date", "count"}:
        return [], [_("第1行应为表头：日期、人次")]
    rows, seen = [], {}
    today = timezone.localdate()
    for number, row in enumerate(table[1:], start=2):
        cells = [row[i] if i < len(row) else None for i in (columns["date"], columns["count"])]
        if all(c in (None, "") for c in cells):
            continue
        try:
            day = date(cells[0])
        except CellError as exc:
            errors.append(_("第%(n)d行 日期：%(e)s") % {"n": number, "e": exc})
            continue
        try:
            entries = count(cells[1])
        except CellError as exc:
            errors.append(_("第%(n)d行 人次：%(e)s") % {"n": number, "e": exc})
            continue
        if day > today:
            errors.append(_("第%(n)d行 日期：不能晚于今天") % {"n": number})
        elif day in seen:
            errors.append(_("第%(n)d行 日期：与第%(m)d行重复") % {"n": number, "m": seen[day]})
        elif entries > checks.MAX_COUNT:
            errors.append(_("第%(n)d行 人次：过大，请核对") % {"n": number})
        else:
            seen[day] = number
            rows.append((day, entries))
    if not rows and not errors:
        errors.append(_("文件中没有数据行"))
    return rows, errors


class CounterFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@transaction.atomic
def import_counter(*, actor, station: Station, table: list[list]) -> int:
    """Write each day's door-counter total (replacing an earlier import of that day)."""
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    checks.ensure_may_keep(actor, station)
    rows, errors = parse_counter(table)
    if errors:
        raise CounterFailed(errors)
    for day, entries in rows:
        Visit.objects.update_or_create(
            station=station, date=day, source=VisitSource.COUNTER,
            defaults={"count": entries, "people": 0, "recorded_by": actor},
        )  # fmt: skip
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=station,
        changes={_("客流计数导入"): [None, _("%(n)d天") % {"n": len(rows)}]},
    )  # fmt: skip
    return len(rows)
