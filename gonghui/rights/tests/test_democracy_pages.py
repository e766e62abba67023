"""Workers' congresses and open factory affairs through their pages: the list of unionized
employers with the rates, its filters, recording one employer's record (errors in Chinese,
nothing written), the rates following; town B's clerk sees none of town A."""

import pytest
from django.urls import reverse

from gonghui.core.models import AuditEntry
from gonghui.rights.models import Democracy
from gonghui.rights.tests.contract_helpers import DAY, TODAY, democracy, employer

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


def record(**changes) -> dict:
    data = {
        "congress_established": "on",
        "congress_established_on": str(TODAY - 800 * DAY),
        "last_congress_on": str(TODAY - 30 * DAY),
        "open_affairs_established": "on",
        "open_affairs_established_on": str(TODAY - 700 * DAY),
        "star_rating": "4",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_clerk_records_a_congress_and_the_rates_follow(client, county, bob):
    client.force_login(bob)
    listing = client.get(reverse("rights:democracy_list"))
    assert listing.status_code == 200 and "甲机械厂" in page(listing)
    assert listing.context["rates"]["congress"]["count"] == 0

    url = reverse("rights:democracy_edit", args=[county.employer_a.pk])
    assert "职代会与厂务公开：甲机械厂" in page(client.get(url))
    response = client.post(url, record(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("rights:democracy_list")
    assert "已保存民主管理情况：甲机械厂" in page(response)
    row = Democracy.objects.get(employer=county.employer_a)
    assert row.congress_established and row.open_affairs_established and row.star_rating == 4
    assert row.updated_by == bob
    assert AuditEntry.objects.filter(object_id=str(row.pk)).exists()
    rates = response.context["rates"]
    assert rates["congress"]["count"] == 1 and rates["open_affairs"]["count"] == 1
    assert 'data-stars="4"' in page(response)

    client.post(url, record(star_rating="5"))
    row.refresh_from_db()
    assert row.star_rating == 5 and Democracy.objects.count() == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"last_congress_on": str(TODAY + 3 * DAY)}, "不能晚于今天"),
        ({"last_congress_on": str(TODAY - 900 * DAY)}, "不能早于职代会建立日期"),
        ({"congress_established": None}, "未建立职代会制度：不应填写职代会建立日期"),
        ({"open_affairs_established": None}, "未实行厂务公开：不应填写厂务公开实行日期"),
        ({"star_rating": "9"}, "选择一个有效的选项"),
    ],
)
def test_bad_input_is_named_in_chinese_and_nothing_is_written(
    client, county, bob, changes, message
):
    client.force_login(bob)
    url = reverse("rights:democracy_edit", args=[county.employer_a.pk])
    response = client.post(url, record(**changes))
    assert response.status_code == 200 and message in page(response)
    assert not Democracy.objects.exists()


def test_the_list_filters(client, county, bob):
    other = employer(county, 31, name="庚电子厂")
    long_ago = TODAY - 500 * DAY
    democracy(county.employer_a, congress_established=True,
              congress_established_on=TODAY - 900 * DAY, last_congress_on=long_ago)  # fmt: skip
    democracy(other, open_affairs_established=True)
    client.force_login(bob)
    url = reverse("rights:democracy_list")
    with_congress = page(client.get(url, {"congress": "true"}))
    assert "甲机械厂" in with_congress and "庚电子厂" not in with_congress
    without = page(client.get(url, {"congress": "false"}))
    assert "庚电子厂" in without and "甲机械厂" not in without
    overdue = page(client.get(url, {"overdue": "true"}))
    assert "甲机械厂" in overdue and "超过一年未召开" in overdue and "庚电子厂" not in overdue
    found = page(client.get(url, {"q": "庚电子"}))
    assert "庚电子厂" in found and "甲机械厂" not in found
    affairs = page(client.get(url, {"open_affairs": "true"}))
    assert "庚电子厂" in affairs and "甲机械厂" not in affairs


def test_town_b_sees_and_changes_nothing_of_town_a(client, county, charlie):
    democracy(county.employer_a, star_rating=3)
    client.force_login(charlie)
    listing = client.get(reverse("rights:democracy_list"))
    assert "甲机械厂" not in page(listing) and "乙茶叶公司" in page(listing)
    url = reverse("rights:democracy_edit", args=[county.employer_a.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, record()).status_code == 404
    assert Democracy.objects.get().star_rating == 3
