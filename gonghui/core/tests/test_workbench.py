"""The workbench (core.workbench): every module's items counted in one statement, cached per user
until the next audited write, shown on the home page (grouped, overdue flagged) and as sidebar
badges without costing the list pages a query."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core import workbench
from gonghui.core.roles import Role
from gonghui.registry import membership
from gonghui.registry.models import Application
from gonghui.registry.tests.test_application_pages import join
from gonghui.rights.tests.conftest import make_case

pytestmark = pytest.mark.django_db

ONE_STATEMENT = "SELECT (SELECT COUNT(*)"


def counting_statements(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith(ONE_STATEMENT))


def test_every_item_is_counted_in_one_statement(county, bob, django_assert_max_num_queries):
    for i in range(5):
        join(county.union_a, f"甲{i}")
    make_case(county)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        bench = workbench.items_for(bob)
    assert counting_statements(captured.captured_queries) == 1
    # The rest is each provider's look-up of the user's roles: bounded, whatever the rows.
    assert len(captured.captured_queries) <= 8
    assert {i.key: i.count for i in bench.waiting} == {"registry.join": 5, "rights.accept": 1}
    assert bench.badges["registry"] == {"count": 5, "overdue": 0}
    assert bench.badges["all"]["count"] == 6


def test_cached_until_an_audited_write(county, bob):
    first = join(county.union_a, "甲一")
    assert workbench.items_for(bob).total == 1
    with CaptureQueriesContext(connection) as captured:
        assert workbench.items_for(bob).total == 1
    assert captured.captured_queries == []  # from the cache
    membership.refuse(actor=bob, application=first, reason="重复申请")  # audited
    assert workbench.items_for(bob).total == 0


def test_the_list_pages_read_the_badges_from_the_cache(client, county, bob):
    join(county.union_a, "甲一")
    client.force_login(bob)  # counted at sign-in
    with CaptureQueriesContext(connection) as captured:
        body = client.get(reverse("registry:member_list")).content.decode()
    assert counting_statements(captured.captured_queries) == 0
    assert 'data-badge="registry"' in body and 'data-badge="all"' in body


def test_one_count_per_page_even_after_a_write(client, county, bob):
    client.force_login(bob)
    join(county.union_a, "甲一")  # a write: the next page counts afresh, once
    with CaptureQueriesContext(connection) as captured:
        body = client.get(reverse("home")).content.decode()
    assert counting_statements(captured.captured_queries) == 1
    assert 'data-item="registry.join"' in body


def test_home_groups_by_module_overdue_first(client, county, bob):
    old = join(county.union_a, "甲一")
    Application.objects.filter(pk=old.pk).update(
        submitted_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    make_case(county)
    client.force_login(bob)
    cache.clear()
    body = client.get(reverse("home")).content.decode()
    assert "我的待办" in body
    assert body.index('data-module="组织与会员"') < body.index('data-module="维权服务"')
    assert 'data-item="registry.join" data-count="1" data-overdue="1"' in body
    assert "已等 20 天" in body and "超期 1" in body
    assert "/applications/?kind=join&amp;status=pending" in body


def test_town_b_sees_none_of_town_a(client, county, charlie):
    join(county.union_a, "甲一")
    make_case(county)
    client.force_login(charlie)
    body = client.get(reverse("home")).content.decode()
    assert "暂无待办事项" in body and "data-badge" not in body


def test_reviewers_and_leaders_have_their_view(client, county):
    join(county.union_a, "甲一")
    reviewer = make_user("rev", Role.REVIEWER, county.town_a)
    leader = make_user("lead", Role.VIEWER, county.county)
    client.force_login(reviewer)
    assert "待我审核" in client.get(reverse("home")).content.decode()
    client.force_login(leader)
    body = client.get(reverse("home")).content.decode()  # the dashboard, under what waits
    assert "辖区待办" in body and "督促办理" in body and 'data-item="registry.join"' in body
    assert "data-figure" in body


def test_no_workbench_without_a_registry_role(client, county, stan):
    client.force_login(stan)
    body = client.get(reverse("home")).content.decode()
    assert "workbench" not in body and "data-badge" not in body


def test_the_api_gives_the_same_counts(client, county, bob, charlie):
    join(county.union_a, "甲一")
    client.force_login(bob)
    rows = {r["key"]: r for r in client.get("/api/workbench/").json()}
    assert rows["registry.join"]["count"] == 1
    assert rows["registry.join"]["url"].startswith("/applications/?kind=join")
    assert rows["registry.join"]["module"] == "组织与会员"
    client.force_login(charlie)
    assert all(r["count"] == 0 for r in client.get("/api/workbench/").json())
    client.logout()
    assert client.get("/api/workbench/").status_code in (401, 403)
