"""`gonghui demo` fills the workforce module through its services: a decided cycle (the roll of
past honourees), this year's cycle in progress, care, studios and an alliance."""

import io

import pytest
from django.core.management import call_command

from gonghui.reports.figures import compute
from gonghui.workforce.choices import CycleStatus
from gonghui.workforce.models import Alliance, HonourCycle, Honouree, Studio

pytestmark = pytest.mark.django_db


def test_demo_has_a_roll_and_a_cycle_in_progress():
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=3, stdout=out)
    assert "产改" in out.getvalue()
    statuses = set(HonourCycle.objects.values_list("status", flat=True))
    assert {CycleStatus.DECIDED, CycleStatus.OPEN} <= statuses
    assert Honouree.objects.count() >= 10
    assert Studio.objects.exists() and Alliance.objects.exists()
    values = compute()
    assert values["honourees"] >= 10 and values["studios"] >= 1
    call_command("demo", members=600, employers=60, seed=3, reset=True, stdout=io.StringIO())
    assert HonourCycle.objects.count() == 2
