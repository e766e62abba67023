"""Exports over settings.GONGHUI_EXPORT_JOB_ROWS rows run as a job: a progress page, the file for
its owner only, the owner's scope applied in the worker, revealing checked again there."""

import pytest
from django.urls import reverse

from gonghui.core import exports, private_files
from gonghui.core.models import AuditAction, AuditEntry, Job, JobStatus
from gonghui.registry.tests.sheets import MEMBER_HEADERS, read_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_jobs(settings):
    settings.GONGHUI_EXPORT_JOB_ROWS = 1  # the fixture county has two members
    settings.GONGHUI_JOBS_EAGER = True


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_long_export_becomes_a_job_with_its_file_for_the_owner(client, alice, county,
                                                                 small_jobs):  # fmt: skip
    client.force_login(alice)
    response = client.get(reverse("registry:member_list"), {"export": "xlsx"})
    job = Job.objects.get(kind=exports.KIND)
    assert response.status_code == 302 and response["Location"] == reverse(
        "exports:detail", args=[job.pk]
    )
    assert job.status == JobStatus.DONE and job.result["rows"] == 2
    page = client.get(reverse("exports:detail", args=[job.pk])).content.decode()
    assert "下载文件（2 行）" in page
    rows = read_xlsx(body(client.get(reverse("exports:file", args=[job.pk]))))
    assert rows[0] == MEMBER_HEADERS
    assert {r[0] for r in rows[1:]} == {"张甲明", "李乙华"}
    assert all("*" in r[1] for r in rows[1:])  # masked unless revealed
    # The file at rest is encrypted: no clear name in the private storage.
    raw = private_files.private_storage.open(exports.file_name(job), "rb").read()
    assert "张甲明".encode() not in raw and b"PK" not in raw[:4]


def test_the_worker_applies_the_owners_scope_and_filters(client, bob, county, small_jobs,
                                                         settings):  # fmt: skip
    settings.GONGHUI_EXPORT_JOB_ROWS = 0
    client.force_login(bob)  # town A's clerk: member_a only
    client.get(reverse("registry:member_list"), {"export": "csv", "q": "张"})
    job = Job.objects.get(kind=exports.KIND)
    text = body(client.get(reverse("exports:file", args=[job.pk]))).decode("utf-8-sig")
    assert "张甲明" in text and "李乙华" not in text
    assert "张" not in job.params["query"]  # the filters are stored encrypted


def test_another_town_gets_404_and_an_administrator_above_downloads(
    client, alice, bob, charlie, county, small_jobs, settings
):
    settings.GONGHUI_EXPORT_JOB_ROWS = 0
    client.force_login(bob)
    client.get(reverse("registry:member_list"), {"export": "xlsx"})
    job = Job.objects.get(kind=exports.KIND)
    client.force_login(charlie)
    for name in ("exports:detail", "exports:progress", "exports:file"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    client.force_login(alice)
    page = client.get(reverse("exports:detail", args=[job.pk])).content.decode()
    assert "下载文件（1 行）" in page
    assert client.get(reverse("exports:file", args=[job.pk])).status_code == 200


def test_a_revealing_export_job_is_audited_and_writes_clear_numbers(client, alice, county,
                                                                    small_jobs):  # fmt: skip
    client.force_login(alice)
    client.get(reverse("registry:member_list"), {"export": "xlsx", "reveal": "1"})
    job = Job.objects.get(kind=exports.KIND)
    assert AuditEntry.objects.filter(action=AuditAction.REVEAL).count() == 1
    rows = read_xlsx(body(client.get(reverse("exports:file", args=[job.pk]))))
    assert {r[1] for r in rows[1:]} == {county.member_a.id_number, county.member_b.id_number}


def test_a_short_export_still_downloads_at_once(client, alice, county, settings):
    client.force_login(alice)
    response = client.get(reverse("registry:member_list"), {"export": "csv"})
    assert response.status_code == 200 and not Job.objects.filter(kind=exports.KIND).exists()


def test_progress_page_while_queued(client, alice, county, settings):
    settings.GONGHUI_EXPORT_JOB_ROWS = 1
    settings.GONGHUI_JOBS_EAGER = False
    client.force_login(alice)
    client.get(reverse("registry:member_list"), {"export": "xlsx"})
    job = Job.objects.get(kind=exports.KIND)
    assert job.status == JobStatus.QUEUED
    fragment = client.get(reverse("exports:progress", args=[job.pk])).content.decode()
    assert "正在后台生成" in fragment and "hx-get" in fragment
    assert client.get(reverse("exports:file", args=[job.pk])).status_code == 404


def test_purge_removes_old_export_files(client, alice, county, small_jobs):
    import datetime

    client.force_login(alice)
    client.get(reverse("registry:member_list"), {"export": "xlsx"})
    job = Job.objects.get(kind=exports.KIND)
    assert exports.purge(datetime.timedelta(hours=1)) == {"removed": 0}
    assert exports.purge(datetime.timedelta(seconds=-1))["removed"] >= 1
    assert not private_files.exists(exports.file_name(job))
