"""Headless Chromium for browser tests: Debian's package, driven by Playwright, never downloaded."""

import os
import shutil
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine's network is closed: no background calls home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


def require_chromium() -> str:
    path = chromium_path()
    if path:
        return path
    if os.environ.get("GONGHUI_REQUIRE_BROWSER"):
        pytest.fail("chromium is required (GONGHUI_REQUIRE_BROWSER) but was not found")
    pytest.skip("chromium not installed (apt-get install chromium)")


@contextmanager
def browser_page(
    *, viewport: dict | None = None, user_agent: str | None = None, is_mobile: bool = False
):
    """A page of a fresh context; `page.context.browser.new_context()` gives a second person.
    `user_agent` and `is_mobile` (with touch) make it a phone."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
    # around it are still plain synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=require_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        # Every context, the test's second person's too, reports what the Content-Security-Policy
        # refused (gonghui.core.middleware): a page that needs an inline script fails its test.
        refused: list[str] = []
        new_context = browser.new_context

        def note_refusal(message) -> None:
            if "Content Security Policy" in message.text:
                refused.append(message.text)

        def watched_context(**kwargs):
            context = new_context(**kwargs)
            context.on("console", note_refusal)
            return context

        browser.new_context = watched_context
        try:
            options = {"user_agent": user_agent} if user_agent else {}
            if is_mobile:
                options.update(is_mobile=True, has_touch=True)
            context = browser.new_context(
                viewport=viewport or {"width": 1280, "height": 900}, locale="zh-CN", **options
            )
            yield context.new_page()
        finally:
            browser.close()
        assert not refused, refused
