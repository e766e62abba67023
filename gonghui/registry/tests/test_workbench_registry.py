"""The registry's workbench items: join and transfer applications waiting for a decision."""

import pytest

from gonghui.core.testing_workbench import assert_item_lists_exactly, bench_of
from gonghui.registry import membership
from gonghui.registry.tests.test_application_pages import age, join, transfer_a_to_b

pytestmark = pytest.mark.django_db


def test_join_and_transfer_items_count_and_link_to_exactly_those(client, county, bob, charlie):
    a1 = join(county.union_a, "甲一")
    a2 = join(county.union_a, "甲二")
    decided = join(county.union_a, "甲三")
    membership.refuse(actor=bob, application=decided, reason="材料不全")
    b1 = join(county.union_b, "乙一")
    moving = transfer_a_to_b(county)
    age(a1, 20)

    item = assert_item_lists_exactly(client, bob, "registry.join", {a1.pk, a2.pk})
    assert item.overdue_count == 1
    assert item.days_waiting == 20
    assert_item_lists_exactly(client, charlie, "registry.join", {b1.pk})
    # A transfer is seen by the union it goes to and the one it leaves.
    assert_item_lists_exactly(client, charlie, "registry.transfer", {moving.pk})
    assert_item_lists_exactly(client, bob, "registry.transfer", {moving.pk})


def test_town_b_sees_none_of_town_a(county, charlie):
    join(county.union_a, "甲一")
    bench = bench_of(charlie)
    assert bench["registry.join"].count == 0
