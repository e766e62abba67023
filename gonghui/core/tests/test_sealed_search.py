"""A whole ID number or phone never enters a URL (core/sealed_search.py): search forms post,
the list's address carries an opaque token, the pages' links keep the token, a clear number in
a URL is sealed by a redirect, and the API takes exact look-ups in the body only."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ID_A, PHONE_A = "420324199003071231", "13812345678"


def search(client, query: str, **extra):
    return client.post(reverse("registry:member_list"), {"_search": "1", "q": query, **extra})


@pytest.mark.parametrize("query", [ID_A, PHONE_A, "４２０３２４１９９００３０７１２３１"])
def test_a_search_by_a_whole_number_finds_the_member_without_the_number_in_any_url(
    client, county, alice, query
):
    client.force_login(alice)
    posted = search(client, query, status="active")
    assert posted.status_code == 303
    location = posted["Location"]
    assert ID_A not in location and PHONE_A not in location and "q=~" in location
    assert "status=active" in location  # the other filters still bookmark
    page = client.get(location)
    body = page.content.decode()
    assert county.member_a.name in body and county.member_b.name not in body
    assert ID_A not in body.replace(f'value="{ID_A}"', "")  # only the search box shows it


def test_a_name_stays_in_the_address(client, county, alice):
    client.force_login(alice)
    posted = search(client, "张甲明")
    assert "q=%E5%BC%A0" in posted["Location"]


def test_a_clear_number_in_a_url_is_sealed_by_a_redirect(client, county, alice):
    client.force_login(alice)
    response = client.get(reverse("registry:member_list"), {"q": ID_A})
    assert response.status_code == 303 and ID_A not in response["Location"]
    assert county.member_a.name in client.get(response["Location"]).content.decode()


def test_a_token_is_the_sessions_own(client, county, alice, bob):
    client.force_login(alice)
    location = search(client, ID_A)["Location"]
    client.force_login(bob)  # a new session: the token opens nothing
    assert county.member_a.name not in client.get(location).content.decode()


def test_the_api_takes_exact_look_ups_in_the_body_only(client, county, alice):
    client.force_login(alice)
    refused = client.get("/api/members/", {"q": ID_A})
    assert refused.status_code == 400 and "POST /api/members/search/" in refused.json()["q"][0]
    found = client.post("/api/members/search/", {"q": ID_A}, content_type="application/json")
    assert found.status_code == 200
    assert [m["id"] for m in found.json()["results"]] == [county.member_a.pk]


def test_town_b_finds_nothing_of_town_a_by_number(client, county, charlie):
    client.force_login(charlie)
    found = client.post("/api/members/search/", {"q": ID_A}, content_type="application/json")
    assert found.json()["results"] == []
    assert county.member_a.name not in client.get(search(client, ID_A)["Location"]).content.decode()
