"""A county model worker (县劳动模范) from the grassroots union to the worker's phone.

The clerk of 甲机械厂工会 nominates 张甲明 with the democratic appraisal and the workers'
congress minutes and sends it up; the town (城关镇) sends it on; the county records the four
vetting opinions, closes nominations, publishes the notice, logs an objection and answers it,
and approves with the decision's number (a certificate number is issued); the worker sees the
honour on the phone; the county's dashboard counts the honouree.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.tests.test_browser_aid import (
    PHONE,
    PHONE_UA,
    desktop_page,
    empty_outbox,  # noqa: F401 - the autouse fixture of the phone sign-in
    phone_sign_in,
)
from gonghui.workforce.choices import Agency, CycleStatus, NominationStatus
from gonghui.workforce.models import Honour, Nomination
from gonghui.workforce.tests.helpers import PDF, make_cycle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MEMBER_A_PHONE = "13812345678"


def post_and_wait(page, selector):
    with page.expect_navigation():
        page.click(selector)


def nominate(phone, live_server, county, cycle) -> Nomination:
    dora = desktop_page(phone, live_server, "dora")
    dora.goto(live_server.url + cycle.get_absolute_url())
    post_and_wait(dora, "#nominate")
    dora.click("#id_union")  # the organisation picker: type part of the name, pick by keyboard
    dora.keyboard.type(county.union_a.name[:3])
    dora.wait_for_selector(f"#id_union-list li[role=option]:has-text('{county.union_a.name}')")
    dora.keyboard.press("ArrowDown")
    dora.keyboard.press("Enter")
    assert dora.input_value("input[name=union]") == str(county.union_a.pk)
    dora.select_option("#id_member", str(county.member_a.pk))
    dora.select_option("#id_position", "front_line")
    dora.fill("#id_deeds", "主持数控机床技术革新十二项，带徒二十人")
    dora.fill("#id_appraised_on", "2026-03-02")
    dora.fill("#id_voters", "86")
    dora.fill("#id_votes_for", "81")
    dora.set_input_files("#id_minutes", files=[
        {"name": "职代会决议.pdf", "mimeType": "application/pdf", "buffer": PDF}
    ])  # fmt: skip
    post_and_wait(dora, ".page-body form button[type=submit]")
    assert "职代会决议.pdf" in dora.inner_text(".page-body")
    post_and_wait(dora, "#submit-nomination")
    nomination = Nomination.objects.get()
    assert nomination.status == NominationStatus.REVIEWING
    assert dora.locator("#send-on").count() == 0  # the submitter never decides
    return nomination


def county_work(phone, live_server, cycle, nomination) -> Honour:
    frank = desktop_page(phone, live_server, "frank")
    frank.goto(live_server.url + nomination.get_absolute_url())
    post_and_wait(frank, "#send-on")
    erin = desktop_page(phone, live_server, "erin")
    erin.goto(live_server.url + cycle.get_absolute_url())
    post_and_wait(erin, "#advance")
    assert erin.inner_text("#cycle-status") == "审查评审中"
    erin.goto(live_server.url + nomination.get_absolute_url())
    for agency in Agency.values:
        erin.select_option("#opinion_agency", agency)
        erin.select_option("#opinion_opinion", "agree")
        post_and_wait(erin, "#opinion-form button")
    assert erin.locator("#opinion-table tr").count() == 4
    erin.goto(live_server.url + cycle.get_absolute_url())
    today = datetime.date.today()
    erin.fill("#notice_starts_on", str(today - datetime.timedelta(days=7)))
    erin.fill("#notice_ends_on", str(today - datetime.timedelta(days=1)))
    post_and_wait(erin, "#publish")
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.NOTICE
    erin.goto(live_server.url + reverse("workforce:cycle_notice_page", args=[cycle.pk]))
    assert "张*明" in erin.inner_text("#notice-table")
    assert "张甲明" not in erin.inner_text("#notice-table")
    erin.goto(live_server.url + nomination.get_absolute_url())
    erin.fill("#objection_received_on", str(today - datetime.timedelta(days=3)))
    erin.fill("#objection_source", "来信")
    erin.fill("#objection_content", "反映其加班费发放有问题")
    post_and_wait(erin, "#objection-form button")
    erin.fill("#decision_document_number", "县工发〔2026〕18号")
    post_and_wait(erin, "#approve")
    assert "未答复" in erin.inner_text(".page-body") and not Honour.objects.exists()
    erin.fill(".answer-form textarea", "经核查，加班费已按规定发放，反映不属实")
    post_and_wait(erin, ".answer-form button")
    erin.fill("#decision_document_number", "县工发〔2026〕18号")
    post_and_wait(erin, "#approve")
    erin.screenshot(path=str(ARTIFACTS / "workforce_approved.png"), full_page=True)
    honour = Honour.objects.get()
    assert erin.inner_text("#certificate-no") == honour.certificate_no == "LM2026-001"
    return honour


def test_model_worker_from_nomination_to_the_phone(live_server, county, settings, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"
    make_user("dora", Role.CLERK, county.union_a, "孙朵拉")
    make_user("frank", Role.REVIEWER, county.town_a, "吴弗兰")
    make_user("erin", Role.REVIEWER, county.county, "周艾琳")
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    cycle = make_cycle(county)
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        nomination = nominate(phone, live_server, county, cycle)
        honour = county_work(phone, live_server, cycle, nomination)

        phone.goto(live_server.url + reverse("portal:home"))
        phone_sign_in(phone, MEMBER_A_PHONE)
        phone.wait_for_url("**/m/")
        with phone.expect_navigation():
            phone.tap("#workforce-home")
        honours = phone.inner_text("#my-honours")
        assert "2026年县劳动模范" in honours and honour.certificate_no in honours
        phone.screenshot(path=str(ARTIFACTS / "workforce_portal.png"), full_page=True)

        alice = desktop_page(phone, live_server, "alice")
        alice.goto(live_server.url + reverse("reports:dashboard"))
        card = alice.locator('#workforce-figures [data-figure="honourees"]')
        assert card.get_attribute("data-value") == "1"
        alice.screenshot(path=str(ARTIFACTS / "workforce_dashboard.png"), full_page=True)
