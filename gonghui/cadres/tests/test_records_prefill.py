"""The figures a monthly record quotes are the registry's, aid's and rights' own for the union's
subtree and month."""

import pytest
from django.utils import timezone

from gonghui.aid.figures import aid_figures
from gonghui.cadres.records import services
from gonghui.cadres.records.prefill import month_scope, work_figures
from gonghui.core.services.orgs import create_organisation
from gonghui.registry import membership
from gonghui.registry.figures import registry_figures
from gonghui.registry.services import create_member
from gonghui.rights.cases.services import receive_case
from gonghui.rights.figures import rights_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_month(county, alice, bob, frank):
    today = timezone.localdate()
    create_organisation(
        actor=alice, name="城关新建工会", kind="grassroots", parent=county.town_a, founded_on=today
    )
    create_member(
        actor=bob,
        name="钱新会",
        id_number="420324199505050019",
        phone="13600000001",
        union=county.union_a,
        employer=county.employer_a,
        joined_on=today,
    )
    application = membership.submit_join(
        union=county.union_a,
        name="孙甲新",
        id_number="420324199201150010",
        phone="13700000001",
        employer=county.employer_a,
        employment_form="standard",
        is_migrant_worker=False,
        consent_version="2025-1",
    )
    membership.approve(actor=frank, application=application)
    receive_case(
        actor=bob,
        union=county.town_a,
        kind="wages",
        complainant_name="刘某",
        phone="13700000002",
        facts="欠薪",
        employer=county.employer_a,
    )
    return today.replace(day=1)


def test_prefilled_figures_match_the_modules_own(county, busy_month, sam):
    figures = work_figures(county.town_a, busy_month)
    scope = month_scope(county.town_a, busy_month)
    registry = registry_figures(scope)
    rights = rights_figures(scope)
    aid = aid_figures(scope)
    assert figures["members_new"] == registry["members_new"] == 2
    assert figures["transfers_in"] == registry["transfers_in"]
    assert figures["transfers_out"] == registry["transfers_out"]
    assert figures["cases_received"] == rights["cases"] == 1
    assert figures["rights_visits"] == rights["visits"]
    assert figures["care_visits"] == aid["care_visits"]
    assert figures["unions_founded"] == 1
    assert figures["applications_handled"] == 1
    assert figures["aid_sent_on"] == 0

    record = services.create_record(actor=sam.user, worker=sam, month=busy_month, work_done="x")
    assert record.figures == figures


def test_another_town_has_none_of_it(county, busy_month):
    figures = work_figures(county.town_b, busy_month)
    assert figures["members_new"] == figures["cases_received"] == figures["unions_founded"] == 0
