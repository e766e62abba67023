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


def test_a_decision_names_the_union_decided_from(client, county, bob, dora):
    from django.urls import reverse

    from gonghui.core.models import AuditEntry

    own = join(county.union_a, "甲一")
    membership.approve(actor=dora, application=own)  # the union's own clerk
    own.refresh_from_db()
    assert own.decided_as == county.union_a and not own.on_behalf

    above = join(county.union_a, "甲二")
    membership.approve(actor=bob, application=above)  # the town, for the union
    above.refresh_from_db()
    assert above.decided_as == county.town_a and above.on_behalf
    client.force_login(bob)
    body = client.get(reverse("registry:application_detail", args=[above.pk])).content.decode()
    assert "代为审核" in body and "（城关镇总工会）" in body
    entry = AuditEntry.objects.for_object(above).first()
    assert ("审核人所在工会", "—", "城关镇总工会") in entry.readable_changes()
    body = client.get(reverse("registry:application_detail", args=[own.pk])).content.decode()
    assert "data-on-behalf" not in body
