"""The behaviours that left inline handlers for static/gonghui/app.js still work under the
Content-Security-Policy (browser_page fails on any refusal): the organisation tree's toggle;
and the API's Swagger page, whose start-up script is a file of its own."""

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")


def test_org_tree_opens_and_closes(live_server, county, alice):
    with browser_page() as page:
        sign_in(page, live_server, "alice")
        page.goto(live_server.url + reverse("core:org_tree"))
        toggle = page.locator(f'[data-org="{county.county.pk}"] > button.tree-toggle')
        children = page.locator(f"#children-{county.county.pk}")
        toggle.click()
        children.locator("li").first.wait_for()
        assert toggle.get_attribute("aria-expanded") == "true" and toggle.inner_text() == "▾"
        assert children.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "false" and toggle.inner_text() == "▸"
        assert children.is_hidden()


def test_api_docs_render(live_server, county, alice):
    with browser_page() as page:
        sign_in(page, live_server, "alice")
        page.goto(live_server.url + reverse("api-docs"))
        page.locator("#swagger-ui .opblock").first.wait_for()
        assert "Gonghui" in page.inner_text("#swagger-ui .info")
