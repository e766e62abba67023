"""Background jobs (gonghui.core.jobs) on the task framework: inline in tests, the database
queue otherwise (run by the embedded thread or `gonghui db_worker`); progress; the jobs of a dead
process are queued again, then failed; visibility."""

import os
import socket
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core import jobs
from gonghui.core.models import Job, JobStatus
from gonghui.core.roles import Role

HERE = "gonghui.registry.tests.test_jobs"


def add(job, *, a, b):
    jobs.report(job, 1, 2, "计算")
    return {"sum": a + b}


def refuse(job):
    raise jobs.JobError("文件已损坏")


def crash(job):
    raise RuntimeError("SELECT secret FROM somewhere")


@pytest.fixture
def eager(settings):
    settings.GONGHUI_JOBS_EAGER = True


@pytest.mark.django_db
def test_an_eager_job_runs_inline(eager, county, bob):
    job = jobs.submit(f"{HERE}.add", kind="test", owner=bob, a=2, b=3)
    assert job.status == JobStatus.DONE and job.result == {"sum": 5}
    assert job.stage == "计算" and job.total == 2
    assert job.started_at and job.finished_at and job.owner == bob


@pytest.mark.django_db
def test_failures_are_recorded_not_raised(eager):
    assert jobs.submit(f"{HERE}.refuse", kind="test").error == "文件已损坏"
    crashed = jobs.submit(f"{HERE}.crash", kind="test")
    assert crashed.status == JobStatus.FAILED
    assert "secret" not in crashed.error  # internals stay in the log


@pytest.mark.django_db
def test_a_queued_job_waits_in_the_database_queue_until_a_worker_runs_it(settings):
    from django_tasks_db.models import DBTaskResult

    from gonghui.core import tasks_embedded

    settings.GONGHUI_JOBS_EAGER = False
    job = jobs.submit(f"{HERE}.add", kind="test", a=40, b=2)
    task_row = DBTaskResult.objects.get(id=job.task_id)  # written with the job, same transaction
    assert task_row.status == "READY" and task_row.args_kwargs["args"] == [job.pk]
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and not jobs.is_orphaned(job)
    assert tasks_embedded.run_pending() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"sum": 42} and job.attempts == 1
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"
    assert jobs.check(job).status == JobStatus.DONE
    # Delivered again (a requeue racing a slow worker): it does not run twice.
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_the_embedded_thread_runs_a_job_after_commit(settings):
    from gonghui.core import tasks_embedded

    settings.GONGHUI_JOBS_EAGER = False
    settings.GONGHUI_TASKS_EMBEDDED_WORKER = True
    job = jobs.submit(f"{HERE}.add", kind="test", a=1, b=2)  # starts the thread
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.finished:
                break
            time.sleep(0.05)
    finally:
        tasks_embedded.stop()
    assert job.status == JobStatus.DONE and job.result == {"sum": 3}


@pytest.mark.django_db
def test_a_rolled_back_request_queues_nothing(settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.GONGHUI_JOBS_EAGER = False
    with pytest.raises(RuntimeError), transaction.atomic():
        jobs.submit(f"{HERE}.add", kind="test", a=1, b=1)
        raise RuntimeError
    assert not DBTaskResult.objects.exists() and not Job.objects.exists()


def orphan(worker: str, **fields) -> Job:
    return Job.objects.create(
        kind="test", task=f"{HERE}.add", status=JobStatus.RUNNING, worker=worker,
        params={"a": 1, "b": 1}, **fields,
    )  # fmt: skip


def dead_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


@pytest.mark.django_db
def test_jobs_of_a_dead_process_are_queued_again_then_failed(settings):
    settings.GONGHUI_JOBS_EAGER = False
    host = socket.gethostname()
    gone = orphan(f"{host}:{dead_pid()}:abc", attempts=1)
    restarted = orphan(f"{host}:{os.getpid()}:an-earlier-life", attempts=2)  # same pid, new life
    elsewhere_quiet = orphan("other-host:1:x", heartbeat_at=timezone.now() - timedelta(hours=2))
    elsewhere_busy = orphan("other-host:1:x", heartbeat_at=timezone.now())
    alive = orphan(f"{host}:{os.getppid()}:y", heartbeat_at=timezone.now())
    # Its worker died on the first attempt: queued again, with a new delivery.
    assert jobs.check(gone).status == JobStatus.QUEUED
    assert Job.objects.get(pk=gone.pk).task_id
    # Died on its last attempt: failed, with a reason.
    assert jobs.check(restarted).status == JobStatus.FAILED
    assert "进程已退出" in Job.objects.get(pk=restarted.pk).error
    assert jobs.reap() == 1  # elsewhere_quiet
    assert Job.objects.get(pk=elsewhere_quiet.pk).status == JobStatus.QUEUED
    assert Job.objects.get(pk=elsewhere_busy.pk).status == JobStatus.RUNNING
    assert Job.objects.get(pk=alive.pk).status == JobStatus.RUNNING
    # Waiting in the queue is not dying.
    waiting = Job.objects.create(
        kind="test", task=f"{HERE}.add", worker="other-host:1:x", task_id="t",
        params={"a": 1, "b": 1},
    )  # fmt: skip
    Job.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(hours=5))
    assert not jobs.is_orphaned(Job.objects.get(pk=waiting.pk))
    from gonghui.core import tasks_embedded

    tasks_embedded.run_pending()
    assert Job.objects.get(pk=gone.pk).status == JobStatus.DONE  # the requeued one ran


@pytest.mark.django_db
def test_progress_is_written_at_most_twice_a_second(eager):
    job = Job.objects.create(kind="test", task=f"{HERE}.add")
    jobs.report(job, 0, 1000, "校验")  # a new stage is always written
    jobs.report(job, 10)  # too soon: kept in memory
    assert Job.objects.get(pk=job.pk).done == 0
    jobs.report(job, 1000)  # the end is always written
    stored = Job.objects.get(pk=job.pk)
    assert (stored.done, stored.total, stored.stage, stored.percent) == (1000, 1000, "校验", 100)


@pytest.mark.django_db
def test_a_job_is_seen_by_its_owner_and_the_administrators_above(county, alice, bob, charlie):
    town_admin = make_user("townadmin", Role.ADMIN, county.town_a)
    other_admin = make_user("otheradmin", Role.ADMIN, county.town_b)
    job = Job.objects.create(kind="test", task="x", owner=bob, org_path=county.town_a.path)
    for user, sees in ((bob, True), (alice, True), (town_admin, True), (charlie, False),
                       (other_admin, False)):  # fmt: skip
        assert Job.objects.visible_to(user).filter(pk=job.pk).exists() is sees, user


@pytest.mark.django_db(transaction=True)
def test_progress_shows_while_an_import_holds_its_transaction(settings):
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("a second connection writes beside a transaction on PostgreSQL only")
    settings.GONGHUI_JOBS_EAGER = False
    job = Job.objects.create(kind="test", task=f"{HERE}.add")
    try:
        with transaction.atomic():
            jobs.report(job, 5, 10, "写入")
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    finally:
        jobs._close_side_connection()
    stored = Job.objects.get(pk=job.pk)
    assert (stored.done, stored.total, stored.stage) == (5, 10, "写入")
