"""Figures at scale: times `compute()` for the county and for one town, beside hand-written SQL
computing the same numbers (bench/figures_sql.py: every module's figures, one statement per
module), in the same run, and the dashboard page, cold (the figures' cache emptied before each
look) and warm (the second look).

Fills the configured database first with a generated county of a million members (in bulk, by
the demo generator, not through the import; the modules' demo data through their services),
unless `--reuse` names a database that already holds one. Targets on PostgreSQL: the full set of
figures of the county and of a town each within 300 ms and within twice the hand-written SQL;
the dashboard page within 300 ms. `compute()` is timed without its cache (gonghui.reports.cache),
which would otherwise answer from memory. Prints; asserts nothing.

    gonghui migrate                    # the figures' covering index is a migration
    export DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench
    python bench/figures.py            # fills the (empty) database, then times
    python bench/figures.py --reuse    # a database already holding a million members
"""

import argparse
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import resolve  # noqa: E402
from figures_sql import hand_written  # noqa: E402  (bench/ is the script's folder)

from gonghui.core.models import Organisation, OrgKind, User  # noqa: E402
from gonghui.registry import demo  # noqa: E402
from gonghui.registry.models import Member  # noqa: E402
from gonghui.reports import cache as figures_cache  # noqa: E402
from gonghui.reports.figures import compute  # noqa: E402

MEMBERS = 1_000_000
EMPLOYERS = 5000
SEED = 2026
REPEAT = 7
TARGET_MS = 300


def timed(fn) -> tuple[float, object]:
    result = fn()  # warm: the second look at a dashboard is the common case
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), result


def timed_pair(ours, theirs) -> tuple[float, object, float, object]:
    """Both warm, runs taken in turn, so that whatever else the machine does weighs on both."""
    ours_result, theirs_result = ours(), theirs()
    ours_runs, theirs_runs = [], []
    for _ in range(REPEAT):
        for fn, runs in ((ours, ours_runs), (theirs, theirs_runs)):
            start = time.perf_counter()
            fn()
            runs.append((time.perf_counter() - start) * 1000)
    return (
        statistics.median(ours_runs),
        ours_result,
        statistics.median(theirs_runs),
        theirs_result,
    )


def fill(reuse: bool, size: int, employers: int) -> int:
    members = Member.objects.count()
    if reuse:
        if members < size:
            sys.exit(f"--reuse needs {size:,} members or more; the database has {members:,}")
        return members
    if Organisation.objects.exists() or members:
        sys.exit("the database is not empty: fill an empty one, or pass --reuse")
    print(f"filling: {size:,} members, {employers:,} employers (seed {SEED}) ...", flush=True)
    start = time.perf_counter()
    demo.build(members=size, employers=employers, seed=SEED)
    if connection.vendor == "postgresql":
        # Fresh statistics and a visibility map, as autovacuum would leave them on a live county:
        # index-only scans need the latter.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"filled in {time.perf_counter() - start:.0f} s")
    return Member.objects.count()


def page_ms(username: str, path: str) -> tuple[float, float] | None:
    """The dashboard view rendered for `username`, cold and warm, without the session
    middleware: a reused database gets no session rows."""
    user = User.objects.filter(username=username).first()
    if user is None:
        return None
    view = resolve(path).func

    def get():
        request = RequestFactory().get(path, HTTP_HOST="127.0.0.1")
        request.user = user
        response = view(request)
        assert response.status_code == 200, (path, response.status_code)

    def cold():
        caches[figures_cache.ALIAS].clear()
        get()

    return timed(cold)[0], timed(get)[0]


def uncached(fn):
    """`fn` with the figures' cache switched off: what computing costs."""

    def call():
        switch = figures_cache._cache
        figures_cache._cache = lambda: None
        try:
            return fn()
        finally:
            figures_cache._cache = switch

    return call


def differences(ours: dict, theirs: dict) -> str:
    keys = sorted(set(ours) | set(theirs))
    return "; ".join(
        f"{k}: {ours.get(k)!r} != {theirs.get(k)!r}" for k in keys if ours.get(k) != theirs.get(k)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", action="store_true", help="use the county already there")
    parser.add_argument("--members", type=int, default=MEMBERS, help="active members to fill")
    parser.add_argument("--employers", type=int, default=EMPLOYERS, help="employers to fill")
    args = parser.parse_args()
    members = fill(args.reuse, args.members, args.employers)
    town = Organisation.objects.filter(kind=OrgKind.TOWN_FEDERATION).order_by("path").first()
    print(f"{connection.vendor}, {members:,} members (all statuses); town: {town.name}")
    print(f"{'scope':10} {'compute() ms':>13} {'SQL ms':>8} {'ratio':>6}  same numbers")
    for label, org in (("county", None), ("town", town)):
        ours, figures, sql, expected = timed_pair(
            uncached(lambda org=org: compute(org=org)), lambda org=org: hand_written(org)
        )
        same = "yes" if figures == expected else f"NO: {differences(figures, expected)}"
        print(f"{label:10} {ours:13.1f} {sql:8.1f} {ours / sql:6.2f}  {same}")
        verdict = "met" if ours <= TARGET_MS and ours <= 2 * sql else "NOT met"
        print(f"{'':10} {len(figures)} figures; target ≤ {TARGET_MS} ms and ≤ 2 × SQL: {verdict}")
    print(f"{'dashboard page':40} {'cold ms':>8} {'warm ms':>8}")
    for username, url in (("admin", "/"), ("clerk", "/reports/dashboard/")):
        times = page_ms(username, url)
        if times is not None:
            print(f"as {username:6} {url:31} {times[0]:8.1f} {times[1]:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
