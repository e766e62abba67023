"""Versions of derived data, bumped by every committed audited write, read by the caches built on
them (gonghui.reports.cache: the figures and the dashboard).

Why a number in the database: a cache entry is keyed by the version it was computed under, so a
bump makes every older entry unreachable at once, in every web process: each process reads the
version from the database (one primary-key read), so even a per-process local-memory cache never
serves a number computed before the last committed write. A shared cache (Redis, the database
cache) only adds hits across processes.

Why at commit: a bump inside the writing transaction would lock the version's row until that
transaction ends and so queue every concurrent writer behind it. Bumped at commit instead, a
request that read the old version and computed from the old rows stores its result under a
version nobody asks for any more. Until its own commit, the writing transaction itself reads
around the cache (`pending_write`), since the version it would read does not count its own rows.

Who calls `audited_write`: core.signals for each audit entry saved, and the audit entries'
bulk_create (imports, the risk round), which sends no signal.
"""

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from gonghui.core.models import DataVersion

FIGURES = "figures"
_PENDING = "_gonghui_pending_write"


def current(name: str = FIGURES) -> int:
    number = DataVersion.objects.filter(name=name).values_list("number", flat=True).first()
    return number or 0


def bump(name: str = FIGURES) -> None:
    if DataVersion.objects.filter(name=name).update(number=F("number") + 1):
        return
    try:
        with transaction.atomic():
            DataVersion.objects.create(name=name, number=1)
    except IntegrityError:  # created meanwhile by another process: bump theirs
        DataVersion.objects.filter(name=name).update(number=F("number") + 1)


def audited_write() -> None:
    """An audited write happened in the current transaction: bump the versions when it commits."""
    from gonghui.core import workbench

    # The workbench keeps its own version in the cache (see core.workbench): once now, for the
    # pages this request still renders, and once at commit, so that another request counting
    # in between (and seeing the old rows) is not kept for its TTL.
    workbench.invalidate()
    transaction.on_commit(workbench.invalidate)
    if connection.in_atomic_block:
        setattr(connection, _PENDING, True)
        transaction.on_commit(_committed)
    else:
        bump()


def _committed() -> None:
    setattr(connection, _PENDING, False)
    bump()


def pending_write() -> bool:
    """Whether this transaction has written audited data not yet committed (the caches are then
    read around: what they hold does not show the transaction's own rows)."""
    if not connection.in_atomic_block:
        # Any pending flag left by a rolled-back transaction is moot now.
        setattr(connection, _PENDING, False)
        return False
    return getattr(connection, _PENDING, False)
