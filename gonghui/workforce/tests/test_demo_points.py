"""`gonghui demo` fills proposals and points through the services: each demo town's enterprise
union has rules, approved and waiting claims, proposals in every state, rewards and
redemptions; the clerks and the reviewer have something waiting."""

import io

import pytest
from django.core.management import call_command

from gonghui.core.models import User
from gonghui.core.workbench import items_for
from gonghui.reports.figures import compute
from gonghui.workforce.models import PointsClaim, PointsRule, Proposal, Redemption, Reward

pytestmark = pytest.mark.django_db


def test_demo_has_a_year_of_points_and_proposals():
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=3, stdout=out)
    assert "积分制" in out.getvalue()
    assert PointsRule.objects.exists() and Reward.objects.exists()
    assert PointsClaim.objects.filter(status="pending").exists()
    assert PointsClaim.objects.filter(status="approved").count() > 40
    assert set(Proposal.objects.values_list("status", flat=True)) >= {
        "received", "reviewing", "adopted", "implemented", "rejected"}  # fmt: skip
    assert Redemption.objects.filter(status="handed_out").exists()
    assert Redemption.objects.filter(status="pending").exists()
    for username in ("clerk", "clerk2", "reviewer"):
        waiting = {i.key for i in items_for(User.objects.get(username=username)).waiting}
        assert waiting & {"workforce.claims", "workforce.proposals_received",
                          "workforce.proposals_reviewing"}, username  # fmt: skip
    values = compute()
    assert values["proposals"] >= 6 and values["points_awarded"] > 0
    call_command("demo", members=600, employers=60, seed=3, reset=True, stdout=io.StringIO())
    assert PointsRule.objects.count() == len(set(PointsRule.objects.values_list("union", "name")))
