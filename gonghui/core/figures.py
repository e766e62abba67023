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
