"""The figures' cache (gonghui.reports.cache): a second look reads the cache, a write through a
service shows on the next page, two scopes never share an entry.

These tests commit (transaction=True), as a web request does: the version is bumped when an
audited write commits, which a test's rolled-back transaction never does.
"""

import datetime
import random
import re

import pytest
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from gonghui.core import versions
from gonghui.core.models import AuditAction, AuditEntry, DataVersion
from gonghui.core.validators import make_resident_id
from gonghui.registry.models import Member
from gonghui.registry.services import create_member, update_member
from gonghui.reports import cache
from gonghui.reports.figures import compute, make_scope

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def figures_cache(settings):
    """A real cache under the alias (the test settings hold a dummy one)."""
    settings.CACHES = {
        **settings.CACHES,
        "figures": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-figures-cache",
        },
    }
    cache._cache().clear()
    yield
    cache._cache().clear()


RNG = random.Random(7)  # distinct ID numbers across a test's members


def new_member(county, **fields):
    return create_member(
        actor=None,
        name="新会员",
        id_number=make_resident_id(RNG, birth_date=datetime.date(1991, 2, 3)),
        union=fields.pop("union", county.union_a),
        employer=None,
        joined_on=datetime.date(2024, 6, 1),
        **fields,
    )


def card(response, key: str) -> str:
    match = re.search(rf'data-figure="{key}" data-value="([^"]*)"', response.content.decode())
    assert match, f"no card {key}"
    return match.group(1)


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200
    return response


def test_second_look_reads_the_cache(county, django_assert_num_queries):
    first = compute(org=county.town_a)
    # The scope's roots (make_scope) and the data version; no figure is counted again.
    with django_assert_num_queries(2):
        assert compute(org=county.town_a) == first


def test_a_write_through_a_service_shows_at_once(county, alice, client):
    assert card(dashboard(client, alice), "members") == "2"
    assert card(dashboard(client, alice), "members") == "2"  # now from the cache
    new_member(county)
    assert card(dashboard(client, alice), "members") == "3"
    assert compute()["members"] == 3


def test_an_update_shows_at_once_for_a_clerk(county, bob, client):
    assert card(dashboard(client, bob), "members_new_form") == "0"
    update_member(actor=None, member=county.member_a, employment_form="courier")
    assert card(dashboard(client, bob), "members_new_form") == "1"


def test_two_scopes_never_share_an_entry(county):
    new_member(county, union=county.union_b)
    assert compute(org=county.town_a)["members"] == 1
    assert compute(org=county.town_b)["members"] == 2
    assert compute()["members"] == 3
    assert compute(org=county.town_a)["members"] == 1
    # Every field of the scope is in the key: the organisations, the period and today.
    scopes = [
        make_scope(org=county.town_a),
        make_scope(org=county.town_b),
        make_scope(),
        make_scope(org=county.town_a, date_from=datetime.date(2020, 1, 1)),
        make_scope(org=county.town_a, date_to=datetime.date(2030, 12, 31)),
        make_scope(org=county.town_a, today=datetime.date(2021, 5, 5)),
    ]
    assert len({cache.key("figures", s) for s in scopes}) == len(scopes)


def test_a_clerk_never_gets_the_county_page(county, alice, bob, charlie, client):
    assert card(dashboard(client, alice), "members") == "2"
    assert card(dashboard(client, bob), "members") == "1"
    assert card(dashboard(client, charlie), "members") == "1"
    assert "城关镇" not in dashboard(client, charlie).content.decode()


def test_a_bump_by_another_process_is_seen(county):
    """The version lives in the database: another server's commit (seen here as the row it
    updates) makes this process's entries unreachable, whatever its own cache holds."""
    assert compute()["members"] == 2
    Member.objects.filter(pk=county.member_b.pk).update(employment_form="standard")
    assert compute()["members_new_form"] == 1  # cached: no audited write said so
    DataVersion.objects.filter(name=versions.FIGURES).update(number=F("number") + 1)
    assert compute()["members_new_form"] == 0


def test_the_writing_transaction_reads_around_the_cache(county):
    assert compute()["members"] == 2
    with transaction.atomic():
        new_member(county)
        assert versions.pending_write()
        assert compute()["members"] == 3  # its own row, though the version is not bumped yet
        transaction.set_rollback(True)
    assert not versions.pending_write()
    assert compute()["members"] == 2


def test_bulk_audit_entries_bump_the_version(county):
    before = versions.current()
    entry = AuditEntry.objects.first()
    AuditEntry.objects.bulk_create([AuditEntry(**_copy(entry))])
    assert versions.current() == before + 1
    reveal = {**_copy(entry), "action": AuditAction.REVEAL}
    AuditEntry.objects.bulk_create([AuditEntry(**reveal)])
    assert versions.current() == before + 1  # reading personal data changes no figure


def _copy(entry: AuditEntry) -> dict:
    fields = ("action", "content_type", "object_id", "object_repr", "org_path", "changes")
    return {name: getattr(entry, name) for name in fields}


def test_an_import_shows_at_once(county, tmp_path):
    """The members import writes its rows and their audit entries by COPY: no signal."""
    from gonghui.registry.tests.sheets import MEMBER_HEADERS, ids, run

    assert compute()["members"] == 2
    row = dict.fromkeys(MEMBER_HEADERS)
    row.update({"姓名": "王小明", "公民身份号码": ids(1)[0], "所在工会": "甲机械厂工会"})
    row["入会日期"] = datetime.date(2022, 1, 1)
    outcome = run(tmp_path, "members", [MEMBER_HEADERS, [row[h] for h in MEMBER_HEADERS]])
    assert outcome.ok, outcome.errors
    assert compute()["members"] == 3
