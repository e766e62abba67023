"""The dashboard's 超期未处理申请 panel: applications pending past the handling time (15 days) are
flagged on the dashboard of the organisations above their union, and nowhere else."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.registry.models import Application
from gonghui.registry.tests.test_application_pages import age, join, transfer_a_to_b
from gonghui.tests.test_url_scoping import TOWN_A_SECRETS

pytestmark = pytest.mark.django_db


def panel(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("reports:dashboard"), params)
    assert response.status_code == 200
    body = response.content.decode()
    start = body.index('id="late-applications"')
    return body[start : body.index("founding-chart-data", start)]


def count(html: str) -> int:
    return int(re.search(r"data-late-applications-count>(\d+)<", html).group(1))


@pytest.fixture
def late(county):
    """Two overdue joins at union_a (town A), one at union_b (town B), a fresh one at union_a,
    and member_a's transfer to union_b, overdue at union_b."""
    a1, a2 = join(county.union_a, "甲超期一"), join(county.union_a, "甲超期二")
    b1, fresh = join(county.union_b, "乙超期"), join(county.union_a, "甲新申请")
    move = transfer_a_to_b(county)
    age(a1, 20)
    age(a2, 16)
    age(b1, 30)
    age(fresh, 3)
    age(move, 18)
    return {"a1": a1, "a2": a2, "b1": b1, "fresh": fresh, "move": move}


def test_county_sees_every_unions_overdue_applications(client, county, late, alice):
    html = panel(client, alice)
    assert "超期未处理申请" in html and count(html) == 4
    a_row = html[html.index(f'data-late-union="{county.union_a.pk}"') :]
    assert "甲机械厂工会" in a_row and "20 天" in a_row
    # Longest waiting first: union_b's 30 days before union_a's 20.
    assert html.index("乙茶叶公司工会") < html.index("甲机械厂工会")
    queue = reverse("registry:application_list")
    assert f"{queue}?overdue=true&amp;within={county.union_a.pk}" in html


def test_town_flags_its_unions_only(client, county, late, bob):
    html = panel(client, bob)
    # The transfer leaving union_a waits on union_b: town B's to handle, not town A's.
    assert count(html) == 2
    assert "甲机械厂工会" in html and "乙茶叶公司工会" not in html


def test_town_b_sees_nothing_of_town_a(client, county, late, charlie):
    html = panel(client, charlie)
    assert count(html) == 2  # union_b's own join and the transfer it has to decide
    for secret in TOWN_A_SECRETS:
        assert secret not in html


def test_the_link_opens_the_overdue_queue(client, county, late, bob):
    client.force_login(bob)
    url = f"{reverse('registry:application_list')}?overdue=true&within={county.union_a.pk}"
    names = sorted(a.name for a in client.get(url).context["objects"])
    assert names == ["甲超期一", "甲超期二"]


def test_decided_applications_leave_the_panel(client, county, late, alice):
    from gonghui.registry import membership

    membership.approve(actor=alice, application=late["a1"])
    membership.refuse(actor=alice, application=late["b1"], reason="重复")
    html = panel(client, alice)
    assert count(html) == 2
    assert "甲超期一" not in html


def test_no_overdue_applications(client, county, alice):
    join(county.union_a, "甲新申请")
    html = panel(client, alice)
    assert count(html) == 0 and "没有" in html


def test_the_org_selector_narrows_the_panel(client, county, late, alice):
    html = panel(client, alice, org=county.town_b.pk)
    assert count(html) == 2 and "甲机械厂工会" not in html
    assert f"within={county.town_b.pk}" in html


def test_overdue_is_counted_on_the_day_the_dashboard_is_for(county, late, alice):
    from gonghui.reports import dashboard

    today = timezone.localdate()
    later = today + datetime.timedelta(days=13)
    assert dashboard.build(user=alice, org=None, year=today.year)["late_applications"]["count"] == 4
    # Thirteen days on, the fresh one has waited 16 days.
    board = dashboard.build(user=alice, org=None, year=today.year, today=later)
    assert board["late_applications"]["count"] == 5
    assert sum(row["count"] for row in board["late_applications"]["unions"]) == 5
    assert Application.objects.pending().count() == 5
