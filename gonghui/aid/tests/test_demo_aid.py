"""`gonghui demo` fills the aid module through its services: every stage of the work is there."""

import io

import pytest
from django.core.management import call_command

from gonghui.aid.choices import AidStatus, BatchStatus
from gonghui.aid.models import AidApplication, HardshipFile, PaymentBatch
from gonghui.reports.figures import compute

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("seed", [1, 7])
def test_demo_has_aid_at_every_stage_and_resets(seed):
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=seed, stdout=out)
    assert "帮扶服务" in out.getvalue()
    statuses = set(AidApplication.objects.values_list("status", flat=True))
    assert {AidStatus.AWAITING_UNION, AidStatus.REVIEWING, AidStatus.APPROVED} <= statuses
    assert PaymentBatch.objects.filter(status=BatchStatus.SETTLED).exists()
    assert HardshipFile.objects.on_file().exists()
    values = compute()
    assert values["aid_paid"] > 0 and values["care_visits"] > 0
    assert values["insured_members"] > 0 and values["fee_refunds"] >= 0
    call_command("demo", members=600, employers=60, seed=seed, reset=True, stdout=io.StringIO())
    assert AidApplication.objects.exists()
