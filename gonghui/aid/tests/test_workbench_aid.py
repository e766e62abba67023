"""The aid module's workbench items: each counts right and links to a list of exactly its rows;
town B sees none of town A's."""

import datetime
from decimal import Decimal

import pytest

from gonghui.aid.models import HardshipFile
from gonghui.aid.programmes import applications
from gonghui.aid.tests.conftest import make_programme
from gonghui.aid.tests.hardship_helpers import enter_file
from gonghui.aid.tests.programme_helpers import file_household, submitted
from gonghui.core.testing_workbench import assert_item_lists_exactly, bench_of, listed_pks
from gonghui.core.validators import make_resident_id
from gonghui.registry.services import create_member

pytestmark = pytest.mark.django_db


def second_member_a(county, name="王甲强"):
    import random

    return create_member(
        actor=None,
        name=name,
        id_number=make_resident_id(random.Random(7), birth_date=datetime.date(1988, 7, 15)),
        phone="13600000002",
        union=county.union_a,
        employer=county.employer_a,
        joined_on=datetime.date(2024, 1, 1),
    )


KEYS = ("aid.send_on", "aid.decide", "aid.hardship_decide", "aid.review_due", "aid.payable")


def test_applications_to_send_on_and_to_decide(client, county, dora, frank, erin, charlie):
    programme = make_programme(county, review_levels=2)  # town A, then the county
    waiting = applications.apply(
        programme=programme, member=county.member_a, amount_requested=Decimal("800.00")
    )  # from the portal: waits for the grassroots union
    other = second_member_a(county)
    in_review = submitted(county, programme, clerk=dora, member=other)

    assert_item_lists_exactly(client, dora, "aid.send_on", {waiting.pk})
    # Whoever sent it on never decides it; the town's reviewer does.
    assert_item_lists_exactly(client, dora, "aid.decide", set())
    assert_item_lists_exactly(client, frank, "aid.decide", {in_review.pk})
    applications.approve_step(actor=frank, application=in_review)
    assert_item_lists_exactly(client, frank, "aid.decide", set())
    assert_item_lists_exactly(client, erin, "aid.decide", {in_review.pk})
    bench = bench_of(charlie)
    assert all(bench[key].count == 0 for key in KEYS)


def test_hardship_files_to_decide_and_reviews_due(client, county, dora, frank, charlie):
    pending = enter_file(dora, county.member_a)
    late = file_household(county, member=second_member_a(county))
    HardshipFile.objects.filter(pk=late.pk).update(
        reviewed_on=datetime.date.today() - datetime.timedelta(days=400)
    )
    # The level above decides: the town's reviewer, not the union's clerk who entered it.
    assert_item_lists_exactly(client, frank, "aid.hardship_decide", {pending.pk})
    assert_item_lists_exactly(client, dora, "aid.hardship_decide", set())
    item = assert_item_lists_exactly(client, frank, "aid.review_due", {late.pk})
    assert item.overdue_count == 1 and item.days_waiting == 400
    bench = bench_of(charlie)
    assert bench["aid.hardship_decide"].count == bench["aid.review_due"].count == 0


def payable_pks(client, user, url) -> set:
    client.force_login(user)
    groups = client.get(url).context["groups"]
    return {row.pk for group in groups for row in group["rows"]}


def test_payments_ready_to_pay(client, county, dora, erin, charlie):
    programme = make_programme(county, notice_days=0, review_levels=1)
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application)
    item = bench_of(dora)["aid.payable"]
    assert item.count == 1
    assert payable_pks(client, dora, item.url) == {application.pk}
    assert bench_of(charlie)["aid.payable"].count == 0
    assert payable_pks(client, charlie, item.url) == set()


def test_the_list_links_keep_their_filters(client, county, programme, dora, erin):
    submitted(county, programme, clerk=dora)
    item = bench_of(erin)["aid.decide"]
    assert "mine=true" in item.url and item.count == 1
    assert listed_pks(client, erin, item.url) == set(item.queryset.values_list("pk", flat=True))


def test_a_decision_names_who_and_for_which_level(client, county, dora, frank, erin):
    """The town's reviewer decides its own level; the county's reviewer deciding the town's
    level is shown as 代为审核 (on its page and in the log)."""
    from django.urls import reverse

    from gonghui.core.models import AuditEntry

    programme = make_programme(county, review_levels=2)  # town A, then the county
    own = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=frank, application=own)
    step = own.steps.get(order=1)
    assert step.decided_as == county.town_a and not step.on_behalf

    other = submitted(county, programme, clerk=dora, member=second_member_a(county))
    applications.approve_step(actor=erin, application=other)  # the county, for town A
    step = other.steps.get(order=1)
    assert step.organisation == county.town_a and step.decided_as == county.county
    assert step.on_behalf
    client.force_login(erin)
    body = client.get(reverse("aid:application_detail", args=[other.pk])).content.decode()
    assert "代为审核" in body and "（测试县总工会）" in body
    entry = AuditEntry.objects.for_object(step).first()
    assert ("审核人所在工会", "—", "测试县总工会") in entry.readable_changes()
    body = client.get(reverse("aid:application_detail", args=[own.pk])).content.decode()
    assert "data-on-behalf" not in body
