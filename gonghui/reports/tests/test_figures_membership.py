"""The joining and transfer figures (issue 4), on the shared county, through `compute()`."""

import datetime

import pytest
from django.utils import timezone

from gonghui.registry import membership
from gonghui.registry.models import Application
from gonghui.reports.figures import compute

pytestmark = pytest.mark.django_db

KEYS = (
    "applications_pending",
    "applications_overdue",
    "members_joined_online",
    "transfers_in",
    "transfers_out",
    "members_new",
    "members",
)


def flows(**kwargs) -> dict:
    figures = compute(**kwargs)
    return {key: figures[key] for key in KEYS}


def join(county, union, id_number, phone):
    return membership.submit_join(
        union=union,
        name="网上申请人",
        id_number=id_number,
        phone=phone,
        consent_version="2026-11",
    )


@pytest.fixture
def moves(county, bob, charlie):
    """In town A: one approved online join, one pending (20 days), one pending (today).
    member_b transfers from town B to town A; member_a's transfer to B waits."""
    approved = join(county, county.union_a, "420324199508150015", "13700001111")
    membership.approve(actor=bob, application=approved)
    old = join(county, county.union_a, "420324199207070011", "13700002222")
    Application.objects.filter(pk=old.pk).update(
        submitted_on=timezone.localdate() - datetime.timedelta(20)
    )
    join(county, county.union_a, "420324198801010017", "13700003333")
    transfer = membership.submit_transfer(member=county.member_b, union=county.union_a)
    membership.approve(actor=bob, application=transfer)
    membership.submit_transfer(member=county.member_a, union=county.union_b)


def test_town_a(county, moves):
    # members: member_a, the online joiner, member_b moved in. New: only the online joiner (a
    # transfer is not a new member).
    assert flows(org=county.town_a) == {
        "applications_pending": 2,
        "applications_overdue": 1,
        "members_joined_online": 1,
        "transfers_in": 1,
        "transfers_out": 0,
        "members_new": 1,
        "members": 3,
    }


def test_town_b(county, moves):
    # member_a's transfer waits at union_b; member_b left B by transfer.
    assert flows(org=county.town_b) == {
        "applications_pending": 1,
        "applications_overdue": 0,
        "members_joined_online": 0,
        "transfers_in": 0,
        "transfers_out": 1,
        "members_new": 0,
        "members": 0,
    }


def test_county_counts_a_transfer_inside_it_both_ways(county, moves):
    figures = flows()
    assert figures["transfers_in"] == figures["transfers_out"] == 1
    assert figures["applications_pending"] == 3 and figures["members_new"] == 1


def test_period_outside_the_flows(county, moves):
    last_year = timezone.localdate().year - 1
    figures = flows(
        date_from=datetime.date(last_year, 1, 1), date_to=datetime.date(last_year, 12, 31)
    )
    assert figures["members_joined_online"] == figures["transfers_in"] == 0
    assert figures["transfers_out"] == 0
    assert figures["applications_pending"] == 3  # a stock: as of today


def test_scoped_to_the_caller(county, moves, charlie):
    figures = flows(user=charlie)
    assert figures == flows(org=county.town_b)
