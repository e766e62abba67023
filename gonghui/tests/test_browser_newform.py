"""A courier joins the town's courier industry union (产业(行业)工会) directly from its QR
poster, in a real browser: no employer, the town's clerk approves at a desk, and the card on the
phone names the industry union."""

import pytest
from django.urls import reverse

from gonghui.browser import browser_page
from gonghui.core.models import OrgKind
from gonghui.core.services.orgs import create_organisation
from gonghui.portal.links import join_code
from gonghui.registry.choices import EmploymentForm, MemberStatus
from gonghui.tests.test_browser_portal import (
    ARTIFACTS,
    COURIER_ID,
    COURIER_PHONE,
    PHONE,
    PHONE_UA,
    application_from_url,
    approve_in_queue,
    desktop_page,
    empty_outbox,  # noqa: F401 - autouse fixture
    phone_sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURIERS = "城关镇快递行业工会"


def test_a_courier_joins_the_industry_union_from_its_poster(live_server, county, bob):
    ARTIFACTS.mkdir(exist_ok=True)
    couriers = create_organisation(
        actor=None, name=COURIERS, kind=OrgKind.INDUSTRY_UNION, parent=county.town_a
    )
    code = join_code(couriers)
    with browser_page(viewport=PHONE, user_agent=PHONE_UA, is_mobile=True) as phone:
        # The poster's QR code carries the join link.
        phone.goto(live_server.url + reverse("portal:join_poster", args=[code]))
        assert COURIERS in phone.content()
        phone.goto(live_server.url + reverse("portal:join", args=[code]))
        assert phone.inner_text("#union-name") == COURIERS
        phone.tap("#join-signin")
        phone_sign_in(phone, COURIER_PHONE)
        phone.wait_for_selector("#join-form")
        phone.fill("#id_name", "钱快递")
        phone.fill("#id_id_number", COURIER_ID)
        phone.check("#id_no_employer")
        phone.select_option("#id_employment_form", EmploymentForm.COURIER)
        phone.check("#id_consent")
        with phone.expect_navigation():
            phone.tap("#submit-join")
        application = application_from_url(phone)
        assert application.union == couriers and application.employer is None

        desk = desktop_page(phone, live_server, "bob")
        approve_in_queue(desk, live_server, application)
        application.refresh_from_db()
        member = application.result
        assert member.union == couriers and member.status == MemberStatus.ACTIVE

        phone.goto(live_server.url + reverse("portal:card", args=[member.pk]))
        assert phone.inner_text("#card-union") == COURIERS
        phone.screenshot(path=str(ARTIFACTS / "portal_card_industry_union.png"), full_page=True)
