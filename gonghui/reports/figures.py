"""The public entry point of the figures: `compute()`, and the scope it is computed for.

The dashboard, `gonghui stats`, `GET /api/stats/` and the annual report call this module and
nothing else, so they cannot disagree. What each figure means lives with the module that
provides it (gonghui/registry/figures.py for the registry's).
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import figures
from gonghui.core.figures import FigureScope
from gonghui.core.models import Organisation
from gonghui.core.scoping import scope_paths
from gonghui.reports import cache


class PeriodError(ValueError):
    """The period is not a period (the message says why, in the UI's language)."""


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)


def period(
    date_from: datetime.date | None, date_to: datetime.date | None, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Both ends inclusive. Without either end, the calendar year of the other (of today when
    neither is given): `--from 2024-03-01` means 2024-03-01..2024-12-31."""
    if date_from is None and date_to is None:
        return default_period(today)
    if date_from is None:
        date_from = datetime.date(date_to.year, 1, 1)
    if date_to is None:
        date_to = datetime.date(date_from.year, 12, 31)
    if date_from > date_to:
        raise PeriodError(_("起始日期不能晚于截止日期"))
    return date_from, date_to


def make_scope(
    *,
    user=None,
    org: Organisation | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    today: datetime.date | None = None,
) -> FigureScope:
    """With a user: what the user sees, narrowed to `org`'s subtree (an org outside it raises
    Organisation.DoesNotExist, as if it did not exist). Without a user (the console): the whole
    database, or `org`'s subtree."""
    today = today or timezone.localdate()
    first, last = period(date_from, date_to, today)
    paths = _paths(user, org)
    return FigureScope(paths=paths, date_from=first, date_to=last, today=today)


def _paths(user, org: Organisation | None) -> tuple[str, ...] | None:
    visible = None if user is None else scope_paths(user)
    if org is not None:
        if visible is not None and not any(org.path.startswith(p) for p in visible):
            raise Organisation.DoesNotExist
        visible = [org.path]
    if visible is None:
        return None
    if not visible:
        return ()
    # A scope holding every root holds everything: the member figures then need no join with
    # the organisation table, which matters at a million members.
    roots = Organisation.objects.filter(parent__isnull=True).values_list("path", flat=True)
    if set(roots) <= set(visible):
        return None
    return tuple(visible)


def compute(
    *,
    user=None,
    org: Organisation | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    today: datetime.date | None = None,
) -> dict:
    """Every figure for the scope and period, e.g. {"members": 1030000, ...}; see make_scope."""
    scope = make_scope(user=user, org=org, date_from=date_from, date_to=date_to, today=today)
    return figures_for(scope)


def figures_for(scope: FigureScope) -> dict:
    """Every registered figure for a scope made by make_scope (the dashboard and the console
    also show the scope's period, and the dashboard's breakdowns share its queries). Kept in
    the figures' cache until the next committed audited write (gonghui.reports.cache)."""
    return cache.cached("figures", scope, lambda: figures.compute_all(scope))


def years_range(text: str) -> tuple[int, int]:
    """ "2021-2025" (or one year, "2025") as (2021, 2025); PeriodError when it is not one."""
    first, _sep, last = text.strip().partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise PeriodError(_("年份范围应写作 2021-2025")) from None
    if not (1949 < start <= end < 2200) or end - start >= 30:
        raise PeriodError(_("年份范围应写作 2021-2025，且不超过30年"))
    return start, end


def compute_years(
    *, user=None, org: Organisation | None = None, first: int, last: int
) -> list[dict]:
    """Year by year: each year's flows over that year, its stocks as of its 31 December (or of
    today for the current year, whose end is still to come). [{"year", "as_of", "values"}]."""
    today = timezone.localdate()
    rows = []
    for year in range(first, last + 1):
        end = datetime.date(year, 12, 31)
        as_of = min(end, today)
        values = compute(
            user=user, org=org, date_from=datetime.date(year, 1, 1), date_to=end, today=as_of
        )
        rows.append({"year": year, "as_of": as_of, "values": values})
    return rows
