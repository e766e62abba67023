"""A worker's visit to a duty desk that becomes a case, in a real browser.

The worker looks up the service points on the phone and sees who is on duty today at the town's
station; at the desk the town's clerk logs the visit about unpaid wages with the outcome
“转立维权案件”, lands on the new case, and the case lists the reception it came from.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.browser import browser_page
from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.rights.choices import CaseChannel, CaseStatus, PointKind
from gonghui.rights.models import Case, Counsel, DutySlot, Reception, ServicePoint
from gonghui.tests.test_browser_aid import ARTIFACTS, PHONE, PHONE_UA, desktop_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visit_at_the_duty_desk_becomes_a_case(live_server, county):
    ARTIFACTS.mkdir(exist_ok=True)
    make_user("bob", Role.CLERK, county.town_a, "赵博")
    lena = make_user("lena", Role.LAWYER, county.county, "郑律师")
    counsel = Counsel.objects.create(organisation=county.county, name="郑律师", user=lena)
    point = ServicePoint.objects.create(
        organisation=county.town_a, name="城关镇职工维权工作站", kind=PointKind.TOWN,
        address="城关镇人民路 1 号", hours="工作日 9:00—17:00", phone="0719-2000001",
    )  # fmt: skip
    DutySlot.objects.create(point=point, date=timezone.localdate(), session="day", counsel=counsel)

    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        # The worker finds the station and today's lawyer, without signing in.
        phone.goto(live_server.url + reverse("rights_portal:points"))
        card = phone.locator(f'[data-point="{point.pk}"]')
        assert (
            "人民路 1 号" in card.inner_text()
            and "郑律师" in card.locator("[data-duty]").inner_text()
        )
        phone.screenshot(path=str(ARTIFACTS / "rights_service_points.png"), full_page=True)

        # At the desk the clerk logs the visit, which becomes a case.
        desk = desktop_page(phone, live_server, "bob")
        desk.goto(live_server.url + reverse("rights:point_detail", args=[point.pk]))
        with desk.expect_navigation():
            desk.click("#reception-add")
        assert desk.input_value("#id_point") == str(point.pk)
        desk.select_option("#id_topic", "wages")
        desk.fill("#id_count", "1")
        desk.select_option("#id_counsel", str(counsel.pk))
        desk.fill("#id_note", "建筑工地务工三个月，工资 12000 元未结")
        desk.select_option("#id_outcome", label="转立维权案件")
        desk.fill("#id_complainant_name", "李建国")
        desk.fill("#id_phone", "13900002222")
        desk.fill("#id_employer_name", "城关镇某建筑工地")
        desk.fill("#id_amount_claimed", "12000")
        desk.screenshot(path=str(ARTIFACTS / "rights_service_reception.png"), full_page=True)
        with desk.expect_navigation():
            desk.click(".card-footer button[type=submit]")

        case = Case.objects.get()
        assert desk.url == live_server.url + reverse("rights:case_detail", args=[case.pk])
        assert (case.channel, case.status, case.service_point) == (
            CaseChannel.VISIT, CaseStatus.RECEIVED, point,
        )  # fmt: skip
        reception = Reception.objects.get()
        assert reception.case == case and reception.counsel == counsel
        listed = desk.locator(f'#case-receptions [data-reception="{reception.pk}"]').inner_text()
        assert "城关镇职工维权工作站" in listed and "拖欠工资" in listed
        assert "李建国" in desk.inner_text(".page-body")
        desk.screenshot(path=str(ARTIFACTS / "rights_service_case.png"), full_page=True)
