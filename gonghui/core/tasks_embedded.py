"""The embedded worker: one thread in the web process that runs the database backend's queue,
so that `make demo` (and a one-machine install) needs no worker process and no Redis.

Why a thread over the database queue rather than the ImmediateBackend: an import of a county's
file takes a minute; inline it would hold the upload request (and its progress bar) that long,
and a restart in the middle would lose it. Here the request only writes the task row; the
thread claims it exactly as `gonghui db_worker` does (the same claim, the same `run_task`), so
the embedded thread, any number of web processes and any number of worker processes share one
queue, and a job queued before a restart runs after it. On SQLite the claim takes the
database's write lock for a moment (an exclusive transaction); the thread is woken when a job
is queued and otherwise looks every POLL seconds.

It starts with the web application (gonghui.wsgi, which runserver loads too) and again in any
process forked from it (on the first request), when the database backend is the default and
settings.GONGHUI_TASKS_EMBEDDED_WORKER is on. With GONGHUI_PERIODIC_EMBEDDED it also queues
the periodic work that is due (gonghui.core.periodic) once a minute."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import OperationalError, close_old_connections, connections

logger = logging.getLogger(__name__)

POLL = 5.0  # seconds between looks at the queue when nothing woke the thread
PERIODIC_EVERY = 60.0

_lock = threading.Lock()
_thread: threading.Thread | None = None
_pid: int | None = None
_wake = threading.Event()
_stop = threading.Event()


def enabled() -> bool:
    from django_tasks import task_backends

    from gonghui.core.jobs import _in_database

    return bool(getattr(settings, "GONGHUI_TASKS_EMBEDDED_WORKER", False)) and _in_database(
        task_backends["default"]
    )


def ensure_started() -> bool:
    """Start this process's worker thread unless it runs already; whether one runs."""
    global _thread, _pid
    if _thread is not None and _pid == os.getpid() and _thread.is_alive():
        return True
    if not enabled():
        return False
    with _lock:
        if _thread is None or _pid != os.getpid() or not _thread.is_alive():
            _pid = os.getpid()
            _stop.clear()
            _thread = threading.Thread(target=_loop, name="gonghui-tasks", daemon=True)
            _thread.start()
    return True


def wake() -> None:
    _wake.set()


def stop(timeout: float = 30) -> None:
    """End this process's worker thread after the job it runs (tests; a clean shutdown)."""
    global _thread
    thread = _thread
    _stop.set()
    _wake.set()
    if thread is not None and thread.is_alive():
        thread.join(timeout)
    _thread = None


def _worker():
    from django_tasks_db.management.commands.db_worker import Worker

    from gonghui.core.jobs import worker_id

    return Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=POLL,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"embedded:{worker_id()}"[:64],
    )


def run_one(worker=None) -> bool:
    """Claim and run one ready task of the default backend; whether there was one."""
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

    worker = worker or _worker()
    tasks = DBTaskResult.objects.ready().filter(backend_name=worker.backend_name)
    try:
        with exclusive_transaction(tasks.db):
            result = tasks.get_locked()
            if result is not None:
                result.claim(worker.worker_id)
    except OperationalError as exc:
        if is_locked_database_exception(exc):
            return False
        raise
    if result is None:
        return False
    worker.run_task(result)
    return True


def run_pending(limit: int = 1000) -> int:
    """Run whatever is queued now, in this thread (tests; `gonghui db_worker --batch` alike)."""
    worker = _worker()
    count = 0
    while count < limit and run_one(worker):
        count += 1
    return count


def _loop() -> None:
    from gonghui.core import jobs, periodic

    worker = _worker()
    next_periodic = 0.0
    try:
        jobs.reap()  # jobs a dead process left running: queued again
    except Exception:
        logger.exception("embedded worker: recovering orphaned jobs failed")
    while not _stop.is_set():
        ran = False
        try:
            close_old_connections()
            ran = run_one(worker)
            if getattr(settings, "GONGHUI_PERIODIC_EMBEDDED", False) and (
                time.monotonic() >= next_periodic
            ):
                next_periodic = time.monotonic() + PERIODIC_EVERY
                periodic.enqueue_due()
        except Exception:
            logger.exception("embedded worker: a round failed")
        finally:
            connections.close_all()  # this thread's own connections
        if not ran:
            _wake.wait(POLL)
            _wake.clear()
