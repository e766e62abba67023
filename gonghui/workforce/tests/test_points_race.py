"""Redemptions and awards arriving at once, on PostgreSQL: real threads, each on its own
connection, against the reward's and the account's row locks. SQLite serialises whole writes:
skipped there."""

import datetime

import pytest
from django.db import connection

from gonghui.aid.tests.test_payments_race import at_once
from gonghui.registry.services import create_member
from gonghui.workforce.models import Redemption
from gonghui.workforce.models.points import PointsItem
from gonghui.workforce.points import ledger, services
from gonghui.workforce.tests.helpers import id_number
from gonghui.workforce.tests.points_helpers import make_reward

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's"
)
N = 50


def _grant(county, member, points, key):
    rule = services.create_rule(actor=None, union=county.union_a, item=PointsItem.OTHER,
                                name=f"奖励{key}", points=points)  # fmt: skip
    return ledger.award_for_source(rule_item=rule, member=member, source=f"race:{key}", actor=None)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_redemptions_against_one_balance_never_below_zero(county):
    _grant(county, county.member_a, 100, "a")  # enough for 10 at 10 points
    reward = make_reward(county, points=10, stock=N)
    outcomes = at_once(
        [lambda: services.redeem(member=county.member_a, reward=reward) for _ in range(N)]
    )
    done = [o for o in outcomes if isinstance(o, Redemption)]
    assert len(done) == 10 and outcomes.count("refused") == N - 10, outcomes
    account = ledger.account_for(county.member_a)
    assert ledger.balance(account) == 0
    reward.refresh_from_db()
    assert reward.stock == N - 10


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_redemptions_of_one_reward_never_oversell(county):
    members = [county.member_a]
    for i in range(9):
        members.append(create_member(
            actor=None, name=f"王{i}明", id_number=id_number(30 + i), union=county.union_a,
            joined_on=datetime.date(2020, 1, 1),
        ))  # fmt: skip
    for i, member in enumerate(members):
        _grant(county, member, 1000, f"m{i}")
    reward = make_reward(county, points=10, stock=7)
    outcomes = at_once(
        [lambda i=i: services.redeem(member=members[i % 10], reward=reward) for i in range(N)]
    )
    done = [o for o in outcomes if isinstance(o, Redemption)]
    assert len(done) == 7 and outcomes.count("refused") == N - 7, outcomes
    reward.refresh_from_db()
    assert reward.stock == 0 and Redemption.objects.count() == 7


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_same_source_awarded_at_once_counts_once(county):
    rule = services.create_rule(actor=None, union=county.union_a, item=PointsItem.OTHER,
                                name="竞赛", points=5)  # fmt: skip
    outcomes = at_once([
        lambda: ledger.award_for_source(rule_item=rule, member=county.member_a,
                                        source="competition:1", actor=None)
        for _ in range(10)
    ])  # fmt: skip
    assert outcomes.count("refused") == 9, outcomes
    assert ledger.balance(ledger.account_for(county.member_a)) == 5
