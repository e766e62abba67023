"""Figures (统计口径): the providers every consumer goes through.

The dashboard, `gonghui stats`, the API and the annual report all call `compute_all(scope)`, so a
figure is defined once. Each module registers its own provider (the registry its employers and
members, later modules their aid, cases, visits ...) from an AppConfig.ready, the way modules
register tree counters in gonghui.core.tree: core never reaches into a module's tables.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from gonghui.core.scoping import path_q

RATE_PLACES = 4


@dataclass(frozen=True)
class FigureScope:
    """Where and when a set of figures is counted.

    `paths`: organisation-path prefixes (a subtree each); None means every organisation, an empty
    tuple means none. `date_from`..`date_to` is the period, both ends inclusive (flows such as
    new members); stocks (members, employers, overdue terms) are counted as of `today`.
    """

    paths: tuple[str, ...] | None
    date_from: datetime.date
    date_to: datetime.date
    today: datetime.date
    # Results shared by the providers and the dashboard's breakdowns computed for this one scope,
    # so a table is read once per page rather than once per consumer.
    _memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_everything(self) -> bool:
        return self.paths is None

    def q(self, *lookups: str) -> Q:
        """Rows whose organisation, through any of `lookups` (e.g. "union__path"), is in scope."""
        return Q() if self.paths is None else path_q(lookups, self.paths)

    def memo(self, key: str, compute: Callable):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass(frozen=True)
class Provider:
    name: str
    compute: Callable  # (FigureScope) -> dict[str, value]
    labels: dict  # key -> label, for tables and cards


_providers: list[Provider] = []


def register_figures(name: str, compute: Callable, labels: dict | None = None) -> None:
    """Register `compute(scope) -> dict` under `name`; registering a name again does nothing."""
    if all(p.name != name for p in _providers):
        _providers.append(Provider(name, compute, dict(labels or {})))


def providers() -> list[Provider]:
    return list(_providers)


def labels() -> dict:
    merged: dict = {}
    for provider in _providers:
        merged.update(provider.labels)
    return merged


def compute_all(scope: FigureScope) -> dict:
    """Every registered figure for `scope`, in registration order."""
    result: dict = {}
    for provider in _providers:
        figures = provider.compute(scope)
        clash = result.keys() & figures.keys()
        if clash:
            # Two modules defining one key would make the published number depend on load order.
            raise ImproperlyConfigured(f"figures defined twice: {sorted(clash)} ({provider.name})")
        result.update(figures)
    return result


def rate(numerator: int, denominator: int) -> float:
    """A share rounded to four places; 0 when there is nothing to divide by."""
    return round(numerator / denominator, RATE_PLACES) if denominator else 0.0


# ---------------------------------------------------------------------------------------------
# Traces: the records a figure counts (由数到人), registered by the module that owns the figure
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TraceColumn:
    header: str
    render: Callable  # (row) -> cell value


@dataclass(frozen=True)
class TracePart:
    """One list of records behind a figure: a count figure has one, a rate two (分子, 分母).

    `queryset` holds exactly the rows the figure counts (a count figure's value is its row
    count); `total` names the field a sum figure adds up (its value is that field's sum)."""

    title: str
    queryset: object
    columns: tuple[TraceColumn, ...]
    total: str | None = None


_traces: dict[str, Callable] = {}
_derived: set[str] = set()


def register_trace(key: str, fn: Callable) -> None:
    """`fn(scope) -> TracePart | list[TracePart]`: the records behind figure `key`, for the
    figures page that opens from every card (reports:figure_records)."""
    _traces[key] = fn


def register_derived(*keys: str) -> None:
    """Figures with no records of their own (breakdowns by a category, medians): each card of
    theirs opens the list of the figure they break down, or nothing. Listed so that a figure
    without a trace is a decision, never an omission (reports/tests/test_figure_traces.py)."""
    _derived.update(keys)


def trace_parts(key: str, scope: FigureScope) -> list[TracePart] | None:
    fn = _traces.get(key)
    if fn is None:
        return None
    parts = fn(scope)
    return list(parts) if isinstance(parts, list | tuple) else [parts]


def has_trace(key: str) -> bool:
    return key in _traces


def traced_keys() -> list[str]:
    return list(_traces)


def derived_keys() -> set[str]:
    return set(_derived)


def column(header: str, path: str | Callable) -> TraceColumn:
    """A column by attribute path ("union.name"; a choice field gives its label) or function."""
    if callable(path):
        return TraceColumn(str(header), path)

    def render(row):
        value = row
        names = path.split(".")
        for index, name in enumerate(names):
            if value is None:
                return ""
            last = index == len(names) - 1
            display = getattr(value, f"get_{name}_display", None) if last else None
            value = display() if display is not None else getattr(value, name)
        if isinstance(value, bool):
            from django.utils.translation import gettext as _

            return _("是") if value else _("否")
        return "" if value is None else value

    return TraceColumn(str(header), render)
