"""Builders for the labour-risk tests (grids, points, reports, warnings) on top of the shared
county: town A's grid 城关镇一号网格 holds 甲机械厂 (employer_a) with a monitoring point; town B's
grid 水坪镇一号网格 holds 乙茶叶公司 (employer_b).

Rows are written directly where they are the setting of a test, through the services where they
are what is tested."""

import datetime

from django.utils import timezone

from gonghui.rights.choices import RiskLevel, WarningStatus
from gonghui.rights.models import (
    Grid,
    GridEmployer,
    MonitoringPoint,
    MonthlyReport,
    RiskWarning,
)

GRID_A = "城关镇一号网格"
GRID_B = "水坪镇一号网格"
CONTACT_A = "甲厂信息员钱多多"


def aware(*args) -> datetime.datetime:
    """A moment in the project's time zone (Asia/Shanghai)."""
    return timezone.make_aware(datetime.datetime(*args))


def make_grid(organisation, name: str, *employers) -> Grid:
    grid = Grid.objects.create(organisation=organisation, name=name)
    for employer in employers:
        GridEmployer.objects.create(grid=grid, employer=employer)
    return grid


def grid_a(county) -> Grid:
    return make_grid(county.town_a, GRID_A, county.employer_a)


def grid_b(county) -> Grid:
    return make_grid(county.town_b, GRID_B, county.employer_b)


def make_point(grid, employer, *, established_on=None, due_day=10, reporter=None, **extra):
    return MonitoringPoint.objects.create(
        grid=grid,
        employer=employer,
        contact_name=extra.pop("contact_name", CONTACT_A),
        reporter=reporter,
        established_on=established_on or datetime.date(2024, 1, 1),
        report_due_day=due_day,
        **extra,
    )


def point_a(county, **kwargs) -> MonitoringPoint:
    grid = Grid.objects.filter(name=GRID_A).first() or grid_a(county)
    return make_point(grid, county.employer_a, **kwargs)


def ratings(**given) -> dict:
    """The five ratings of a report, 0 unless given."""
    fields = dict.fromkeys(("wage_arrears", "layoffs", "unrest", "safety", "other"), 0)
    fields.update(given)
    return fields


def make_report(point, month: datetime.date, *, is_late=False, **given) -> MonthlyReport:
    return MonthlyReport.objects.create(
        point=point,
        month=month,
        submitted_at=timezone.now(),
        is_late=is_late,
        **ratings(**given),
    )


def make_warning(county, *, level=RiskLevel.RED, due_at=None, **extra) -> RiskWarning:
    """An open warning about employer_a, the responsibility of town A."""
    now = timezone.now()
    fields = {
        "employer": county.employer_a,
        "level": level,
        "previous_level": RiskLevel.GREEN,
        "reasons": ["欠薪严重"],
        "status": WarningStatus.OPEN,
        "responsible": county.town_a,
        "opened_at": now,
        "due_at": due_at or now + datetime.timedelta(hours=24),
    }
    fields.update(extra)
    return RiskWarning.objects.create(**fields)
