"""Import files kept for the error workbook: encrypted at rest in the private storage, read back
only by the job and the scoped download, purged by the schedule after the retention (not at the
next upload)."""

import datetime
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.core import periodic, private_files
from gonghui.core.models import Job, JobStatus
from gonghui.registry.imports import tasks
from gonghui.registry.tests.sheets import MEMBER_HEADERS, ids, read_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_jobs(settings, tmp_path):
    settings.GONGHUI_JOBS_EAGER = True
    settings.DATA_DIR = tmp_path / "data"
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"


def csv_upload(numbers, *, bad_date=False):
    lines = [",".join(MEMBER_HEADERS)]
    for i, number in enumerate(numbers):
        joined = "2999-01-01" if bad_date and i == 0 else "2022-01-01"
        lines.append(f"会员{i},{number},13812345678,甲机械厂工会,,标准,否,{joined}")
    return SimpleUploadedFile("会员.csv", ("\n".join(lines) + "\n").encode())


def on_disk(settings, name: str) -> bytes:
    return (settings.GONGHUI_PRIVATE_ROOT / name).read_bytes()


def test_the_stored_upload_and_error_file_hold_no_clear_id_number(client, bob, settings):
    client.force_login(bob)
    numbers = ids(3, seed=11)
    client.post(reverse("imports:members"), {"file": csv_upload(numbers, bad_date=True)})
    job = Job.objects.get(owner=bob)
    assert job.status == JobStatus.DONE and job.result["error_count"] == 1
    stored = on_disk(settings, tasks.upload_name(job))
    errors = on_disk(settings, tasks.errors_name(job))
    for raw in (stored, errors):
        assert raw.startswith(private_files.MAGIC)
        for number in numbers:
            assert number.encode() not in raw and number[-4:].encode() not in raw[20:]
        assert b"13812345678" not in raw
    # The job read it back: the clear text exists only in memory and the owner's download.
    assert numbers[0].encode() in private_files.read(tasks.upload_name(job))
    response = client.get(reverse("imports:errors", args=[job.pk]))
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    workbook = read_xlsx(b"".join(response.streaming_content))
    assert workbook[1][1] == numbers[0]
    # A second upload purges nothing: files go by the schedule.
    client.post(reverse("imports:members"), {"file": csv_upload(ids(1, seed=12))})
    assert private_files.exists(tasks.upload_name(job))


def test_a_damaged_stored_file_fails_the_job_with_a_reason(client, bob, settings):
    client.force_login(bob)
    client.post(reverse("imports:members"), {"file": csv_upload(ids(1, seed=13))})
    job = Job.objects.get(owner=bob)
    path = settings.GONGHUI_PRIVATE_ROOT / tasks.upload_name(job)
    path.write_bytes(path.read_bytes()[:-1])
    client.post(reverse("imports:confirm", args=[job.pk]))
    write = job.followups.get()
    assert write.status == JobStatus.FAILED and "无法读取" in write.error


def test_purge_removes_files_older_than_the_retention_and_keeps_newer(settings):
    settings.GONGHUI_IMPORT_FILE_RETENTION_HOURS = 72
    old = private_files.store_bytes("imports/1.csv", b"old")
    recent = private_files.store_bytes("imports/2-errors.xlsx", b"recent")
    elsewhere = private_files.store_bytes("documents/3", b"not an import")
    four_days_ago = time.time() - 4 * 24 * 3600
    for name in (old, elsewhere):
        os.utime(settings.GONGHUI_PRIVATE_ROOT / name, (four_days_ago, four_days_ago))
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(settings.GONGHUI_PRIVATE_ROOT / recent, (two_days_ago, two_days_ago))
    legacy = settings.DATA_DIR / "imports"
    legacy.mkdir(parents=True)
    (legacy / "9.xlsx").write_bytes(b"clear, from an older version")
    assert tasks.purge() == {"removed": 2}
    assert not private_files.exists(old) and private_files.exists(recent)
    assert private_files.exists(elsewhere)  # other folders are not the import purge's
    assert not (legacy / "9.xlsx").exists()
    assert private_files.read(recent) == b"recent"


def test_the_purge_runs_on_the_schedule(settings):
    settings.GONGHUI_IMPORT_FILE_RETENTION_HOURS = 1
    name = private_files.store_bytes("imports/5.csv", b"x")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(settings.GONGHUI_PRIVATE_ROOT / name, (two_hours_ago, two_hours_ago))
    queued = {job.params["name"]: job for job in periodic.enqueue_due()}
    assert {"import_files", "risk", "hardship_review", "jobs"} <= set(queued)
    assert queued["import_files"].status == JobStatus.DONE
    assert queued["import_files"].result == {"removed": 1}
    assert not private_files.exists(name)
    # Not due again until its interval has passed.
    assert "import_files" not in {p.name for p in periodic.due()}
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=61)
    assert "import_files" in {p.name for p in periodic.due(later)}


def test_encryption_round_trips_across_chunks_and_key_rotation(settings):
    from cryptography.fernet import Fernet

    data = os.urandom(private_files.CHUNK * 2 + 5)
    sealed = private_files.encrypt_bytes(data)
    assert private_files.decrypt_bytes(sealed) == data
    assert private_files.decrypt_bytes(private_files.encrypt_bytes(b"")) == b""
    exact = os.urandom(private_files.CHUNK)
    assert private_files.decrypt_bytes(private_files.encrypt_bytes(exact)) == exact
    # A new key in front: old files still open; a file cut at a chunk boundary does not.
    settings.PII_KEYS = [Fernet.generate_key().decode(), *settings.PII_KEYS]
    assert private_files.decrypt_bytes(sealed) == data
    cut = sealed[: 19 + private_files.CHUNK + private_files.TAG]
    with pytest.raises(private_files.DecryptError):
        private_files.decrypt_bytes(cut)
    settings.PII_KEYS = settings.PII_KEYS[:1]
    with pytest.raises(private_files.DecryptError):
        private_files.decrypt_bytes(sealed)
