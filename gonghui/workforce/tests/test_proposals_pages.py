"""The review panel's pages and API never show who submitted a proposal (rendered, searched for
the name, the ID number and its masked form); the clerk's page does; the rates page renders."""

import pytest
from django.urls import reverse

from gonghui.workforce.proposals import services

pytestmark = pytest.mark.django_db
NAME, ID_NUMBER = "张甲明", "420324199003071231"


@pytest.fixture
def proposal(county):
    p = services.submit_proposal(member=county.member_a, category="suggestion", title="光幕改造",
                                 problem="冲床夹手", idea="加装光幕")  # fmt: skip
    services.start_review(actor=None, proposal=p)
    return p


def _never_the_submitter(body: str, county):
    member = county.member_a
    for secret in (NAME, ID_NUMBER, member.id_masked, f'"member": {member.pk}',
                   f"\"member\":{member.pk}", "甲机械厂"):  # fmt: skip
        assert secret not in body, secret


def test_panel_pages_never_show_the_submitter(client, county, erin, proposal):
    client.force_login(erin)
    for url in (reverse("workforce:panel_list"), proposal.panel_url):
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert "光幕改造" in body
        _never_the_submitter(body, county)


def test_panel_api_never_shows_the_submitter(client, county, erin, proposal):
    client.force_login(erin)
    for url in (reverse("workforce-proposal-review-list"),
                reverse("workforce-proposal-review-detail", args=[proposal.pk])):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200 and "光幕改造" in response.content.decode()
        _never_the_submitter(response.content.decode(), county)
    response = client.post(reverse("workforce-proposal-review-adopt", args=[proposal.pk]),
                           {"award_tier": "first"})  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "adopted"
    _never_the_submitter(response.content.decode(), county)


def test_panel_decides_on_its_page(client, county, frank, proposal):
    client.force_login(frank)
    response = client.post(reverse("workforce:panel_reject", args=[proposal.pk]),
                           {"reason": "现有方案已够用"}, follow=True)  # fmt: skip
    body = response.content.decode()
    assert "未采纳" in body
    _never_the_submitter(body, county)


def test_clerk_page_shows_the_submitter_and_rates(client, county, bob, proposal):
    client.force_login(bob)
    body = client.get(proposal.get_absolute_url()).content.decode()
    assert NAME in body
    body = client.get(reverse("workforce:proposal_rates")).content.decode()
    assert "甲机械厂工会" in body and "rates-employer" in body


def test_api_enters_a_proposal_for_a_member(client, county, bob, charlie):
    body = {"member": county.member_a.pk, "category": "idea", "title": "节能灯",
            "problem": "电耗高", "idea": "换节能灯"}  # fmt: skip
    client.force_login(charlie)
    assert client.post(reverse("workforce-proposal-list"), body).status_code == 400
    client.force_login(bob)
    response = client.post(reverse("workforce-proposal-list"), body)
    assert response.status_code == 201 and response.json()["channel"] == "clerk"
    assert response.json()["member_name"] == NAME
