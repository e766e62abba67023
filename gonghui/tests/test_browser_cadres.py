"""A social worker's year, in a real browser.

孙社工 (town A's social worker) signs in on the phone, files this month's record (the union's
figures prefilled) and submits it; town A's clerk reviews the quarter; the county administrator
sets the year's weights, scores and signs off the year's assessment; the worker's file, on the
phone, shows the grade.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.browser import browser_page
from gonghui.cadres.models import AnnualAssessment, MonthlyRecord, QuarterlyReview, SocialWorker
from gonghui.conftest import PASSWORD, make_user
from gonghui.core.roles import Role
from gonghui.tests.test_browser_aid import ARTIFACTS, PHONE, PHONE_UA, desktop_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_social_workers_year_from_the_phone_to_the_grade(live_server, county, settings, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    settings.GONGHUI_PRIVATE_ROOT = tmp_path
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    make_user("tom", Role.CLERK, county.town_a, "唐镇经办")
    sam = make_user("sam", Role.SOCIAL_WORKER, county.town_a, "孙社工")
    worker = SocialWorker.objects.create(
        organisation=county.town_a, name="孙社工", post="驻镇社工", user=sam
    )
    today = timezone.localdate()
    file_url = live_server.url + reverse("cadres:worker_detail", args=[worker.pk])

    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        phone.on("dialog", lambda dialog: dialog.accept())
        # The worker signs in on the phone and lands on her own file.
        phone.goto(live_server.url + reverse("login"))
        phone.fill("#id_username", "sam")
        phone.fill("#id_password", PASSWORD)
        phone.click("button[type=submit]")
        phone.wait_for_url(file_url)

        # She files this month's record: the union's figures come prefilled; she submits it.
        with phone.expect_navigation():
            phone.tap("#file-record")
        phone.fill("#id_month", today.strftime("%Y-%m"))
        phone.fill("#id_work_done", "走访辖区企业 6 家，协助 3 名快递员入会。")
        with phone.expect_navigation():
            phone.tap(".page-body .card-footer button[type=submit]")
        assert phone.locator('[data-figure="members_new"]').count() == 1
        with phone.expect_navigation():
            phone.tap("#submit-record")
        assert phone.get_attribute("#record-status", "data-status") == "submitted"
        assert phone.locator("#submit-record").count() == 0
        phone.screenshot(path=str(ARTIFACTS / "cadres_record_phone.png"), full_page=True)
        assert MonthlyRecord.objects.get(worker=worker).is_locked

        # Town A's clerk reviews the quarter.
        tom = desktop_page(phone, live_server, "tom")
        tom.goto(live_server.url + reverse("cadres:review_give", args=[worker.pk]))
        tom.select_option("#id_part", "union")
        tom.fill("#id_score", "88")
        tom.fill("#id_note", "走访扎实，入会工作突出")
        with tom.expect_navigation():
            tom.click(".page-body .card-footer button[type=submit]")
        review = QuarterlyReview.objects.get(worker=worker)
        assert review.union_score == 88

        # The county sets the year's weights, opens, scores and signs off the assessment.
        alice = desktop_page(phone, live_server, "alice")
        alice.goto(live_server.url + reverse("cadres:weights_list"))
        alice.fill("#id_year", str(today.year))
        alice.fill("#id_county_weight", "50")
        alice.fill("#id_host_weight", "30")
        alice.fill("#id_service_weight", "20")
        with alice.expect_navigation():
            alice.click(".page-body .card-footer button[type=submit]")
        assert f"{today.year}" in alice.inner_text("#weights-table")
        alice.goto(file_url)
        with alice.expect_navigation():
            alice.click("#open-assessment button[type=submit]")
        assert alice.input_value("#score-form #id_host_score") == "88.0"
        alice.fill("#score-form #id_county_score", "92")
        alice.fill("#score-form #id_appraisal_score", "90")
        with alice.expect_navigation():
            alice.click("#score-form button[type=submit]")
        with alice.expect_navigation():
            alice.click("#sign-off-form button[type=submit]")
        assert alice.get_attribute("#assessment-grade", "data-grade") == "excellent"
        assert alice.inner_text("#assessment-total") == "90.4"
        alice.screenshot(path=str(ARTIFACTS / "cadres_assessment.png"), full_page=True)
        assert AnnualAssessment.objects.get(worker=worker).is_locked

        # The worker's file, on the phone, shows the grade.
        phone.goto(file_url)
        timeline = phone.inner_text("#file-timeline")
        assert "年度考核" in timeline and "优秀" in timeline
        phone.screenshot(path=str(ARTIFACTS / "cadres_file_phone.png"), full_page=True)
