"""The organisation picker, the county's own order of the tree, and pinyin initials matched
from any character of a name."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.core.forms import MoveForm, UserCreateForm
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.pickers import OrgPicker, path_labels
from gonghui.core.services.orgs import create_organisation, update_organisation
from gonghui.registry.models import Employer

pytestmark = pytest.mark.django_db


def pick(client, q, url=None):
    url = url or reverse("core:org_pick")
    sep = "&" if "?" in url else "?"
    response = client.get(f"{url}{sep}q={q}")
    assert response.status_code == 200
    return response.json()["results"]


@pytest.fixture
def jd(county):
    return create_organisation(
        actor=None, name="竹溪县京东物流有限公司工会", kind=OrgKind.GRASSROOTS, parent=county.town_a
    )


def test_initials_match_from_any_character(county, alice, client, jd):
    client.force_login(alice)
    found = pick(client, "jdwl")
    assert [r["name"] for r in found] == ["竹溪县京东物流有限公司工会"]
    assert found[0]["path"] == "测试县总工会 › 城关镇总工会 › 竹溪县京东物流有限公司工会"


def test_employer_initials_from_the_middle(county, alice, client):
    Employer.objects.filter(pk=county.employer_a.pk).update(name="竹溪县京东物流有限公司")
    employer = Employer.objects.get(pk=county.employer_a.pk)
    employer.save()
    client.force_login(alice)
    page = client.get(reverse("registry:employer_list"), {"q": "jdwl"})
    assert "竹溪县京东物流有限公司" in page.content.decode()


def test_picker_is_scoped(county, bob, charlie, client, jd):
    client.force_login(charlie)
    assert pick(client, "jdwl") == []
    assert pick(client, "城关") == []
    names = [r["name"] for r in pick(client, "")]
    assert "水坪镇总工会" in names and "城关镇总工会" not in names
    client.force_login(bob)
    assert [r["name"] for r in pick(client, "jdwl")] == ["竹溪县京东物流有限公司工会"]


def test_credit_code_finds_an_organisation(county, alice, client):
    update_organisation(actor=None, organisation=county.union_a, credit_code="81420324MA4F00001M")
    client.force_login(alice)
    assert [r["name"] for r in pick(client, "81420324")] == ["甲机械厂工会"]


def test_the_widget_carries_its_source_signed(county, bob, client):
    form = MoveForm(user=bob, organisation=county.union_a)
    html = form.as_div()
    url = re.search(r'data-url="([^"]+)"', html).group(1).replace("&amp;", "&")
    client.force_login(bob)
    names = [r["name"] for r in pick(client, "", url)]
    assert "城关镇总工会" in names and "甲机械厂工会" not in names  # not into its own subtree
    forged = url.split("?s=")[0] + "?s=" + url.split("?s=")[1][:-3] + "xyz"
    assert client.get(forged + "&q=").status_code == 404


def test_a_forged_value_never_shows_a_name_out_of_scope(county, charlie):
    form = MoveForm({"new_parent": county.town_a.pk}, user=charlie, organisation=county.union_b)
    assert not form.is_valid()
    assert "城关镇总工会" not in form.as_div()


def test_the_chosen_value_shows_name_and_path(county, alice):
    form = UserCreateForm(initial={"organisation": county.union_a.pk}, user=alice)
    html = str(form["organisation"])
    assert 'value="甲机械厂工会"' in html and "测试县总工会 › 城关镇总工会 › 甲机械厂工会" in html
    assert isinstance(form.fields["organisation"].widget, OrgPicker)


def test_filters_use_the_picker(county, alice, client):
    client.force_login(alice)
    page = client.get(reverse("registry:member_list"), {"within": county.town_a.pk})
    html = page.content.decode()
    assert "data-org-picker" in html and 'value="城关镇总工会"' in html
    assert "<option" not in html.split('name="within"')[1].split("</div>")[0]


def test_path_labels_in_one_query(county, django_assert_num_queries):
    orgs = [county.union_a, county.union_b, county.town_a]
    with django_assert_num_queries(1):
        labels = path_labels(orgs)
    assert labels[county.union_b.pk] == "测试县总工会 › 水坪镇总工会 › 乙茶叶公司工会"


def test_sort_order_is_the_administrators(county, alice, bob):
    with pytest.raises(ValidationError) as exc:
        update_organisation(actor=bob, organisation=county.union_a, sort_order=3)
    assert "sort_order" in exc.value.message_dict
    update_organisation(actor=alice, organisation=county.town_b, sort_order=1)
    update_organisation(actor=alice, organisation=county.town_a, sort_order=2)
    assert Organisation.objects.get(pk=county.town_b.pk).sort_order == 1


def test_tree_and_towns_follow_the_sort_order(county, alice, client):
    update_organisation(actor=alice, organisation=county.town_a, sort_order=9)
    client.force_login(alice)
    page = client.get(reverse("core:org_tree_children", args=[county.county.pk])).content.decode()
    assert page.index("水坪镇总工会") < page.index("城关镇总工会")
    update_organisation(actor=alice, organisation=county.town_a, sort_order=0)
    update_organisation(actor=alice, organisation=county.town_b, sort_order=9)
    page = client.get(reverse("core:org_tree_children", args=[county.county.pk])).content.decode()
    assert page.index("城关镇总工会") < page.index("水坪镇总工会")


def test_the_edit_form_offers_the_sort_number_to_administrators_only(county, alice, bob, client):
    client.force_login(bob)
    assert 'name="sort_order"' not in client.get(
        reverse("core:org_edit", args=[county.union_a.pk])
    ).content.decode()
    client.force_login(alice)
    assert 'name="sort_order"' in client.get(
        reverse("core:org_edit", args=[county.union_a.pk])
    ).content.decode()


def test_the_tree_has_a_search(county, bob, client, jd):
    client.force_login(bob)
    page = client.get(reverse("core:org_tree"), {"q": "jdwl"}).content.decode()
    assert "竹溪县京东物流有限公司工会" in page and "城关镇总工会 › 竹溪县京东物流" in page
    page = client.get(reverse("core:org_tree"), {"q": "乙茶叶"}).content.decode()
    assert "乙茶叶公司工会" not in page and "没有找到匹配的组织" in page
