"""The clerk's day in a real browser: sign in as a town clerk, see what waits on the workbench
(the overdue flagged, a badge in the sidebar), open the queue, decide an application, and find
the count dropped."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.registry.models import Application
from gonghui.registry.tests.test_application_pages import join

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
JOIN = '[data-item="registry.join"]'


def test_the_clerks_day(live_server, county, bob):
    ARTIFACTS.mkdir(exist_ok=True)
    old = join(county.union_a, "王早申")
    join(county.union_a, "李晚申")
    join(county.union_b, "赵外镇")  # town B's: never on bob's workbench
    Application.objects.filter(pk=old.pk).update(
        submitted_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    with browser_page() as page:
        page.goto(live_server.url + "/")
        page.fill("#id_username", "bob")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector("#workbench")
        row = page.locator(JOIN)
        assert row.get_attribute("data-count") == "2"
        assert row.get_attribute("data-overdue") == "1"
        assert "超期 1" in row.inner_text()
        assert page.inner_text('[data-badge="registry"]') == "2"
        page.screenshot(path=str(ARTIFACTS / "workbench.png"), full_page=True)

        row.locator("a", has_text="入会申请待审核").click()
        page.wait_for_url("**/applications/?kind=join**")
        body = page.content()
        assert "王早申" in body and "李晚申" in body and "赵外镇" not in body
        page.click("text=王早申")
        page.wait_for_selector("#approve")
        page.click("#approve")
        page.wait_for_load_state()

        page.click("a.navbar-brand, .navbar-brand a")
        page.wait_for_selector("#workbench")
        row = page.locator(JOIN)
        assert row.get_attribute("data-count") == "1"
        assert row.get_attribute("data-overdue") == "0"
        assert page.inner_text('[data-badge="registry"]') == "1"
