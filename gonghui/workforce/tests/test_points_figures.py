"""The figures of proposals and points, scoped by union; the workbench's items; the leaderboard
by month and year; the API's claim approval."""

import datetime

import pytest
from django.urls import reverse

from gonghui.core.workbench import items_for
from gonghui.reports.figures import compute
from gonghui.workforce.points import services
from gonghui.workforce.proposals import services as proposals
from gonghui.workforce.tests.points_helpers import make_reward, make_rule, photo

pytestmark = pytest.mark.django_db


def _year(county, bob):
    rule = make_rule(county, daily_cap=None, monthly_cap=None)
    today = datetime.date.today()
    for days in (0, 1, 40):
        claim = services.submit_claim(member=county.member_a, rule=rule, description="隐患",
                                      occurred_on=today - datetime.timedelta(days=days),
                                      uploads=[photo()])  # fmt: skip
        services.approve_claim(actor=bob, claim=claim)
    services.redeem(member=county.member_a, reward=make_reward(county, points=10))
    p = proposals.submit_proposal(member=county.member_a, category="idea", title="省电",
                                  problem="电耗高", idea="换节能灯")  # fmt: skip
    proposals.adopt(actor=bob, proposal=p)
    proposals.implement(actor=bob, proposal=p)
    proposals.verify_benefit(actor=bob, proposal=p, amount="3000.00", verified_by_name="李会计")
    proposals.submit_proposal(member=county.member_a, category="idea", title="改进",
                              problem="问题", idea="方案")  # fmt: skip


def test_figures_scoped(county, bob):
    _year(county, bob)
    year = datetime.date.today().year
    values = compute(org=county.town_a, date_from=datetime.date(year - 1, 1, 1),
                     date_to=datetime.date(year, 12, 31))  # fmt: skip
    assert values["proposals"] == 2 and values["proposals_adopted"] == 1
    assert values["proposals_implemented"] == 1 and str(values["proposal_benefit"]) == "3000.00"
    assert values["points_awarded"] == 30 and values["points_redeemed"] == 10
    town_b = compute(org=county.town_b, date_from=datetime.date(year - 1, 1, 1),
                     date_to=datetime.date(year, 12, 31))  # fmt: skip
    assert town_b["proposals"] == 0 and town_b["points_awarded"] == 0


def test_workbench_items(county, bob, charlie, erin):
    rule = make_rule(county)
    services.submit_claim(member=county.member_a, rule=rule, description="隐患",
                          occurred_on=datetime.date.today(), uploads=[photo()])  # fmt: skip
    proposals.submit_proposal(member=county.member_a, category="idea", title="省电",
                              problem="电耗高", idea="换节能灯")  # fmt: skip
    counts = {i.key: i.count for i in items_for(bob).items}
    assert counts["workforce.claims"] == 1 and counts["workforce.proposals_received"] == 1
    assert {i.key: i.count for i in items_for(erin).items}["workforce.proposals_received"] == 1
    assert {i.key: i.count for i in items_for(charlie).items}.get("workforce.claims", 0) == 0


def test_leaderboard_month_and_year(client, county, bob, charlie):
    _year(county, bob)
    client.force_login(bob)
    today = datetime.date.today()
    body = client.get(reverse("workforce:points_leaderboard"), {"year": today.year}).content
    assert "张甲明" in body.decode()
    client.force_login(charlie)
    assert "张甲明" not in client.get(reverse("workforce:points_leaderboard")).content.decode()


def test_api_approves_a_claim(client, county, bob):
    rule = make_rule(county)
    claim = services.submit_claim(member=county.member_a, rule=rule, description="隐患",
                                  occurred_on=datetime.date.today(), uploads=[photo()])  # fmt: skip
    client.force_login(bob)
    response = client.post(reverse("workforce-points-claim-approve", args=[claim.pk]))
    assert response.status_code == 200 and response.json()["status"] == "approved"
    again = client.post(reverse("workforce-points-claim-approve", args=[claim.pk]))
    assert again.status_code == 400
    account = client.get(reverse("workforce-points-account-list")).json()["results"][0]
    assert account["balance"] == 10
