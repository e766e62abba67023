"""Background jobs without an extra server: a thread pool inside the web (or command) process.

`submit("dotted.path.fn", kind=..., owner=..., **params)` stores a Job row and runs
`fn(job, **params)` in a thread after the current transaction commits; the function reports
progress with `report(job, done, total, stage)` and returns a JSON-able result. With the setting
(or environment variable) GONGHUI_JOBS_EAGER=1 the job runs inline instead, which tests use.

A job lives in the memory of the process that queued it. When that process dies (a restart, a
recycled worker) its unfinished jobs are marked failed: when the pool starts in a new process and
whenever such a job is read (`check`), so nobody waits for a progress bar that will never move.
"""

import logging
import os
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from gonghui.core.models import Job, JobStatus
from gonghui.core.models.jobs import UNFINISHED

logger = logging.getLogger(__name__)

# A running job that has not reported for this long, in a process we cannot see, is dead.
STALE_AFTER = timedelta(minutes=30)
REPORT_EVERY = 0.5  # seconds between progress writes

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_executor_pid: int | None = None
_token = uuid.uuid4().hex[:12]
_token_pid = os.getpid()
_mine: set[int] = set()  # jobs queued or running in this process
_last_report: dict[int, float] = {}
_local = threading.local()  # per thread: the side connection for progress


def eager() -> bool:
    value = getattr(settings, "GONGHUI_JOBS_EAGER", None)
    if value is None:
        value = os.environ.get("GONGHUI_JOBS_EAGER", "")
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def worker_id() -> str:
    """This process: host, pid and a token, since a restarted process may get the same pid."""
    global _token, _token_pid
    if os.getpid() != _token_pid:  # forked after import (e.g. a pre-loading web server)
        _token, _token_pid = uuid.uuid4().hex[:12], os.getpid()
        _mine.clear()
    return f"{socket.gethostname()}:{os.getpid()}:{_token}"


class JobError(Exception):
    """A failure the job's owner can act on: its message is shown to them as it is. Any other
    exception is logged and shown as a generic failure."""


def create(task: str, *, kind: str, owner=None, org_path: str = "", parent=None, **params) -> Job:
    """A queued job row, not yet started (for files that must be stored under its id first);
    params must be JSON-able: they are stored on the row and passed to the task."""
    return Job.objects.create(
        task=task,
        kind=kind,
        owner=owner if getattr(owner, "pk", None) else None,
        org_path=org_path,
        parent=parent,
        params=params,
        worker=worker_id(),
    )


def enqueue(job: Job) -> Job:
    if eager():
        run(job.pk)
        job.refresh_from_db()
        return job
    _mine.add(job.pk)
    # After commit: the thread must find the row, and nothing runs for a rolled-back request.
    transaction.on_commit(lambda: _pool().submit(_run_in_thread, job.pk))
    return job


def submit(task: str, **kwargs) -> Job:
    """Queue `task(job, **params)`: `create` and `enqueue` in one."""
    return enqueue(create(task, **kwargs))


def _pool() -> ThreadPoolExecutor:
    global _executor, _executor_pid
    with _lock:
        if _executor is None or _executor_pid != os.getpid():
            _executor = ThreadPoolExecutor(
                max_workers=getattr(settings, "GONGHUI_JOBS_WORKERS", 2),
                thread_name_prefix="gonghui-job",
            )
            _executor_pid = os.getpid()
            reap()
        return _executor


def _run_in_thread(pk: int) -> None:
    try:
        run(pk)
    finally:
        _mine.discard(pk)
        _last_report.pop(pk, None)
        _close_side_connection()
        connections.close_all()  # this thread's connections; the pool thread lives on


def run(pk: int) -> None:
    """Run one job now, in this thread; its outcome is recorded on the row, never raised."""
    job = Job.objects.get(pk=pk)
    now = timezone.now()
    Job.objects.filter(pk=pk).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, worker=worker_id()
    )
    job.status = JobStatus.RUNNING
    try:
        result = import_string(job.task)(job, **job.params)
    except JobError as exc:
        _finish(pk, JobStatus.FAILED, error=str(exc))
    except Exception:
        logger.exception("job %s (%s) failed", pk, job.task)
        _finish(pk, JobStatus.FAILED, error=_("任务执行出错，请稍后重试或联系管理员"))
    else:
        _finish(pk, JobStatus.DONE, result=result or {})


def _finish(pk: int, status: str, **fields) -> None:
    Job.objects.filter(pk=pk).update(status=status, finished_at=timezone.now(), **fields)


def report(job: Job, done: int, total: int | None = None, stage: str | None = None) -> None:
    """Progress, written at most every REPORT_EVERY seconds unless the stage changes."""
    changed_stage = stage is not None and stage != job.stage
    job.done = done
    if total is not None:
        job.total = total
    if stage is not None:
        job.stage = stage
    last = _last_report.get(job.pk, 0.0)
    if not changed_stage and time.monotonic() - last < REPORT_EVERY and done != job.total:
        return
    _last_report[job.pk] = time.monotonic()
    fields = {
        "done": job.done,
        "total": job.total,
        "stage": job.stage,
        "heartbeat_at": timezone.now(),
    }
    if connection.in_atomic_block and connection.vendor == "postgresql" and not eager():
        _report_aside(job.pk, fields)
    else:
        Job.objects.filter(pk=job.pk).update(**fields)


def _report_aside(pk: int, fields: dict) -> None:
    """Inside a transaction (an import writing) the update would show only at commit: write it
    through a second connection of this thread, in autocommit."""
    side = getattr(_local, "side", None)
    if side is None:
        side = _local.side = connections.create_connection(DEFAULT_DB_ALIAS)
    columns = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in fields)
    with side.cursor() as cursor:
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(Job._meta.db_table)} SET {columns} WHERE id = %s",
            [*fields.values(), pk],
        )


def _close_side_connection() -> None:
    side = getattr(_local, "side", None)
    if side is not None:
        side.close()
        _local.side = None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def is_orphaned(job: Job) -> bool:
    """Whether an unfinished job's process is gone (or has not been heard of for too long)."""
    if job.status not in UNFINISHED:
        return False
    host, _, rest = job.worker.partition(":")
    pid_text, _, token = rest.partition(":")
    beat = job.heartbeat_at or job.created_at
    stale = beat is not None and timezone.now() - beat > STALE_AFTER
    if host != socket.gethostname() or not pid_text.isdigit():
        return stale
    pid = int(pid_text)
    if pid == os.getpid():
        # This very process: alive if it is ours and still tracked (eager jobs never are).
        return token != _token or (job.pk not in _mine and not eager())
    return not _pid_alive(pid) or stale


def _fail_orphan(job: Job) -> None:
    message = _("处理该任务的进程已退出，任务未完成，请重新提交")
    updated = Job.objects.filter(pk=job.pk, status__in=UNFINISHED, worker=job.worker).update(
        status=JobStatus.FAILED, error=message, finished_at=timezone.now()
    )
    if updated:
        job.status, job.error = JobStatus.FAILED, message


def check(job: Job) -> Job:
    """Read-side guard: an orphaned job is marked failed before anyone is shown it."""
    if is_orphaned(job):
        _fail_orphan(job)
    return job


def reap() -> int:
    """Mark every orphaned job failed (at pool start-up in a new process)."""
    count = 0
    for job in Job.objects.unfinished().exclude(worker=worker_id()):
        if is_orphaned(job):
            _fail_orphan(job)
            count += 1
    return count
