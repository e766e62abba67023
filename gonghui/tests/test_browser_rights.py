"""Unpaid wages from the phone to the county's figures, in a real browser.

A delivery rider (外卖骑手, no membership) reports unpaid wages on the phone; the legal-aid
centre's clerk at the county accepts the case and assigns lawyer 郑律师; she signs in, records
the mediation, the agreement and the yuan recovered; the clerk closes the case; the rider sees
it closed with the amount; the county dashboard counts the recovered yuan.
"""

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD, make_user
from gonghui.core import sms
from gonghui.core.roles import Role
from gonghui.rights.choices import CaseStatus
from gonghui.rights.models import Case, Counsel, LawFirm
from gonghui.tests.test_browser_aid import (
    ARTIFACTS,
    PHONE,
    PHONE_UA,
    desktop_page,
    phone_sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIDER_PHONE = "13700006666"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def report_on_the_phone(phone, live_server, county) -> Case:
    phone.goto(live_server.url + reverse("rights_portal:home"))
    phone_sign_in(phone, RIDER_PHONE)
    phone.goto(live_server.url + reverse("rights_portal:report"))
    phone.select_option("#id_kind", "wages")
    phone.fill("#id_employer_q", "城关镇快送站点")
    phone.select_option("#id_town", str(county.county.pk))  # 不清楚: the county's centre
    phone.fill("#id_facts", "三月起送餐工资未结，共欠 4800 元，站长说平台没打款。")
    phone.fill("#id_amount_claimed", "4800.50")
    phone.fill("#id_workers_involved", "1")
    phone.fill("#id_complainant_name", "刘骑手")
    phone.screenshot(path=str(ARTIFACTS / "rights_portal_report.png"), full_page=True)
    with phone.expect_navigation():
        phone.tap("#submit-report")
    assert phone.get_attribute("#rights-case", "data-status") == CaseStatus.RECEIVED
    return Case.objects.get(phone_masked="137****6666")


def lawyer_page(phone_page, live_server):
    """The lawyer signs in at a desk and lands on her own cases (she has no registry role)."""
    context = phone_page.context.browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "lena")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("rights:case_list"))
    return page


def take_step(page, step: str, fields: dict | None = None) -> None:
    box = page.locator(f'[data-step="{step}"]')
    for selector, value in (fields or {}).items():
        if selector.startswith("select:"):
            box.locator(selector[len("select:") :]).select_option(value)
        else:
            box.locator(selector).fill(value)
    with page.expect_navigation():
        box.locator("button[type=submit]").click()


def test_unpaid_wages_from_the_phone_to_the_dashboard(live_server, county, settings, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    make_user("hong", Role.CLERK, county.county, "洪经办")
    lena = make_user("lena", Role.LAWYER, county.county, "郑律师")
    firm = LawFirm.objects.create(organisation=county.county, name="明理律师事务所")
    counsel = Counsel.objects.create(
        organisation=county.county, firm=firm, name="郑律师", user=lena
    )

    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        case = report_on_the_phone(phone, live_server, county)
        detail = live_server.url + reverse("rights:case_detail", args=[case.pk])

        # The centre's clerk accepts it and assigns the lawyer.
        hong = desktop_page(phone, live_server, "hong")
        hong.goto(detail)
        assert "刘骑手" in hong.inner_text(".page-body")
        take_step(hong, "accept")
        take_step(hong, "assign", {"select:select": str(counsel.pk)})
        case.refresh_from_db()
        assert case.status == CaseStatus.ASSIGNED and case.counsel == counsel

        # The lawyer lands on her cases, mediates and records what was recovered.
        lawyer = lawyer_page(phone, live_server)
        assert case.number in lawyer.inner_text(".page-body")
        lawyer.goto(detail)
        take_step(lawyer, "mediate")
        take_step(
            lawyer,
            "outcome",
            {"select:select": "agreement", "input[name=amount_recovered]": "4800.50"},
        )
        # She proposes closure; the centre's clerk confirms it (a lawyer never closes a case).
        assert lawyer.locator('[data-step="close"]').count() == 0
        hong.goto(detail)
        take_step(hong, "close")
        case.refresh_from_db()
        assert case.status == CaseStatus.CLOSED and str(case.amount_recovered) == "4800.50"
        hong.screenshot(path=str(ARTIFACTS / "rights_case_closed.png"), full_page=True)

        # The rider sees the case closed, with the amount recovered.
        phone.goto(live_server.url + reverse("rights_portal:case", args=[case.pk]))
        assert phone.get_attribute("#rights-case", "data-status") == CaseStatus.CLOSED
        assert "4800.50" in phone.inner_text("#amount-recovered")
        phone.screenshot(path=str(ARTIFACTS / "rights_portal_closed.png"), full_page=True)

        # The county's dashboard counts the yuan recovered.
        alice = desktop_page(phone, live_server, "alice")
        alice.goto(live_server.url + reverse("reports:dashboard"))
        card = alice.locator('[data-figure="wages_recovered"]')
        assert card.get_attribute("data-value") == "4800.50"
        alice.screenshot(path=str(ARTIFACTS / "rights_dashboard.png"), full_page=True)
