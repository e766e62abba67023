"""The workbench (工作台/待办): what waits for a staff user in the unions under them, each module's
items registered from its AppConfig.ready (as reports.sections are), so core never imports them.

A provider `fn(user)` returns WorkItems, each with the queryset of exactly the rows its `url`
lists (the module's queue, filtered), the field that dates them (the oldest comes first) and the
condition that makes one overdue. `items_for` turns every provider's querysets into counts in ONE
SQL statement of scalar subqueries, so the sidebar's badges cost one query however many modules
add items, never one per item.

The result is cached per user under a version that every audited write bumps (core.signals): every
write that changes what waits (a decision, a new application, a grant) is audited, so the next page
after a write counts afresh; what only time changes (an item becoming overdue) waits out the short
TTL. With several server processes the cache must be shared (settings.CACHES, e.g. Redis or the
database cache) for one process's bump to reach the others; with the default per-process cache a
count is at most TTL_SECONDS late. A page computes it at most once (memoised on the request), for
the sidebar and the home page alike.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import F, Q
from django.utils import timezone

TTL_SECONDS = 60
PROVIDERS: list[Callable] = []  # fn(user) -> Iterable[WorkItem]


@dataclass
class WorkItem:
    """One kind of waiting work. `module` groups items on the page (its Chinese name), `nav`
    names the sidebar entry whose badge counts it ('registry', 'aid', 'rights' …)."""

    module: str
    key: str
    label: str
    url: str
    queryset: models.QuerySet | None = None
    oldest_field: str | None = None  # a date or datetime field of the queryset's model
    overdue: Q | None = None  # which of the rows are overdue
    nav: str = ""
    order: int = 0
    # Filled by items_for:
    count: int = 0
    oldest: datetime.date | datetime.datetime | None = None
    overdue_count: int = 0

    @property
    def oldest_day(self) -> datetime.date | None:
        if isinstance(self.oldest, datetime.datetime):
            return timezone.localtime(self.oldest).date()
        return self.oldest

    @property
    def days_waiting(self) -> int | None:
        day = self.oldest_day
        return None if day is None else (timezone.localdate() - day).days


@dataclass
class Workbench:
    items: list[WorkItem] = field(default_factory=list)

    @property
    def waiting(self) -> list[WorkItem]:
        return [i for i in self.items if i.count]

    @property
    def total(self) -> int:
        return sum(i.count for i in self.items)

    @property
    def overdue_total(self) -> int:
        return sum(i.overdue_count for i in self.items)

    @cached_property
    def badges(self) -> dict:
        """{nav: {"count": n, "overdue": m}} for the sidebar ("all": the home page's)."""
        out: dict = {"all": {"count": 0, "overdue": 0}}
        for item in self.items:
            for nav in (item.nav, "all"):
                badge = out.setdefault(nav, {"count": 0, "overdue": 0})
                badge["count"] += item.count
                badge["overdue"] += item.overdue_count
        return out

    @cached_property
    def groups(self) -> list[dict]:
        """Waiting items by module; within a module the overdue and the oldest first."""
        grouped: dict = {}
        for item in self.waiting:
            grouped.setdefault(item.module, []).append(item)
        far_future = datetime.date.max
        return [
            {
                "module": module,
                "items": sorted(
                    items, key=lambda i: (-bool(i.overdue_count), i.oldest_day or far_future)
                ),
                "count": sum(i.count for i in items),
                "overdue": sum(i.overdue_count for i in items),
            }
            for module, items in grouped.items()
        ]


def register_workbench_items(fn: Callable) -> None:
    if fn not in PROVIDERS:  # ready() may run twice in tests
        PROVIDERS.append(fn)


def _subquery(queryset: models.QuerySet, select: str) -> tuple[str, tuple]:
    """`(SELECT <select> FROM (<queryset>) t)`; `select` reads the column `v`."""
    sql, params = queryset.query.sql_with_params()
    return f"(SELECT {select} FROM ({sql}) wb_t)", tuple(params)


def _parse(model_field, value):
    if value is None or model_field is None:
        return value
    value = model_field.to_python(value)
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)  # SQLite keeps UTC, naive
    return value


def count_all(items: list[WorkItem]) -> None:
    """Fill each item's count, oldest and overdue_count: one statement for all of them."""
    columns: list[str] = []
    params: list = []
    slots: list[tuple[WorkItem, str, object]] = []
    for item in items:
        if item.queryset is None:
            continue
        base = item.queryset.order_by()
        parts = [("count", base.values("pk"), "COUNT(*)", None)]
        if item.oldest_field:
            oldest = base.annotate(wb_v=F(item.oldest_field)).values("wb_v")
            model_field = item.queryset.model._meta.get_field(item.oldest_field)
            parts.append(("oldest", oldest, "MIN(wb_v)", model_field))
        if item.overdue is not None:
            late = base.filter(item.overdue).values("pk")
            parts.append(("overdue_count", late, "COUNT(*)", None))
        for attr, qs, select, model_field in parts:
            try:
                sql, sub_params = _subquery(qs, select)
            except EmptyResultSet:  # e.g. .none(): nothing waits
                continue
            columns.append(sql)
            params.extend(sub_params)
            slots.append((item, attr, model_field))
    if not columns:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        row = cursor.fetchone()
    for (item, attr, model_field), value in zip(slots, row, strict=True):
        if attr == "oldest":
            setattr(item, attr, _parse(model_field, value))
        else:
            setattr(item, attr, int(value or 0))


def collect(user) -> list[WorkItem]:
    items: list[WorkItem] = []
    for fn in PROVIDERS:
        items.extend(fn(user) or ())
    count_all(items)
    items.sort(key=lambda i: (i.order, i.key))
    return items


VERSION_KEY = "workbench:version"


def _version() -> int:
    return cache.get(VERSION_KEY) or 0


def invalidate() -> None:
    """Every user's workbench counts afresh on their next page (called on each audited write)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 1, None)


def _frozen(items: Iterable[WorkItem]) -> list[WorkItem]:
    """Without querysets and lazy strings: what the cache keeps."""
    return [
        replace(i, queryset=None, overdue=None, label=str(i.label), module=str(i.module))
        for i in items
    ]


def _key(user) -> str:
    return f"workbench:{user.pk}:{_version()}"


def warm(user) -> None:
    """Count now for a user who holds a role (at sign-in), so their next pages read the cache."""
    from gonghui.core.scoping import scope_paths

    if scope_paths(user) != [] and cache.get(_key(user)) is None:
        cache.set(_key(user), _frozen(collect(user)), TTL_SECONDS)


def items_for(user, request=None) -> Workbench:
    """The user's workbench: memoised on the request, cached per user until the next audited
    write (or TTL_SECONDS)."""
    if request is not None and hasattr(request, "_workbench"):
        return request._workbench
    if not getattr(user, "is_authenticated", False):
        bench = Workbench()
    else:
        key = _key(user)
        items = cache.get(key)
        if items is None:
            items = _frozen(collect(user))
            cache.set(key, items, TTL_SECONDS)
        bench = Workbench(items)
    if request is not None:
        request._workbench = bench
    return bench
