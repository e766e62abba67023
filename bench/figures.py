"""Figures at scale: times `compute()` for the county and for one town, beside one hand-written
SQL statement computing the same numbers, in the same run, and the dashboard page.

Fills the configured database first with a generated county of a million members (in bulk, by
the demo generator, not through the import), unless `--reuse` names a database that already
holds one. Target on PostgreSQL: the county's full set of figures within 300 ms and within twice
the hand-written SQL. Prints; asserts nothing.

    gonghui migrate                    # the figures' covering index is a migration
    export DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench
    python bench/figures.py            # fills the (empty) database, then times
    python bench/figures.py --reuse    # a database already holding a million members
"""

import argparse
import datetime
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import resolve  # noqa: E402
from django.utils import timezone  # noqa: E402

from gonghui.core.models import Organisation, OrgKind, User  # noqa: E402
from gonghui.registry import demo  # noqa: E402
from gonghui.registry.models import Member  # noqa: E402
from gonghui.reports.figures import compute  # noqa: E402

MEMBERS = 1_000_000
EMPLOYERS = 5000
SEED = 2026
REPEAT = 7
TARGET_MS = 300

# The figures of DESIGN.md in one statement, written by hand, as one would without the ORM:
# employers and organisations read once, members once for the counts and once for those
# employed by unionized employers. {employers}, {members} and {orgs} are the scope conditions
# (empty for the whole database).
HAND_WRITTEN = """
WITH e AS (
    SELECT e.id, e.headcount, COALESCE(u.status = 'active', FALSE) AS covered
    FROM registry_employer e
    JOIN core_organisation t ON t.id = e.territory_id
    LEFT JOIN core_organisation u ON u.id = e.union_id
    WHERE e.operating_status = 'operating' {employers}
), m AS (
    SELECT COUNT(*) AS members,
           COUNT(*) FILTER (WHERE m.joined_on BETWEEN %(first)s AND %(last)s) AS members_new,
           COUNT(*) FILTER (WHERE m.employment_form <> 'standard') AS members_new_form,
           COUNT(*) FILTER (WHERE m.is_migrant_worker) AS members_migrant
    FROM registry_member m {members}
    WHERE m.status = 'active'
), w AS (
    SELECT COUNT(*) AS employed FROM registry_member m
    WHERE m.status = 'active' AND m.employer_id IN (SELECT id FROM e WHERE covered)
), f AS (
    SELECT COUNT(*) FILTER (WHERE m.source = 'online') AS joined_online,
           COUNT(*) FILTER (WHERE m.source = 'transfer') AS transfers_in,
           COUNT(*) FILTER (WHERE m.source = 'transfer' AND m.status = 'active') AS active_in
    FROM registry_member m {members}
    WHERE m.source IN ('online', 'transfer') AND m.joined_on BETWEEN %(first)s AND %(last)s
), x AS (
    SELECT COUNT(*) AS transfers_out FROM registry_member m {members}
    WHERE m.status = 'transferred_out' AND m.left_on BETWEEN %(first)s AND %(last)s
), a AS (
    SELECT COUNT(*) AS pending, COUNT(*) FILTER (WHERE a.submitted_on < %(overdue)s) AS overdue
    FROM registry_application a {applications} WHERE a.status = 'pending'
), o AS (
    SELECT {kinds}, COUNT(*) FILTER (WHERE term_ends_on < %(today)s) AS overdue
    FROM core_organisation o WHERE status = 'active' {orgs}
)
SELECT (SELECT COUNT(*) FROM e),
       (SELECT COUNT(*) FROM e WHERE covered),
       (SELECT COUNT(*) FROM e WHERE headcount >= 25),
       (SELECT COUNT(*) FROM e WHERE covered AND headcount >= 25),
       (SELECT COALESCE(SUM(headcount), 0) FROM e WHERE covered),
       m.members, m.members_new, m.members_new_form, m.members_migrant,
       (SELECT employed FROM w),
       f.joined_online, f.transfers_in, f.active_in, x.transfers_out, a.pending, a.overdue,
       o.*
FROM m, o, f, x, a
"""
KIND_COUNT = "COUNT(*) FILTER (WHERE kind = '{0}') AS \"{0}\""  # "group" is a keyword
SCOPED = {
    "employers": "AND (t.path LIKE %(prefix)s OR u.path LIKE %(prefix)s)",
    "members": "JOIN core_organisation mu ON mu.id = m.union_id AND mu.path LIKE %(prefix)s",
    "orgs": "AND o.path LIKE %(prefix)s",
    "applications": "JOIN core_organisation au ON au.id = a.union_id AND au.path LIKE %(prefix)s",
}


def hand_written(org: Organisation | None) -> dict:
    today = timezone.localdate()
    kinds = ", ".join(KIND_COUNT.format(kind) for kind in OrgKind.values)
    scoped = SCOPED if org else dict.fromkeys(SCOPED, "")
    sql = HAND_WRITTEN.format(kinds=kinds, **scoped)
    params = {
        "first": datetime.date(today.year, 1, 1),
        "last": datetime.date(today.year, 12, 31),
        "today": today,
        "overdue": today - datetime.timedelta(15),
        "prefix": f"{org.path}%" if org else None,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    (employers, unionized, large, large_unionized, headcount) = row[:5]
    members, new, new_form, migrant, employed = row[5:10]
    online, transfers_in, active_in, transfers_out, pending, late = row[10:16]
    *kind_counts, overdue = row[16:]
    by_kind = dict(zip(OrgKind.values, kind_counts, strict=True))
    return {
        "employers": employers,
        "employers_unionized": unionized,
        "founding_rate": share(unionized, employers),
        "founding_rate_25plus": share(large_unionized, large),
        "employees_unionized": headcount,
        "members": members,
        "members_new": new - active_in,
        "members_new_form": new_form,
        "members_migrant": migrant,
        "membership_rate": share(employed, headcount),
        "orgs_by_kind": by_kind,
        "unions_term_overdue": overdue or 0,
        "applications_pending": pending,
        "applications_overdue": late,
        "members_joined_online": online,
        "transfers_in": transfers_in,
        "transfers_out": transfers_out,
    }


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


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


def page_ms(username: str, path: str) -> float | None:
    """The dashboard view rendered for `username`, without the session middleware: a reused
    database gets no session rows."""
    user = User.objects.filter(username=username).first()
    if user is None:
        return None
    view = resolve(path).func

    def get():
        request = RequestFactory().get(path, HTTP_HOST="127.0.0.1")
        request.user = user
        response = view(request)
        assert response.status_code == 200, (path, response.status_code)

    return timed(get)[0]


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
            lambda org=org: compute(org=org), lambda org=org: hand_written(org)
        )
        same = "yes" if figures == expected else f"NO: {figures} != {expected}"
        print(f"{label:10} {ours:13.1f} {sql:8.1f} {ours / sql:6.2f}  {same}")
        if org is None:
            verdict = "met" if ours <= TARGET_MS and ours <= 2 * sql else "NOT met"
            print(f"{'':10} target ≤ {TARGET_MS} ms and ≤ 2 × SQL: {verdict}")
    for username, url in (("admin", "/"), ("clerk", "/reports/dashboard/")):
        ms = page_ms(username, url)
        if ms is not None:
            print(f"dashboard page as {username:6} {url:22} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
