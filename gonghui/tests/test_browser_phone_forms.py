"""Every form page fits a phone: at 390 px wide no page of the URL matrix that adds or edits
something is wider than the screen (tables scroll inside their .table-responsive)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.tests import test_url_scoping as matrix

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORM_WORDS = ("add", "edit", "new", "apply", "import", "transfer", "leave", "move", "unions",
              "units", "members", "password")  # fmt: skip


def form_pages(county, bob) -> list[str]:
    urls = [
        matrix.build(name, {})
        for name in sorted(matrix.LIST_URLS)
        if any(word in name for word in FORM_WORDS) and "-" not in name
    ]
    for name, (method, kwargs) in sorted(matrix.OBJECT_URLS.items()):
        if method == "GET" and any(word in name for word in FORM_WORDS) and "-" not in name:
            try:
                with transaction.atomic():
                    urls.append(matrix.build(name, kwargs(county, bob)))
            except (IntegrityError, ValidationError):
                # Two factories make the same record here (refused by a constraint or by the
                # service): the other's page is seen.
                continue
    return urls


def test_form_pages_fit_a_phone(live_server, county, alice, bob):
    urls = form_pages(county, bob)
    assert len(urls) > 10
    too_wide = []
    with browser_page(viewport={"width": 390, "height": 844}, is_mobile=True) as page:
        page.goto(live_server.url + "/login/")
        page.fill("#id_username", "alice")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/")
        for url in urls:
            response = page.goto(live_server.url + url)
            if response.status != 200 or not page.locator("meta[name=viewport]").count():
                continue  # refused here, or an htmx fragment of a page
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 391:
                too_wide.append(f"{url}: {width}px")
    assert not too_wide, "\n".join(too_wide)
