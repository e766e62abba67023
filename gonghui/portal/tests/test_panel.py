"""The join panel on a union's detail page: for those who see the union, nobody else."""

import pytest
from django.urls import reverse

from gonghui.portal import links

pytestmark = pytest.mark.django_db


def detail(client, org):
    return client.get(reverse("core:org_detail", args=[org.pk]))


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_the_union_shows_its_join_panel(client, county, persona, request):
    client.force_login(request.getfixturevalue(persona))
    body = detail(client, county.union_a).content.decode()
    code = links.join_code(county.union_a)
    assert 'id="join-panel"' in body
    assert reverse("portal:join_qr_png", args=[code]) in body
    assert reverse("portal:join_qr_svg", args=[code]) in body
    assert reverse("portal:join_poster", args=[code]) in body
    assert f"http://testserver/m/join/{code}/" in body


def test_town_b_does_not_see_town_a_s_panel(client, county, charlie):
    client.force_login(charlie)
    response = detail(client, county.union_a)
    assert response.status_code == 404
    assert links.join_code(county.union_a) not in response.content.decode()
    assert 'id="join-panel"' in detail(client, county.union_b).content.decode()


def test_federations_have_no_join_panel(client, county, alice):
    client.force_login(alice)
    assert 'id="join-panel"' not in detail(client, county.town_a).content.decode()
    assert 'id="join-panel"' not in detail(client, county.county).content.decode()


def test_the_panels_link_opens_the_join_page(client, county):
    code = links.join_code(county.union_a)
    body = client.get(reverse("portal:join", args=[code])).content.decode()
    assert "甲机械厂工会" in body
