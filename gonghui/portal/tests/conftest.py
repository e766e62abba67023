"""Portal test helpers: a worker signs in the way a phone does (code by text message)."""

import re

import pytest
from django.urls import reverse

from gonghui.core import sms

COURIER_PHONE = "13700001111"
COURIER_ID = "420324199508150015"
MEMBER_A_PHONE = "13812345678"  # member_a 张甲明 (conftest)
MEMBER_B_PHONE = "13987654321"  # member_b 李乙华


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def last_code() -> str:
    return re.search(r"\d{6}", sms.outbox[-1].text).group()


def sign_in(client, phone: str, next_url: str = "") -> None:
    """The whole sign-in flow through the views."""
    data = {"phone": phone, "next": next_url} if next_url else {"phone": phone}
    response = client.post(reverse("portal:signin"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    response = client.post(reverse("portal:signin_code"), {"code": last_code()})
    assert response.status_code == 302


@pytest.fixture
def courier(client, county):
    """A client signed in as a courier who is not a member yet."""
    sign_in(client, COURIER_PHONE)
    return client


@pytest.fixture
def member_a_client(client, county):
    """A client signed in with member_a's phone."""
    sign_in(client, MEMBER_A_PHONE)
    return client
