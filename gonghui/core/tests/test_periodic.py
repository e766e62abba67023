"""Periodic work (gonghui.core.periodic): registered by the modules, queued as jobs when due,
run by whichever worker; `gonghui run_periodic` for cron and systemd."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from gonghui.core import periodic, tasks_embedded
from gonghui.core.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def test_every_module_registers_its_periodic_work():
    assert {"risk", "hardship_review", "import_files", "jobs"} <= set(periodic.REGISTRY)


def test_run_periodic_queues_what_is_due_once(settings):
    settings.GONGHUI_JOBS_EAGER = False
    out = io.StringIO()
    call_command("run_periodic", stdout=out)
    queued = Job.objects.filter(kind=periodic.KIND)
    assert {j.params["name"] for j in queued} >= {"risk", "import_files"}
    assert all(j.status == JobStatus.QUEUED and j.owner is None for j in queued)
    assert "queued risk" in out.getvalue()
    # Queued, not yet run: nothing is due twice.
    call_command("run_periodic", stdout=io.StringIO())
    assert Job.objects.filter(kind=periodic.KIND).count() == queued.count()
    # A worker runs them; the risk round reports what it did.
    tasks_embedded.run_pending()
    risk = periodic.last_run("risk")
    assert risk.status == JobStatus.DONE and risk.result == {"opened": 0, "escalated": 0}
    review = periodic.last_run("hardship_review")
    assert review.result == {"late": 0, "due_within_30_days": 0, "unions_late": 0}


def test_intervals_come_from_settings(settings):
    settings.GONGHUI_JOBS_EAGER = True
    periodic.enqueue("risk")
    hour = timezone.now() + datetime.timedelta(minutes=61)
    assert "risk" in {p.name for p in periodic.due(hour)}
    settings.GONGHUI_PERIODIC_MINUTES = {"risk": 240}
    assert "risk" not in {p.name for p in periodic.due(hour)}


def test_run_periodic_lists_and_runs_one_now(settings):
    out = io.StringIO()
    call_command("run_periodic", "--run", "import_files", stdout=out)
    assert "import_files: {'removed': 0}" in out.getvalue()
    out = io.StringIO()
    call_command("run_periodic", "--list", stdout=out)
    assert "import_files" in out.getvalue() and "done" in out.getvalue()
