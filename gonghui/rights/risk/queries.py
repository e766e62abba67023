"""Reading the labour-risk data: month arithmetic of the monthly reports, the counts of the grid
list, a point's months, the missing-reports list and the board. Every function that takes a user
starts from `visible_to` (plus, for points and reports, the points the user files for)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from gonghui.core.models import Organisation
from gonghui.core.models.orgs import TERRITORIAL_KINDS
from gonghui.registry.models import Employer
from gonghui.rights.choices import RiskLevel
from gonghui.rights.models import (
    EmployerRisk,
    GridEmployer,
    GridMember,
    MonitoringPoint,
    MonthlyReport,
)

# How far back consecutive missed months are counted (a rule threshold above it never fires).
MISSED_CAP = 24


# ---------------------------------------------------------------------------------------------
# Months
# ---------------------------------------------------------------------------------------------


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, n: int) -> datetime.date:
    index = month.year * 12 + (month.month - 1) + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def due_date(month: datetime.date, due_day: int) -> datetime.date:
    """A month's report is due by `due_day` of the month after (filed later: late)."""
    return add_months(month_start(month), 1).replace(day=due_day)


def last_due_month(today: datetime.date, due_day: int) -> datetime.date:
    """The latest month whose report's due day has passed by `today`."""
    back = 1 if today.day > due_day else 2
    return add_months(month_start(today), -back)


def consecutive_missed(
    *, established_on: datetime.date, due_day: int, reported: set, today: datetime.date
) -> int:
    """Months in a row, back from the latest one past its due day, without a report; a point
    owes reports from the month it was set up."""
    month = last_due_month(today, due_day)
    first = month_start(established_on)
    missed = 0
    while month >= first and month not in reported and missed < MISSED_CAP:
        missed += 1
        month = add_months(month, -1)
    return missed


def today_of(now=None) -> datetime.date:
    return timezone.localdate(now or timezone.now())


# ---------------------------------------------------------------------------------------------
# Who sees which points and reports
# ---------------------------------------------------------------------------------------------


def points_for(user):
    """Points the user sees through their roles, and the ones they file reports for."""
    visible = MonitoringPoint.objects.visible_to(user)
    if not getattr(user, "is_authenticated", False):
        return visible
    return MonitoringPoint.objects.filter(Q(pk__in=visible.values("pk")) | Q(reporter=user))


def reports_for(user):
    visible = MonthlyReport.objects.visible_to(user)
    if not getattr(user, "is_authenticated", False):
        return visible
    return MonthlyReport.objects.filter(Q(pk__in=visible.values("pk")) | Q(point__reporter=user))


def is_reporter(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and MonitoringPoint.objects.filter(reporter=user, is_active=True).exists()
    )


# ---------------------------------------------------------------------------------------------
# Grids
# ---------------------------------------------------------------------------------------------


def with_counts(grids):
    """Employers, points and members per grid, in the list's one query (subqueries, so that
    the three counts do not multiply each other as joins would)."""

    def count_of(model):
        rows = model.objects.filter(grid=OuterRef("pk")).order_by().values("grid")
        return Coalesce(
            Subquery(rows.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
            Value(0),
        )

    return grids.annotate(
        employer_count=count_of(GridEmployer),
        point_count=count_of(MonitoringPoint),
        member_count=count_of(GridMember),
    )


def levels_of(employer_ids) -> dict[int, EmployerRisk]:
    """employer id -> its EmployerRisk (absent: never evaluated, i.e. green)."""
    rows = EmployerRisk.objects.filter(employer_id__in=list(employer_ids))
    return {row.employer_id: row for row in rows}


# ---------------------------------------------------------------------------------------------
# A point's months
# ---------------------------------------------------------------------------------------------


@dataclass
class PointMonth:
    month: datetime.date
    due_on: datetime.date
    report: MonthlyReport | None = None
    missing: bool = False  # no report and the due day has passed (逾期未报)
    pending: bool = False  # no report yet, still before the due day


def point_months(point: MonitoringPoint, *, today=None, months: int = 12) -> list[PointMonth]:
    """The point's last `months` months (newest first) with their report or a flag."""
    today = today or today_of()
    first = month_start(point.established_on)
    current = month_start(today)
    reports = {r.month: r for r in point.reports.filter(month__gte=add_months(current, -months))}
    rows = []
    for back in range(months):
        month = add_months(current, -back)
        if month < first:
            break
        due = due_date(month, point.report_due_day)
        report = reports.get(month)
        rows.append(
            PointMonth(
                month=month,
                due_on=due,
                report=report,
                missing=report is None and today > due,
                pending=report is None and today <= due,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Missing reports
# ---------------------------------------------------------------------------------------------


@dataclass
class MissingReport:
    point: MonitoringPoint
    month: datetime.date
    due_on: datetime.date


def missing_reports(points, month: datetime.date, *, today=None) -> list[MissingReport]:
    """Active points of `points` with no report for `month` whose due day has passed (and which
    existed in that month): one query."""
    today = today or today_of()
    month = month_start(month)
    filed = MonthlyReport.objects.filter(point=OuterRef("pk"), month=month)
    candidates = (
        points.filter(is_active=True, established_on__lt=add_months(month, 1))
        .annotate(filed=Exists(filed))
        .filter(filed=False)
        .select_related("employer", "grid")
        .order_by("grid__name", "employer__name", "pk")
    )
    return [
        MissingReport(point=p, month=month, due_on=due_date(month, p.report_due_day))
        for p in candidates
        if today > due_date(month, p.report_due_day)
    ]


def missing_last_due(points, today: datetime.date):
    """Active points of `points` without the report of their last month past its due day (which
    depends on the point's own due day), as one queryset: the late reports of the report list
    and of the workbench."""
    this_month = month_start(today)
    late = Q(pk__in=[])
    for month, due_days in (
        (add_months(this_month, -1), Q(report_due_day__lt=today.day)),
        (add_months(this_month, -2), Q(report_due_day__gte=today.day)),
    ):
        filed = MonthlyReport.objects.filter(point=OuterRef("pk"), month=month)
        late |= due_days & Q(established_on__lt=add_months(month, 1)) & ~Exists(filed)
    return points.filter(is_active=True).filter(late)


def missing_of_last_due(points, today: datetime.date) -> list[MissingReport]:
    rows = []
    for point in missing_last_due(points, today).select_related("employer", "grid"):
        month = last_due_month(today, point.report_due_day)
        rows.append(
            MissingReport(point=point, month=month, due_on=due_date(month, point.report_due_day))
        )
    rows.sort(key=lambda r: (r.point.grid.name, r.point.employer.name, r.point.pk))
    return rows


# ---------------------------------------------------------------------------------------------
# The board
# ---------------------------------------------------------------------------------------------

LEVELS = [RiskLevel.GREEN, RiskLevel.YELLOW, RiskLevel.ORANGE, RiskLevel.RED]


@dataclass
class BoardRow:
    territory_id: int
    name: str
    counts: dict = field(default_factory=lambda: {level.value: 0 for level in LEVELS})

    @property
    def cells(self) -> list[int]:
        return [self.counts[level.value] for level in LEVELS]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def monitored_employers(user):
    """Employers the user sees that are monitored (in a grid, or evaluated at least once), each
    with its level (no EmployerRisk row: green)."""
    level = EmployerRisk.objects.filter(employer=OuterRef("pk")).values("level")[:1]
    in_grid = GridEmployer.objects.filter(employer=OuterRef("pk"))
    evaluated = EmployerRisk.objects.filter(employer=OuterRef("pk"))
    return (
        Employer.objects.visible_to(user)
        .annotate(
            risk_level=Coalesce(Subquery(level), Value(RiskLevel.GREEN)),
            in_grid=Exists(in_grid),
            evaluated=Exists(evaluated),
        )
        .filter(Q(in_grid=True) | Q(evaluated=True))
    )


def board(user) -> dict:
    """Territories (towns, parks) × levels: counts of monitored employers, in one aggregate
    query; plus every territory the user sees (a row of zeros says "nothing monitored")."""
    counted = (
        monitored_employers(user)
        .order_by()
        .values("territory_id", "territory__name", "territory__path", "risk_level")
        .annotate(n=Count("pk"))
    )
    rows: dict[int, BoardRow] = {}
    paths: dict[int, str] = {}
    for row in counted:
        board_row = rows.setdefault(
            row["territory_id"], BoardRow(row["territory_id"], row["territory__name"])
        )
        board_row.counts[row["risk_level"]] += row["n"]
        paths[row["territory_id"]] = row["territory__path"]
    territories = Organisation.objects.visible_to(user).filter(kind__in=TERRITORIAL_KINDS)
    for org in territories.only("pk", "name", "path"):
        rows.setdefault(org.pk, BoardRow(org.pk, org.name))
        paths[org.pk] = org.path
    ordered = sorted(rows.values(), key=lambda r: paths.get(r.territory_id, ""))
    totals = {level.value: sum(r.counts[level.value] for r in ordered) for level in LEVELS}
    return {"rows": ordered, "totals": [totals[level.value] for level in LEVELS]}


def high_risk(user):
    """Red and orange employers the user sees, worst first."""
    return (
        EmployerRisk.objects.visible_to(user)
        .filter(level__gte=RiskLevel.ORANGE)
        .select_related("employer", "employer__territory")
        .order_by("-level", "employer__territory__path", "employer__name")
    )
