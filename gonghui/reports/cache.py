"""The figures' cache: `compute()`'s figures and the dashboard's context, per scope, kept until the
next committed audited write.

At a million members a county's figures take a few hundred milliseconds to count, and the
dashboard adds its charts and lists; a leader opens it many times between two writes. Each entry
is keyed by the data version (gonghui.core.versions: in the database, bumped when an audited
write commits), the whole scope (every field of the FigureScope: paths, period, today, and any
field added later), what else the caller names (the dashboard's organisation) and the language
(labels are translated when built). So:

- a write through a service shows at once: its commit bumps the version, and entries under the
  old one are never read again (they age out of the cache);
- two scopes never share an entry, nor two days (stocks are as of `today`);
- the writing transaction itself computes afresh until it commits (core.versions.pending_write);
- every process reads the version from the database, so a per-process cache is never stale
  either; a shared one (settings.CACHES["figures"], e.g. Redis) shares the work.
"""

import dataclasses
import hashlib
from collections.abc import Callable

from django.core.cache import InvalidCacheBackendError, caches
from django.utils import translation

from gonghui.core import versions
from gonghui.core.figures import FigureScope

ALIAS = "figures"
TTL_SECONDS = 24 * 60 * 60  # an entry is reachable for a day at most (today is in its key)


def _cache():
    try:
        return caches[ALIAS]
    except InvalidCacheBackendError:  # settings without the alias: no cache
        return None


def scope_key(scope: FigureScope) -> tuple:
    """Every compared field of the scope (the memo is not one)."""
    return tuple((f.name, getattr(scope, f.name)) for f in dataclasses.fields(scope) if f.compare)


def key(kind: str, scope: FigureScope, extra: tuple = ()) -> str:
    parts = repr((scope_key(scope), extra, translation.get_language()))
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return f"gonghui:{kind}:{versions.current()}:{digest}"


def cached(kind: str, scope: FigureScope, compute: Callable, extra: tuple = ()):
    """compute() for this scope (and `extra`), from the cache when it holds it under the current
    data version."""
    cache = _cache()
    if cache is None or versions.pending_write():
        return compute()
    entry_key = key(kind, scope, extra)
    value = cache.get(entry_key)
    if value is None:
        value = compute()
        cache.set(entry_key, value, TTL_SECONDS)
    return value
