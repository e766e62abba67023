"""A clerk looks a worker up by the whole ID number, in a real browser, and the number never
reaches the web server's access log or the address bar (core/sealed_search.py). The live
server's request log, silent in tests, is recorded line by line for the test to read."""

import pytest
from django.test.testcases import QuietWSGIRequestHandler
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.tests.test_browser_aid import desktop_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ID_A = "420324199003071231"


@pytest.fixture
def access_log(monkeypatch) -> list[str]:
    lines: list[str] = []

    def record(handler, format, *args):
        lines.append(format % args)  # the request line: method, path with its query, status

    monkeypatch.setattr(QuietWSGIRequestHandler, "log_message", record)
    return lines


def test_a_search_by_whole_id_number_leaves_no_trace_in_the_access_log(
    live_server, county, alice, access_log
):
    with browser_page() as first:
        page = desktop_page(first, live_server, "alice")
        page.goto(live_server.url + reverse("registry:member_list"))
        page.fill("#id_q", ID_A)
        with page.expect_navigation():
            page.click("form[role=search] button[type=submit]")
        assert county.member_a.name in page.inner_text("table")
        assert county.member_b.name not in page.inner_text("table")
        assert ID_A not in page.url and "q=~" in page.url
        page.reload()  # the sealed address keeps working in this session
        assert county.member_a.name in page.inner_text("table")
    searches = [line for line in access_log if "/members/" in line]
    assert any("POST /members/" in line for line in searches)
    assert any("GET /members/?q=~" in line for line in searches)
    assert not [line for line in access_log if ID_A in line]
