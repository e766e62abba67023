"""An import started on the web finishes in a separate worker process (`gonghui db_worker`, the
README's command) on PostgreSQL: the upload is queued while no worker runs (the web server may
restart meanwhile: nothing is lost), a worker started afterwards checks it, the confirmation
is queued and written by the same worker, and the Job rows the pages read show it all."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from gonghui.core.models import Job, JobStatus
from gonghui.registry.models import Member
from gonghui.registry.tests.sheets import MEMBER_HEADERS, ids

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def worker_env(private_root, data_dir) -> dict:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
    url += f"{db['PORT'] or 5432}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGHUI_")}
    env.update(
        DJANGO_SETTINGS_MODULE="gonghui.settings",
        DATABASE_URL=url,
        DEBUG="0",
        SECRET_KEY=settings.SECRET_KEY,
        GONGHUI_PII_KEYS=",".join(settings.PII_KEYS),
        GONGHUI_PII_HASH_KEY=settings.PII_HASH_KEY,
        GONGHUI_PRIVATE_ROOT=str(private_root),
        GONGHUI_DATA_DIR=str(data_dir),
        GONGHUI_TASKS_BACKEND="database",
    )
    return env


def wait_for(job: Job, seconds: float = 90) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} still {job.status} after {seconds} s")


def test_an_import_runs_in_a_db_worker_process(client, bob, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker process test runs on PostgreSQL only (SKIP LOCKED claims; the SQLite "
            "test database lives in this process's memory, out of a subprocess's reach)"
        )
    settings.GONGHUI_JOBS_EAGER = False
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"
    numbers = ids(5, seed=21)
    lines = [",".join(MEMBER_HEADERS)] + [
        f"工人{i},{n},,甲机械厂工会,,标准,否,2022-01-01" for i, n in enumerate(numbers)
    ]
    upload = SimpleUploadedFile("会员.csv", ("\n".join(lines) + "\n").encode())
    client.force_login(bob)
    client.post(reverse("imports:members"), {"file": upload})
    check = Job.objects.get(owner=bob)
    assert check.status == JobStatus.QUEUED and check.task_id  # waits: no worker yet

    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gonghui.manage", "db_worker", "--no-reload",
         "--no-startup-delay", "--interval", "0.2", "--queue-name", "*"],
        env=worker_env(tmp_path / "private", tmp_path / "data"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        check = wait_for(check)
        assert check.status == JobStatus.DONE, check.error
        assert check.result["ok"] and check.result["created"] == 5
        host, pid, _token = check.worker.split(":")
        assert int(pid) == worker.pid  # run by the worker process, not by this one
        page = client.get(reverse("imports:detail", args=[check.pk])).content.decode()
        assert "校验通过" in page

        client.post(reverse("imports:confirm", args=[check.pk]))
        write = wait_for(check.followups.get())
        assert write.status == JobStatus.DONE, write.error
        assert Member.objects.filter(name__startswith="工人").count() == 5
        assert write.attempts == 1 and write.done == write.total
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    assert b"Traceback" not in output, output.decode(errors="replace")
