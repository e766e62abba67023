"""Care campaign pages: scoping of the list and the visit list, the forms, htmx visit rows and
the xlsx export."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.aid.care import services as care
from gonghui.aid.models import CareCampaign, CareVisit
from gonghui.aid.tests.test_care_services import TODAY, file_for, make_campaign, visit_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(county):
    return make_campaign(county)


@pytest.fixture
def visited(county, campaign, bob, charlie):
    """张甲明 (town A) visited with 500 yuan; 李乙华 (town B) listed, not visited."""
    a = care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, member=county.member_a
    )
    care.record_visit(actor=bob, visit=a, **visit_fields())
    b = care.add_recipient(
        actor=charlie, campaign=campaign, union=county.union_b, member=county.member_b
    )
    return a, b


def sheet_rows(response) -> list[list]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content)))
    return book.get_sheet_by_index(0).to_python()


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def test_list_totals_are_scoped(client, county, campaign, visited, bob, charlie, alice):
    body = get(client, bob, "aid:care_list").content.decode()
    assert "冬送温暖" in body and "500.00" in body
    body = get(client, charlie, "aid:care_list").content.decode()
    assert "冬送温暖" in body and "500.00" not in body  # town A's visit is not charlie's
    response = get(client, alice, "aid:care_list")
    campaign_row = response.context["objects"][0]
    assert campaign_row.totals["people"] == 1 and campaign_row.totals["listed"] == 2


def test_detail_shows_only_the_users_unions(client, county, campaign, visited, bob, charlie):
    body = get(client, charlie, "aid:care_detail", campaign.pk).content.decode()
    assert "李乙华" in body and "张甲明" not in body and "420324********1231" not in body
    response = get(client, bob, "aid:care_detail", campaign.pk)
    body = response.content.decode()
    assert "张甲明" in body and "420324********1231" in body and "李乙华" not in body
    assert "420324199003071231" not in body
    assert response.context["totals"]["people"] == 1
    assert response.context["totals"]["cash"] == Decimal("500.00")


def test_detail_filters_visited(client, county, campaign, visited, alice):
    names = lambda r: [v.recipient_name for v in r.context["visits"]]  # noqa: E731
    assert names(get(client, alice, "aid:care_detail", campaign.pk, visited="true")) == ["张甲明"]
    assert names(get(client, alice, "aid:care_detail", campaign.pk, visited="false")) == ["李乙华"]
    response = get(client, alice, "aid:care_detail", campaign.pk, visited="false")
    assert response.context["filtered_totals"]["people"] == 0
    assert response.context["totals"]["people"] == 1  # the campaign's figures stay whole
    by_union = {r["union__name"]: r["people"] for r in response.context["by_union"]}
    assert by_union == {"甲机械厂工会": 1, "乙茶叶公司工会": 0}


def test_add_campaign_page(client, county, alice):
    client.force_login(alice)
    data = {
        "organisation": county.county.pk,
        "season": "summer",
        "name": "夏送清凉",
        "year": TODAY.year,
        "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "budget": "1000.00",
    }
    response = client.post(reverse("aid:care_add"), data)
    assert response.status_code == 200
    assert "不能早于开始日期" in response.content.decode()
    assert not CareCampaign.objects.exists()
    data["ends_on"] = (TODAY + datetime.timedelta(days=3)).isoformat()
    response = client.post(reverse("aid:care_add"), data)
    campaign = CareCampaign.objects.get()
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()


def test_town_clerk_cannot_edit_the_countys_campaign(client, campaign, bob):
    assert get(client, bob, "aid:care_edit", campaign.pk).status_code == 403


def test_add_recipient_by_id_number(client, county, campaign, bob):
    file_for(county.member_a)
    client.force_login(bob)
    url = reverse("aid:care_recipient_add", args=[campaign.pk])
    response = client.post(url, {"union": county.union_a.pk, "id_number": "420324198502110026"})
    assert "未找到该身份号码" in response.content.decode()  # 李乙华 is town B's
    response = client.post(url, {"union": county.union_a.pk, "id_number": "420324199003071231"})
    assert response.status_code == 302
    visit = CareVisit.objects.get()
    assert visit.member == county.member_a and visit.hardship_file is not None
    response = client.post(url, {"union": county.union_a.pk, "id_number": "420324199003071231"})
    assert "已在本活动的慰问名单中" in response.content.decode()
    response = client.post(url, {"union": county.union_a.pk, "recipient_name": ""})
    assert "请填写慰问对象姓名" in response.content.decode()
    assert CareVisit.objects.count() == 1


def test_recipient_add_offers_only_editable_unions(client, county, campaign, charlie):
    response = get(client, charlie, "aid:care_recipient_add", campaign.pk)
    unions = list(response.context["form"].fields["union"].queryset)
    assert county.union_b in unions and county.union_a not in unions


def test_add_filed_page(client, county, campaign, bob):
    file_for(county.member_a)
    client.force_login(bob)
    url = reverse("aid:care_add_filed", args=[campaign.pk])
    response = client.post(url, {"union": county.town_a.pk}, follow=True)
    assert "已将 1 户建档困难职工列入名单" in response.content.decode()
    response = client.post(url, {"union": county.union_b.pk}, follow=True)
    assert "请选择要列入名单的工会" in response.content.decode()
    assert CareVisit.objects.count() == 1


def test_record_visit_with_htmx(client, county, campaign, bob):
    visit = care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, member=county.member_a
    )
    client.force_login(bob)
    url = reverse("aid:care_visit", args=[visit.pk])
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<form" in response.content.decode()
    data = {"visited_on": TODAY.isoformat(), "visitors": "王主席", "cash": "300.00",
            "goods": "", "goods_value": "50.00"}  # fmt: skip
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert "请注明慰问物资" in response.content.decode()
    data["goods"] = "大米"
    response = client.post(url, data, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith("<tr") and "300.00" in body
    visit.refresh_from_db()
    assert visit.cash == Decimal("300.00") and visit.visitors == "王主席"


def test_record_visit_without_htmx_redirects(client, county, campaign, bob):
    visit = care.add_recipient(actor=bob, campaign=campaign, union=county.union_a,
                               recipient_name="老周")  # fmt: skip
    client.force_login(bob)
    url = reverse("aid:care_visit", args=[visit.pk])
    assert client.get(url).status_code == 200
    data = {"visited_on": TODAY.isoformat(), "visitors": "王主席", "cash": "100",
            "goods": "", "goods_value": "0"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302


def test_reviewer_sees_but_cannot_record(client, county, campaign, visited, frank):
    visit = visited[0]
    assert get(client, frank, "aid:care_detail", campaign.pk).status_code == 200
    assert get(client, frank, "aid:care_visit", visit.pk).status_code == 403


def test_remove_page(client, county, campaign, visited, bob):
    client.force_login(bob)
    other = care.add_recipient(actor=bob, campaign=campaign, union=county.union_a,
                               recipient_name="老周")  # fmt: skip
    response = client.post(reverse("aid:care_recipient_remove", args=[other.pk]), follow=True)
    assert "已移出名单" in response.content.decode()
    response = client.post(reverse("aid:care_recipient_remove", args=[visited[0].pk]), follow=True)
    assert "不能移出名单" in response.content.decode()
    assert CareVisit.objects.filter(pk=visited[0].pk).exists()


def test_export_is_masked_and_formula_safe(client, county, campaign, visited, bob):
    care.add_recipient(actor=bob, campaign=campaign, union=county.union_a,
                       recipient_name="=HYPERLINK(\"x\")")  # fmt: skip
    response = get(client, bob, "aid:care_export", campaign.pk)
    assert response.status_code == 200
    rows = sheet_rows(response)
    assert rows[0][0] == "所在工会"
    cells = [c for row in rows[1:] for c in row if c not in (None, "")]
    assert "420324********1231" in cells and "420324199003071231" not in cells
    assert '\'=HYPERLINK("x")' in cells
    assert "李乙华" not in cells  # town B's, not bob's
    assert "500.00" in cells


def test_export_follows_the_filters(client, county, campaign, visited, alice):
    response = get(client, alice, "aid:care_export", campaign.pk, visited="false")
    names = [row[1] for row in sheet_rows(response)[1:]]
    assert names == ["李乙华"]


@pytest.mark.parametrize("persona", ["lena", "stan"])
def test_lawyer_and_station_keeper_see_nothing(client, county, campaign, visited, persona,
                                               request):  # fmt: skip
    user = request.getfixturevalue(persona)
    client.force_login(user)
    for name, args in [
        ("aid:care_list", []),
        ("aid:care_add", []),
        ("aid:care_detail", [campaign.pk]),
        ("aid:care_export", [campaign.pk]),
        ("aid:care_recipient_add", [campaign.pk]),
        ("aid:care_visit", [visited[0].pk]),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code in (403, 404), name
    response = client.post(reverse("aid:care_add_filed", args=[campaign.pk]))
    assert response.status_code in (403, 404)
    response = client.post(reverse("aid:care_recipient_remove", args=[visited[1].pk]))
    assert response.status_code in (403, 404)
    assert CareVisit.objects.count() == 2
