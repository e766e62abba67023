"""Background jobs on Django's task framework (the django-tasks backport; Django 6's django.tasks).

`submit("dotted.path.fn", kind=..., owner=..., **params)` stores a Job row and hands its id to the
one framework task `run_job`, which runs `fn(job, **params)` in whichever worker the settings
choose (settings.TASKS, GONGHUI_TASKS_BACKEND): the database backend's `gonghui db_worker`
processes, RQ workers, the web process's own worker thread (gonghui.core.tasks_embedded) or
inline. The function reports progress with `report(job, done, total, stage)` and returns a
JSON-able result; the Job row holds progress, result and failure, so the pages never ask the
engine. With the setting (or environment variable) GONGHUI_JOBS_EAGER=1 a job runs inline
through the framework's ImmediateBackend, which tests use.

Delivery. On the database backend the task row is written in the same transaction as the Job
row: a job is queued exactly when its request commits, and stays queued across any restart
until a worker claims it (SKIP LOCKED on PostgreSQL). Other engines get it after commit.

Every job must be safe to run again (imports write in one transaction and change nothing the
second time; purges and escalations are idempotent): a job whose worker died (a restart, a
killed process) is queued once more, and failed only after GONGHUI_JOBS_MAX_ATTEMPTS starts.
A dead worker is spotted when a worker starts (`reap`), by the schedule, and whenever such a
job is read (`check`), so nobody waits for a progress bar that will never move.
"""

import logging
import os
import socket
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import F as models_F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task, task_backends

from gonghui.core.models import Job, JobStatus
from gonghui.core.models.jobs import UNFINISHED

logger = logging.getLogger(__name__)

# A running job that has not reported for this long, in a process we cannot see, is dead.
STALE_AFTER = timedelta(minutes=30)
REPORT_EVERY = 0.5  # seconds between progress writes

_token = uuid.uuid4().hex[:12]
_token_pid = os.getpid()
_mine: set[int] = set()  # jobs running in this process
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


def max_attempts() -> int:
    return max(1, int(getattr(settings, "GONGHUI_JOBS_MAX_ATTEMPTS", 2)))


@task()
def run_job(job_id: int) -> None:
    """The one framework task: every job is delivered as its Job row's id."""
    try:
        run(job_id)
    finally:
        _close_side_connection()


def _in_database(backend) -> bool:
    """Whether the backend keeps its queue in our database (its rows share our transaction)."""
    from django_tasks_db import DatabaseBackend

    return isinstance(backend, DatabaseBackend)


def enqueue(job: Job) -> Job:
    if eager():
        Job.objects.filter(pk=job.pk).update(task_id="inline")
        run_job.using(backend="immediate").enqueue(job.pk)
        job.refresh_from_db()
        return job
    backend = run_job.get_backend()
    if _in_database(backend):
        # In this transaction: queued when it commits, never if it rolls back, and never lost
        # between the two.
        _delivered(job, run_job.enqueue(job.pk))
        transaction.on_commit(_wake_embedded)
    else:
        # Redis (or inline) is outside the transaction: hand the job over once the row is there.
        transaction.on_commit(lambda: _delivered(job, run_job.enqueue(job.pk)))
    _wake_embedded(start=True)
    return job


def _delivered(job: Job, result) -> None:
    job.task_id = str(result.id)[:64]
    Job.objects.filter(pk=job.pk).update(task_id=job.task_id)


def _wake_embedded(start: bool = False) -> None:
    from gonghui.core import tasks_embedded

    if start:
        tasks_embedded.ensure_started()
    else:
        tasks_embedded.wake()


def submit(task: str, **kwargs) -> Job:
    """Queue `task(job, **params)`: `create` and `enqueue` in one."""
    return enqueue(create(task, **kwargs))


def run(pk: int) -> None:
    """Run one job now, in this thread; its outcome is recorded on the row, never raised.

    The claim is a conditional update: a job delivered twice (a requeue racing a slow worker)
    runs once, and a finished one never again."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        worker=worker_id(),
        attempts=models_F("attempts") + 1,
    )
    if not claimed:
        logger.info("job %s is not queued any more: not run again", pk)
        return
    job = Job.objects.get(pk=pk)
    _mine.add(pk)
    try:
        result = import_string(job.task)(job, **job.params)
    except JobError as exc:
        _finish(pk, JobStatus.FAILED, error=str(exc))
    except Exception:
        logger.exception("job %s (%s) failed", pk, job.task)
        _finish(pk, JobStatus.FAILED, error=_("任务执行出错，请稍后重试或联系管理员"))
    else:
        _finish(pk, JobStatus.DONE, result=result or {})
    finally:
        _mine.discard(pk)
        _last_report.pop(pk, None)


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
    """Whether an unfinished job will never finish by itself: it runs in a process that is gone
    (or has not been heard of for too long), or it never reached the queue."""
    if job.status not in UNFINISHED:
        return False
    beat = job.heartbeat_at or job.created_at
    stale = beat is not None and timezone.now() - beat > STALE_AFTER
    if job.status == JobStatus.QUEUED:
        # Waiting in the queue is not dying: only a row that was never handed over (its
        # process died between commit and hand-over to an outside engine) is lost.
        return not job.task_id and stale
    host, _, rest = job.worker.partition(":")
    pid_text, _, token = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return stale
    pid = int(pid_text)
    if pid == os.getpid():
        # This very process: alive if it is ours and still running it.
        return token != _token or job.pk not in _mine
    return not _pid_alive(pid) or stale


def _recover(job: Job) -> None:
    """Queue an orphaned job once more, or fail it when it has had its attempts."""
    if job.attempts < max_attempts():
        updated = Job.objects.filter(
            pk=job.pk, status__in=UNFINISHED, worker=job.worker, task_id=job.task_id
        ).update(status=JobStatus.QUEUED, worker=worker_id(), heartbeat_at=timezone.now())
        if updated:
            _forget_delivery(job.task_id)
            job.status = JobStatus.QUEUED
            logger.warning("job %s lost its worker: queued again", job.pk)
            enqueue(job)
        return
    message = _("处理该任务的进程已退出，任务未完成，请重新提交")
    updated = Job.objects.filter(pk=job.pk, status__in=UNFINISHED, worker=job.worker).update(
        status=JobStatus.FAILED, error=message, finished_at=timezone.now()
    )
    if updated:
        _forget_delivery(job.task_id)
        job.status, job.error = JobStatus.FAILED, message


def _forget_delivery(task_id: str) -> None:
    """The database backend's row of a delivery whose worker died stays "running": close it."""
    if not task_id or not _in_database(task_backends["default"]):
        return
    from django_tasks_db.models import DBTaskResult

    try:
        DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
            status="FAILED", finished_at=timezone.now()
        )
    except Exception:  # not a UUID (an inline or other engine's id)
        logger.debug("no database task row %s", task_id)


def check(job: Job) -> Job:
    """Read-side guard: an orphaned job is queued again (or failed) before anyone is shown it."""
    if is_orphaned(job):
        _recover(job)
    return job


def reap() -> int:
    """Recover every orphaned job (when a worker starts, and on the schedule)."""
    count = 0
    for job in Job.objects.unfinished():
        if is_orphaned(job):
            _recover(job)
            count += 1
    return count
