"""The dashboard: who gets it, for which scope, and what it carries."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.tests.test_url_scoping import TOWN_A_SECRETS

pytestmark = pytest.mark.django_db

DASHBOARD = "reports/dashboard.html"


def page(client, user, url=None, **params):
    client.force_login(user)
    return client.get(url or reverse("reports:dashboard"), params)


def figure(response, key: str) -> str:
    """The raw value the card `key` carries (the hook the browser test reads too)."""
    match = re.search(
        rf'data-figure="{key}" data-value="([^"]*)">([^<]*)<', response.content.decode()
    )
    assert match, f"no card {key}"
    return match.group(1)


def chart(response, name: str):
    match = re.search(
        rf'<script id="{name}-chart-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, f"no data for chart {name}"
    return json.loads(match.group(1))


def uses_dashboard(response) -> bool:
    return DASHBOARD in [t.name for t in response.templates]


@pytest.mark.parametrize("role", [Role.ADMIN, Role.VIEWER])
def test_home_is_the_dashboard_for_administrators_and_leaders(client, fig, role):
    user = make_user("leader", role, fig.base.county)
    response = page(client, user, reverse("home"), year=2025)
    assert response.status_code == 200 and uses_dashboard(response)
    assert figure(response, "members") == "11"
    assert figure(response, "members_new") == "4"
    assert figure(response, "founding_rate") == "0.5714"
    assert "57.14%" in response.content.decode()


def test_every_card_is_there(client, fig, alice):
    response = page(client, alice, year=2025)
    expected = {
        "members": "11",
        "members_new": "4",
        "members_new_form": "4",
        "members_migrant": "2",
        "employers": "7",
        "employers_unionized": "4",
        "founding_rate": "0.5714",
        "founding_rate_25plus": "0.5",
        "membership_rate": "0.0368",
        "unions_term_overdue": "1",
    }
    assert {key: figure(response, key) for key in expected} == expected
    for label in ["会员总数", "新增会员", "新就业形态会员", "农民工会员", "单位数", "已建会单位"]:
        assert label in response.content.decode()
    for label in ["建会率", "25人以上建会率", "入会率", "未按期换届工会"]:
        assert label in response.content.decode()


def test_a_clerk_keeps_the_working_home_page(client, fig, bob):
    response = page(client, bob, reverse("home"))
    assert response.status_code == 200 and not uses_dashboard(response)
    assert "data-figure" not in response.content.decode()


def test_town_users_see_their_town(client, fig, bob):
    town_admin = make_user("townadmin", Role.ADMIN, fig.base.town_a)
    for response in (
        page(client, town_admin, reverse("home"), year=2025),
        page(client, bob, year=2025),  # the clerk, at /reports/dashboard/
    ):
        assert uses_dashboard(response)
        assert figure(response, "members") == "8"
        assert figure(response, "employers") == "6"
        # The town by its own unions, and the employers none of them covers.
        founding = chart(response, "founding")
        others = "其他单位（未建会或由其他工会覆盖）"
        assert founding["names"] == ["丁厂工会", "丙厂工会", "甲机械厂工会", others]
        assert founding["employers"] == [1, 1, 1, 3] and sum(founding["employers"]) == 6
        # The title names the scope, not 全部.
        assert "统计概览 · 城关镇总工会" in response.content.decode()


def test_town_b_sees_nothing_of_town_a(client, fig, charlie):
    response = page(client, charlie, year=2025)
    assert figure(response, "members") == "2"
    body = response.content.decode()
    for secret in [*TOWN_A_SECRETS, "丁厂", "丙厂工会"]:
        assert secret not in body


@pytest.mark.parametrize("role", [Role.LAWYER, Role.STATION_KEEPER, Role.SOCIAL_WORKER])
def test_no_dashboard_without_a_registry_role(client, fig, role):
    user = make_user("outsider", role, fig.base.county)
    home = page(client, user, reverse("home"))
    landings = {  # a lawyer lands on their own cases, a keeper on their stations
        Role.LAWYER: reverse("rights:case_list"),
        Role.STATION_KEEPER: reverse("stations:station_list"),
    }
    if role in landings:
        assert home.status_code == 302 and home["Location"] == landings[role]
        home = client.get(home["Location"])
    assert home.status_code == 200 and not uses_dashboard(home)
    assert "data-figure" not in home.content.decode()
    assert page(client, user).status_code == 403


def test_charts_carry_their_data(client, fig, alice):
    response = page(client, alice, year=2025)
    founding = chart(response, "founding")
    assert founding["names"] == ["城关镇总工会", "水坪镇总工会"]
    assert founding["rates"] == [50.0, 100.0]
    assert founding["employers"] == [6, 1]
    forms = {item["key"]: item["value"] for item in chart(response, "form")["items"]}
    assert forms == {"standard": 7, "courier": 3, "delivery_rider": 1}
    months = chart(response, "month")
    assert months["months"][0] == "2025-01" and months["months"][-1] == "2025-12"
    assert sum(months["counts"]) == 4
    assert 'src="/static/vendor/echarts/echarts.min.js"' in response.content.decode()


def test_founding_drive_and_overdue_unions_link_to_their_pages(client, fig, alice):
    body = page(client, alice, year=2025).content.decode()
    d = fig.employers["d"]
    assert f'href="{d.get_absolute_url()}"' in body
    assert 'data-drive-count="party_branch">2<' in body
    assert 'data-drive-count="non_public_25">2<' in body
    assert f'href="{fig.union_late.get_absolute_url()}"' in body
    assert "data-overdue-count>1<" in body
    employer_list = reverse("registry:employer_list")
    assert (
        f"{employer_list}?union_status=none&amp;operating_status=operating&amp;has_party_branch=true"
        in body
    )


def test_org_selector_narrows_and_links_keep_it(client, fig, alice):
    town_a = fig.base.town_a
    response = page(client, alice, org=town_a.pk, year=2025)
    assert figure(response, "members") == "8"
    assert f"within={town_a.pk}" in response.content.decode()


def test_a_union_below_the_offered_levels_can_be_chosen(client, fig, alice):
    response = page(client, alice, org=fig.base.union_a.pk, year=2025)
    assert figure(response, "members") == "6"
    html = response.content.decode()
    assert f'name="org" value="{fig.base.union_a.pk}"' in html and 'value="甲机械厂工会"' in html


def test_org_selector_offers_only_the_users_scope(client, fig, charlie):
    response = page(client, charlie)
    choices = {o.name for o in response.context["form"].fields["org"].queryset}
    assert choices == {"水坪镇总工会", "乙茶叶公司工会"}


@pytest.mark.parametrize("where", ["town_a", "county"])
def test_org_out_of_scope_is_404(client, fig, charlie, where):
    assert page(client, charlie, org=getattr(fig.base, where).pk).status_code == 404


def test_a_year_not_offered_is_an_error_on_the_form(client, fig, alice):
    response = page(client, alice, year=1999)
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    this_year = timezone.localdate().year
    assert response.context["period"][0].year == this_year


def test_default_year_is_this_year(client, fig, alice):
    response = page(client, alice)
    assert response.context["period"][0] == timezone.localdate().replace(month=1, day=1)
