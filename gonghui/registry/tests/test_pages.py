"""Registry pages as a clerk uses them: search, filters, paging, editing, revealing."""

import datetime

import pytest
from django.urls import reverse

from gonghui.core.models import AuditEntry
from gonghui.core.pagination import decode_cursor, encode_cursor
from gonghui.core.validators import make_resident_id
from gonghui.registry.models import Member

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [getattr(o, "name", None) for o in response.context["objects"]]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("张甲", ["张甲明"]),  # part of the name
        ("zjm", ["张甲明"]),  # pinyin initials, any case
        ("1231", ["张甲明"]),  # last four of the ID number
        ("420324199003071231", ["张甲明"]),  # the whole ID number, via the keyed hash
        ("13812345678", ["张甲明"]),  # the whole phone number
        ("0026", ["李乙华"]),
    ],
)
def test_member_search(client, alice, county, query, expected):
    client.force_login(alice)
    # A whole number is sealed out of the address by a redirect (core/sealed_search.py).
    response = client.get(reverse("registry:member_list"), {"q": query}, follow=True)
    assert names(response) == expected


@pytest.mark.parametrize("query", ["91420324MA4F00001L", "91420324MA4F00001", "jjxc", "机械"])
def test_employer_search(client, alice, county, query):
    client.force_login(alice)
    response = client.get(reverse("registry:employer_list"), {"q": query})
    assert names(response) == ["甲机械厂"]


def test_org_search_by_initials(client, alice, county):
    client.force_login(alice)
    response = client.get(reverse("core:org_list"), {"q": "cgz"})
    assert names(response) == ["城关镇总工会"]


def test_member_filters(client, alice, county):
    client.force_login(alice)
    url = reverse("registry:member_list")
    assert names(client.get(url, {"employment_form": "courier"})) == ["李乙华"]
    assert names(client.get(url, {"within": county.town_a.pk})) == ["张甲明"]
    assert names(client.get(url, {"joined_from": "2024-01-01"})) == ["张甲明"]


def test_employer_filter_by_union_status(client, alice, county):
    client.force_login(alice)
    url = reverse("registry:employer_list")
    assert names(client.get(url, {"union_status": "none"})) == []
    assert len(names(client.get(url, {"union_status": "unionized"}))) == 2


def test_a_town_clerk_cannot_filter_into_another_town(client, bob, county):
    client.force_login(bob)
    response = client.get(reverse("registry:member_list"), {"within": county.town_b.pk})
    # The choice is not offered: the filter is invalid and nothing of town B shows.
    assert "李乙华" not in response.content.decode()


def test_keyset_pagination_walks_every_row_once(client, alice, county):
    for i in range(120):
        m = Member(name=f"会员{i:03d}", union=county.union_a, joined_on=datetime.date(2024, 1, 1))
        m.set_id_number(make_resident_id(__import__("random").Random(i)))
        m.save()
    client.force_login(alice)
    url = reverse("registry:member_list")
    seen, params = [], {"sort": "name"}
    while True:
        response = client.get(url, params)
        page = response.context["page"]
        seen += names(response)
        if not page.has_next:
            break
        params = {"sort": "name", "after": page.next_cursor}
    assert len(seen) == 122 and len(set(seen)) == 122
    assert seen == sorted(seen)
    assert page.total == 122
    # and back again
    back = client.get(url, {"sort": "name", "before": page.previous_cursor})
    assert names(back) == seen[50:100]


def test_cursor_round_trip_and_tampering():
    assert decode_cursor(encode_cursor("2024-01-01", 7)) == ("2024-01-01", 7)
    assert decode_cursor("not-a-cursor") is None


def test_list_is_a_constant_number_of_queries(client, alice, county, django_assert_max_num_queries):
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        client.get(reverse("registry:member_list"))


def test_member_detail_shows_masked_id_only(client, bob, county):
    client.force_login(bob)
    body = client.get(reverse("registry:member_detail", args=[county.member_a.pk])).content
    assert "420324********1231" in body.decode()
    assert b"420324199003071231" not in body


def test_reveal_over_http_is_audited(client, bob, county):
    client.force_login(bob)
    url = reverse("registry:member_reveal", args=[county.member_a.pk, "id_number"])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 200 and b"420324199003071231" in response.content
    assert AuditEntry.objects.filter(action="reveal", actor=bob).count() == 1


def test_viewer_may_not_reveal_or_edit(client, county):
    from gonghui.conftest import make_user

    leader = make_user("leader", "viewer", county.county)
    client.force_login(leader)
    assert (
        client.get(reverse("registry:member_detail", args=[county.member_a.pk])).status_code == 200
    )
    url = reverse("registry:member_reveal", args=[county.member_a.pk, "id_number"])
    assert client.post(url).status_code == 403
    assert client.get(reverse("registry:member_edit", args=[county.member_a.pk])).status_code == 403
    assert not AuditEntry.objects.filter(action="reveal").exists()


def test_lawyer_sees_no_registry(client, county):
    from gonghui.conftest import make_user

    lawyer = make_user("lawyer", "lawyer", county.county)
    client.force_login(lawyer)
    response = client.get(reverse("registry:member_list"))
    assert names(response) == []
    assert (
        client.get(reverse("registry:member_detail", args=[county.member_a.pk])).status_code == 404
    )


def test_clerk_adds_a_member_through_the_form(client, bob, county):
    client.force_login(bob)
    response = client.post(
        reverse("registry:member_add"),
        {
            "name": "孙新",
            "id_number": "11010519491231002x",
            "phone": "138 0000 1111",
            "union": county.union_a.pk,
            "employer": county.employer_a.credit_code.lower(),
            "employment_form": "standard",
            "joined_on": "2025-06-01",
        },
    )
    member = Member.objects.get(name="孙新")
    assert response.status_code == 302 and response["Location"] == member.get_absolute_url()
    assert member.id_masked == "110105********002X" and member.phone_masked == "138****1111"
    assert AuditEntry.objects.filter(action="create", object_id=str(member.pk), actor=bob).exists()


def test_form_shows_the_reason_and_keeps_nothing(client, bob, county):
    client.force_login(bob)
    response = client.post(
        reverse("registry:member_add"),
        {
            "name": "孙新",
            "id_number": "420324199003071231",
            "union": county.union_a.pk,
            "employment_form": "standard",
            "joined_on": "2025-06-01",
        },
    )
    assert response.status_code == 200
    assert "已是甲机械厂工会的在会会员" in response.content.decode()
    assert not Member.objects.filter(name="孙新").exists()


def test_clerk_cannot_put_a_member_in_another_towns_union(client, bob, county):
    client.force_login(bob)
    response = client.post(
        reverse("registry:member_add"),
        {
            "name": "孙新",
            "id_number": "11010519491231002X",
            "union": county.union_b.pk,
            "employment_form": "standard",
            "joined_on": "2025-06-01",
        },
    )
    assert response.status_code == 200 and "union" in response.context["form"].errors
    assert not Member.objects.filter(name="孙新").exists()


def test_editing_keeps_id_when_left_blank(client, bob, county):
    client.force_login(bob)
    url = reverse("registry:member_edit", args=[county.member_a.pk])
    page = client.get(url).content.decode()
    assert "420324199003071231" not in page  # the clear value is never sent to the form
    response = client.post(
        url,
        {
            "name": "张甲明",
            "id_number": "",
            "phone": "",
            "union": county.union_a.pk,
            "employment_form": "courier",
            "joined_on": "2024-05-01",
        },
    )
    assert response.status_code == 302
    member = Member.objects.get(pk=county.member_a.pk)
    assert member.id_number == "420324199003071231" and member.employment_form == "courier"


def test_history_on_detail_page(client, bob, county):
    client.force_login(bob)
    client.post(
        reverse("registry:employer_edit", args=[county.employer_a.pk]),
        {
            "credit_code": county.employer_a.credit_code,
            "name": "甲机械厂",
            "territory": county.town_a.pk,
            "union": county.union_a.pk,
            "ownership": "non_public",
            "headcount": 150,
            "operating_status": "operating",
        },
    )
    body = client.get(reverse("registry:employer_detail", args=[county.employer_a.pk]))
    history = list(body.context["history"])
    assert history[0].actor == bob and history[0].changes["headcount"] == [120, 150]
    assert "赵博" in body.content.decode()


def test_clerk_of_an_empty_union_may_add_the_first_member(client, county):
    from gonghui.conftest import make_user
    from gonghui.core.services.orgs import create_organisation

    new_union = create_organisation(
        actor=None, name="丁新厂工会", kind="grassroots", parent=county.town_b
    )
    clerk = make_user("newclerk", "clerk", new_union)
    client.force_login(clerk)
    response = client.get(reverse("registry:member_list"))
    assert response.context["can_add"] and names(response) == []
    assert client.get(reverse("registry:member_add")).status_code == 200


def test_member_list_shows_active_members_unless_asked(client, alice, county):
    from gonghui.registry.services import update_member

    update_member(
        actor=None, member=county.member_b, status="left", left_on=datetime.date(2025, 1, 1)
    )
    client.force_login(alice)
    url = reverse("registry:member_list")
    assert names(client.get(url)) == ["张甲明"]
    assert names(client.get(url, {"status": "left"})) == ["李乙华"]
    assert sorted(names(client.get(url, {"status": "all"}))) == ["张甲明", "李乙华"]


def test_editing_keeps_a_relation_outside_the_editors_scope(client, county):
    """A town clerk edits an employer on their territory whose union sits elsewhere: the union
    must survive the edit, not be silently dropped."""
    from gonghui.conftest import make_user
    from gonghui.core.services.orgs import create_organisation
    from gonghui.registry.services import update_employer

    industry = create_organisation(
        actor=None, name="快递行业工会联合会", kind="industry_union", parent=county.county
    )
    courier_union = create_organisation(
        actor=None, name="快递网点工会", kind="grassroots", parent=industry
    )
    update_employer(actor=None, employer=county.employer_a, union=courier_union)
    clerk = make_user("townclerk", "clerk", county.town_a)
    client.force_login(clerk)
    url = reverse("registry:employer_edit", args=[county.employer_a.pk])
    assert "快递网点工会" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "credit_code": county.employer_a.credit_code,
            "name": "甲机械厂",
            "territory": county.town_a.pk,
            "union": courier_union.pk,
            "ownership": "non_public",
            "headcount": 130,
            "operating_status": "operating",
        },
    )
    assert response.status_code == 302
    county.employer_a.refresh_from_db()
    assert county.employer_a.union == courier_union and county.employer_a.headcount == 130


def test_unknown_employer_code_is_refused_by_name(client, bob, county):
    client.force_login(bob)
    response = client.post(
        reverse("registry:member_add"),
        {
            "name": "孙新",
            "id_number": "11010519491231002X",
            "union": county.union_a.pk,
            "employer": county.employer_b.credit_code,
            "employment_form": "standard",
            "joined_on": "2025-06-01",
        },
    )
    assert "不在您的管理范围内" in response.content.decode()
    assert not Member.objects.filter(name="孙新").exists()


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "--name"},
        {"sort": "joined_on", "after": encode_cursor("zzz", 5)},
        {"sort": "name", "after": encode_cursor(None, 5)},
        {"after": "%%%"},
    ],
)
def test_bad_sort_or_cursor_falls_back_to_the_first_page(client, alice, county, params):
    client.force_login(alice)
    response = client.get(reverse("registry:member_list"), params)
    assert response.status_code == 200 and len(names(response)) == 2


def test_count_is_capped_on_huge_lists(client, alice, county, monkeypatch):
    from gonghui.core.views import generic

    monkeypatch.setattr(generic, "COUNT_CAP", 1)
    client.force_login(alice)
    response = client.get(reverse("registry:member_list"))
    assert response.context["page"].total_capped
    assert "共 1+ 条" in response.content.decode()


def test_short_chinese_name_matches_from_the_start(client, alice, county):
    client.force_login(alice)
    url = reverse("registry:member_list")
    assert names(client.get(url, {"q": "张甲"})) == ["张甲明"]
    assert names(client.get(url, {"q": "甲明"})) == []  # two characters: a prefix
    assert names(client.get(url, {"q": "张甲明"})) == ["张甲明"]


def test_home_explains_an_empty_scope(client, county):
    from gonghui.conftest import make_user

    client.force_login(make_user("lawyer2", "lawyer", county.county))
    body = client.get(reverse("core:org_tree")).content.decode()
    assert "城关镇总工会" not in body
