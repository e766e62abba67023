"""Periodic work on a schedule: each module registers what must run every so often (the risk
escalation, the yearly-review due list, the purge of stored import files) from its
AppConfig.ready, and core never imports it.

A periodic run is an ordinary job (gonghui.core.jobs, kind "periodic"), so it runs in whichever
worker the settings choose and its outcome is a Job row like any other. What is due is decided
from those rows: a name is due when its last run was queued at least its interval ago and none
is unfinished, so a scheduler that was down catches up with one run, not a backlog, and two
schedulers at once queue a job twice at worst (every periodic job is idempotent).

Who queues what is due: `gonghui run_periodic` (from cron, or `--loop` under systemd), or the
web process's embedded worker (GONGHUI_PERIODIC_EMBEDDED, on by default where it runs).
Intervals can be changed by settings.GONGHUI_PERIODIC_MINUTES ({"risk": 30, …})."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from gonghui.core import jobs
from gonghui.core.models import Job

logger = logging.getLogger(__name__)

KIND = "periodic"
TASK = "gonghui.core.periodic.run_periodic_job"


@dataclass(frozen=True)
class Periodic:
    name: str
    fn: Callable[[], dict]  # does the work, returns a JSON-able summary
    minutes: int
    label: str

    @property
    def interval(self) -> datetime.timedelta:
        minutes = getattr(settings, "GONGHUI_PERIODIC_MINUTES", {}).get(self.name, self.minutes)
        return datetime.timedelta(minutes=int(minutes))


REGISTRY: dict[str, Periodic] = {}


def register(name: str, fn: Callable[[], dict], *, minutes: int, label: str) -> None:
    REGISTRY[name] = Periodic(name=name, fn=fn, minutes=minutes, label=label)


def last_run(name: str) -> Job | None:
    return Job.objects.filter(kind=KIND, params__name=name).order_by("-created_at", "-pk").first()


def due(now: datetime.datetime | None = None) -> list[Periodic]:
    now = now or timezone.now()
    found = []
    for item in REGISTRY.values():
        last = last_run(item.name)
        if last is None:
            found.append(item)
        elif not last.finished:
            jobs.check(last)  # its worker may have died: queued again, or failed
        elif last.created_at <= now - item.interval:
            found.append(item)
    return found


def enqueue_due(now: datetime.datetime | None = None) -> list[Job]:
    return [enqueue(item.name) for item in due(now)]


def enqueue(name: str) -> Job:
    item = REGISTRY[name]
    return jobs.submit(TASK, kind=KIND, name=item.name)


def run_periodic_job(job: Job, *, name: str) -> dict:
    item = REGISTRY.get(name)
    if item is None:
        raise jobs.JobError(f"unknown periodic job {name}")
    jobs.report(job, 0, 1, str(item.label))
    result = item.fn() or {}
    jobs.report(job, 1, 1)
    return result


# ---------------------------------------------------------------------------------------------
# Core's own: jobs whose worker died, and the task framework's finished rows.
# ---------------------------------------------------------------------------------------------

TASK_ROWS_KEPT = datetime.timedelta(days=7)


def recover_jobs() -> dict:
    """Orphaned jobs queued again (or failed); the database backend's finished task rows older
    than a week deleted (the Job rows keep what the pages show)."""
    recovered = jobs.reap()
    pruned = 0
    from django_tasks import task_backends

    if jobs._in_database(task_backends["default"]):
        from django_tasks_db.models import DBTaskResult

        limit = timezone.now() - TASK_ROWS_KEPT
        pruned, _ = DBTaskResult.objects.finished().filter(finished_at__lt=limit).delete()
    return {"recovered": recovered, "task_rows_pruned": pruned}


register("jobs", recover_jobs, minutes=10, label="后台任务巡检")
