"""The worker's identity is the phone they proved; they see their own records and nothing else."""

import pytest
from django.urls import reverse

from gonghui.core import pii
from gonghui.portal.identity import PENDING_KEY, SESSION_KEY
from gonghui.portal.tests.conftest import (
    COURIER_ID,
    COURIER_PHONE,
    MEMBER_A_PHONE,
    last_code,
    sign_in,
)
from gonghui.registry import membership
from gonghui.registry.choices import EmploymentForm

pytestmark = pytest.mark.django_db


def test_portal_pages_ask_for_the_phone_first(client, county):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:signin"))
    assert "next=%2Fm%2F" in response["Location"]


def test_sign_in_keeps_the_phone_encrypted_in_the_session(client, county):
    client.post(reverse("portal:signin"), {"phone": COURIER_PHONE})
    assert COURIER_PHONE not in str(dict(client.session))
    assert pii.decrypt(client.session[PENDING_KEY]) == COURIER_PHONE
    key_before = client.session.session_key
    response = client.post(reverse("portal:signin_code"), {"code": last_code()})
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    data = client.session[SESSION_KEY]
    assert data["phone_hash"] == pii.keyed_hash(COURIER_PHONE)
    assert pii.decrypt(data["phone"]) == COURIER_PHONE
    assert COURIER_PHONE not in str(dict(client.session))
    assert PENDING_KEY not in client.session
    assert client.session.session_key != key_before  # no fixation


def test_a_worker_gets_no_staff_access(courier):
    response = courier.get(reverse("registry:member_list"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = courier.get(reverse("portal:verify"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_wrong_code_is_told_and_does_not_sign_in(client, county):
    client.post(reverse("portal:signin"), {"phone": COURIER_PHONE})
    code = last_code()
    response = client.post(
        reverse("portal:signin_code"), {"code": f"{(int(code) + 1) % 1_000_000:06d}"}
    )
    assert response.status_code == 200
    assert "验证码错误，还可尝试4次" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_bad_number_is_named(client, county):
    response = client.post(reverse("portal:signin"), {"phone": "2380000"})
    assert response.status_code == 200
    assert "手机号码" in response.content.decode()
    assert "应为11位" in response.content.decode()


def test_resend_within_a_minute_is_refused_with_the_wait(client, county):
    client.post(reverse("portal:signin"), {"phone": COURIER_PHONE})
    response = client.post(reverse("portal:signin_code"), {"resend": "1"})
    assert response.status_code == 200
    assert "秒后再重新获取" in response.content.decode()


def test_next_goes_back_to_a_local_page_only(client, county):
    join_path = "/m/transfer/"
    client.post(reverse("portal:signin"), {"phone": COURIER_PHONE, "next": join_path})
    response = client.post(
        reverse("portal:signin_code") + f"?next={join_path}", {"code": last_code()}
    )
    assert response["Location"] == join_path

    client.post(reverse("portal:signout"))
    client.post(reverse("portal:signin"), {"phone": "13700002222"})
    response = client.post(
        reverse("portal:signin_code") + "?next=https://evil.example/", {"code": last_code()}
    )
    assert response["Location"] == reverse("portal:home")


def test_sign_out_leaves_a_staff_login_alone(client, county, bob):
    client.force_login(bob)
    sign_in(client, COURIER_PHONE)
    client.post(reverse("portal:signout"))
    assert SESSION_KEY not in client.session
    assert client.get(reverse("portal:home")).status_code == 302
    assert client.get(reverse("registry:member_list")).status_code == 200


def test_home_shows_own_spells_and_nothing_of_others(member_a_client, county):
    body = member_a_client.get(reverse("portal:home")).content.decode()
    assert "甲机械厂工会" in body and "张甲明" in body
    assert "李乙华" not in body and "乙茶叶公司工会" not in body
    assert reverse("portal:card", args=[county.member_a.pk]) in body


def test_home_shows_own_applications_with_the_refusal_reason(client, county, bob):
    application = membership.submit_join(
        union=county.union_a,
        name="王快递",
        id_number=COURIER_ID,
        phone=COURIER_PHONE,
        employment_form=EmploymentForm.COURIER,
        consent_version="2026-11",
    )
    membership.refuse(actor=bob, application=application, reason="请先提供劳动合同")
    other = membership.submit_join(
        union=county.union_b,
        name="赵别人",
        id_number="420324199001010013",
        phone="13700009999",
        consent_version="2026-11",
    )
    sign_in(client, COURIER_PHONE)
    body = client.get(reverse("portal:home")).content.decode()
    assert "请先提供劳动合同" in body and "未通过" in body
    assert "赵别人" not in body
    detail = client.get(reverse("portal:application", args=[application.pk]))
    assert "请先提供劳动合同" in detail.content.decode()
    # Someone else's application, card and leave page: as if they did not exist.
    assert client.get(reverse("portal:application", args=[other.pk])).status_code == 404
    assert client.post(reverse("portal:application_withdraw", args=[other.pk])).status_code == 404
    assert client.get(reverse("portal:card", args=[county.member_b.pk])).status_code == 404
    assert client.get(reverse("portal:leave", args=[county.member_a.pk])).status_code == 404


def test_a_worker_without_records_sees_an_empty_page(courier):
    body = courier.get(reverse("portal:home")).content.decode()
    assert 'id="no-membership"' in body
    assert "张甲明" not in body


def test_member_a_phone_cannot_reach_member_b(member_a_client, county):
    for name in ("portal:card", "portal:leave"):
        response = member_a_client.get(reverse(name, args=[county.member_b.pk]))
        assert response.status_code == 404
    assert MEMBER_A_PHONE  # member_a's own card answers
    assert member_a_client.get(reverse("portal:card", args=[county.member_a.pk])).status_code == 200
