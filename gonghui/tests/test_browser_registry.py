"""A town clerk's day in a real browser: log in, find a member, see the masked ID, and find
that another town's member does not exist for them."""

from pathlib import Path

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_town_clerk_searches_and_opens_a_member(live_server, county, bob):
    ARTIFACTS.mkdir(exist_ok=True)
    with browser_page() as page:
        page.goto(live_server.url + reverse("registry:member_list"))
        # Sent to the login page first.
        page.fill("#id_username", "bob")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/members/")
        assert "张甲明" in page.content()
        assert "李乙华" not in page.content()  # town B's member is not listed

        page.fill("#id_q", "zjm")
        page.click("form[role=search] button[type=submit]")
        page.wait_for_url("**q=zjm**")
        page.click("text=张甲明")
        page.wait_for_url(f"**/members/{county.member_a.pk}/")
        assert page.inner_text("#id-number") == "420324********1231"
        assert "420324199003071231" not in page.content()
        page.screenshot(path=str(ARTIFACTS / "member_detail.png"), full_page=True)

        # Revealing shows the number and is audited.
        page.click("#reveal-id")
        page.wait_for_selector("#id-number [data-revealed]")
        assert page.inner_text("#id-number") == "420324199003071231"

        response = page.goto(
            live_server.url + reverse("registry:member_detail", args=[county.member_b.pk])
        )
        assert response.status == 404
        assert "李乙华" not in page.content()
