"""The portal speaks to the signed-in worker: a code sent less than a minute ago can still be
typed, 我的申请 lists every kind of application, the worker's name is filled in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.portal.hooks import (
    APPLICATION_SOURCES,
    ApplicationItem,
    register_application_source,
)
from gonghui.portal.links import join_code
from gonghui.portal.tests.conftest import COURIER_PHONE, MEMBER_A_PHONE, last_code, sign_in
from gonghui.registry import membership

pytestmark = pytest.mark.django_db


def test_a_code_sent_a_moment_ago_can_still_be_typed(client, county):
    client.post(reverse("portal:signin"), {"phone": COURIER_PHONE})
    code = last_code()
    # The worker went back to the number (or opened the page again) within the minute.
    client.get(reverse("portal:signin"))
    response = client.post(reverse("portal:signin"), {"phone": COURIER_PHONE})
    assert response.status_code == 302 and reverse("portal:signin_code") in response["Location"]
    response = client.post(reverse("portal:signin_code"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200


def test_my_applications_lists_every_module(client, county):
    membership.submit_join(
        union=county.union_a, name="孙甲新", id_number="420324199201150010",
        phone=MEMBER_A_PHONE, employer=county.employer_a, employment_form="standard",
        is_migrant_worker=False, consent_version="2025-1",
    )  # fmt: skip

    def other_module(worker, limit):
        return [
            ApplicationItem(
                title="帮扶申请：金秋助学", place="城关镇总工会", status="审核中", tone="pending",
                at=timezone.now() + datetime.timedelta(minutes=1), url="/m/aid/applications/1/",
            )  # fmt: skip
        ]

    register_application_source(other_module)
    try:
        sign_in(client, MEMBER_A_PHONE)
        body = client.get(reverse("portal:home")).content.decode()
    finally:
        APPLICATION_SOURCES.remove(other_module)
    section = body[body.index('id="my-applications"') :]
    assert section.index("帮扶申请：金秋助学") < section.index("入会 · 甲机械厂工会")


def test_the_workers_name_is_filled_in(client, county):
    sign_in(client, MEMBER_A_PHONE)  # 张甲明's phone
    url = reverse("portal:join", args=[join_code(county.union_b)]) + "?form=1"
    body = client.get(url).content.decode()
    assert 'name="name" value="张甲明"' in body
