"""A county skills contest from the worker's phone to the published ranking.

张甲明 registers on the phone (the page the competition's QR link opens); the clerk of his union
confirms; the county closes registration, enters a judge's marks on the two score sheets and
publishes; the ranking shows him first and his certificate prints.
"""

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
from gonghui.workforce.competitions import scoring
from gonghui.workforce.models import Entrant
from gonghui.workforce.tests.competition_helpers import make_contest, with_rounds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def click_and_wait(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_registration_scores_and_ranking(live_server, county):
    ARTIFACTS.mkdir(exist_ok=True)
    make_user("dora", Role.CLERK, county.union_a, "孙朵拉")
    make_user("alice", Role.ADMIN, county.county, "王爱丽")
    contest = make_contest(county.county, drop_extremes=False)
    t, p, written, quality, safety = with_rounds(contest)
    judge = scoring.add_judge(actor=None, competition=contest, name="技校评委",
                              employer_name="县技工学校")  # fmt: skip
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        register = reverse("workforce_portal:competition_register", args=[contest.pk])
        phone.goto(live_server.url + register)
        phone_sign_in(phone, "13812345678")
        phone.goto(live_server.url + register)
        phone.fill("#id_trade", "焊工")
        click_and_wait(phone, "#portal-register button")
        assert "待工会确认" in phone.inner_text("#my-entries")
        entrant = Entrant.objects.get()

        dora = desktop_page(phone, live_server, "dora")
        dora.goto(live_server.url + entrant.get_absolute_url())
        click_and_wait(dora, "#confirm")

        alice = desktop_page(phone, live_server, "alice")
        alice.goto(live_server.url + contest.get_absolute_url())
        assert alice.locator("#portal-qr svg").count() == 1
        alice.screenshot(path=str(ARTIFACTS / "competition_detail.png"), full_page=True)
        click_and_wait(alice, "#close-registration")
        assert alice.inner_text("#contest-status") == "比赛评分中"
        for rnd, marks in ((t, {written: "90"}), (p, {quality: "80", safety: "40"})):
            url = reverse("workforce:round_scores", args=[rnd.pk]) + f"?judge={judge.pk}"
            alice.goto(live_server.url + url)
            for criterion, value in marks.items():
                alice.fill(f"input[name=m_{entrant.pk}_{criterion.pk}]", value)
            click_and_wait(alice, "#save-scores")
        alice.goto(live_server.url + contest.get_absolute_url())
        click_and_wait(alice, "#publish")
        alice.goto(live_server.url + reverse("workforce:competition_ranking", args=[contest.pk]))
        row = alice.inner_text("#ranking tbody tr")
        assert "张甲明" in row and "85.00" in row  # (90 + 80) / 2
        alice.screenshot(path=str(ARTIFACTS / "competition_ranking.png"), full_page=True)
        alice.goto(live_server.url + reverse("workforce:entrant_certificate", args=[entrant.pk]))
        assert "荣获第1名" in alice.inner_text("#certificate")
