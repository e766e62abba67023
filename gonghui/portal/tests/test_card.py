"""The member card and its verification by staff: valid, expired, tampered, inactive."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.portal import cards
from gonghui.registry import membership

pytestmark = pytest.mark.django_db


def verify(client, token):
    return client.get(reverse("portal:verify"), {"t": token})


def test_the_card_shows_the_membership_and_a_qr_code(member_a_client, county):
    body = member_a_client.get(reverse("portal:card", args=[county.member_a.pk])).content.decode()
    member = county.member_a
    assert "张甲明" in body and "甲机械厂工会" in body
    assert member.card_number in body and "2024-05-01" in body
    assert "<svg" in body and 'http-equiv="refresh"' in body
    # The QR code is drawn, not linked; the token travels in it only.
    assert "420324" not in body and "13812345678" not in body


def test_the_token_names_no_one():
    token = cards.card_token(mock.Mock(pk=42))
    assert token.split(":")[0] == "42"
    assert cards.check_card(token).verdict == cards.INVALID  # no such member


def test_a_valid_card_shows_the_masked_name(client, county, bob):
    client.force_login(bob)
    body = verify(client, cards.card_token(county.member_a)).content.decode()
    assert 'data-verdict="valid"' in body
    assert "张*明" in body and "张甲明" not in body
    assert "甲机械厂工会" in body and county.member_a.card_number in body


def test_an_expired_card(client, county, bob, settings):
    settings.GONGHUI_CARD_TOKEN_SECONDS = 600
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 601):
        token = cards.card_token(county.member_a)
    client.force_login(bob)
    body = verify(client, token).content.decode()
    assert 'data-verdict="expired"' in body and "张*明" not in body


def test_a_tampered_card(client, county, bob):
    token = cards.card_token(county.member_a)
    pk, rest = token.split(":", 1)
    client.force_login(bob)
    for bad in (f"{county.member_b.pk}:{rest}", token[:-3] + "abc", "nonsense"):
        body = verify(client, bad).content.decode()
        assert 'data-verdict="invalid"' in body and "李乙华" not in body and "李*华" not in body


def test_a_card_of_a_spell_that_ended(client, county, bob):
    token = cards.card_token(county.member_a)
    membership.leave(member=county.member_a, reason="退休", left_on=timezone.localdate())
    client.force_login(bob)
    body = verify(client, token).content.decode()
    assert 'data-verdict="inactive"' in body and "甲机械厂工会" not in body


def test_verification_needs_a_staff_role(client, county, django_user_model):
    token = cards.card_token(county.member_a)
    response = verify(client, token)
    assert response.status_code == 302 and "/login/" in response["Location"]
    nobody = django_user_model.objects.create_user(username="nobody", password="x")
    client.force_login(nobody)
    assert verify(client, token).status_code == 403
    keeper = make_user("keeper", Role.STATION_KEEPER, county.town_b)
    client.force_login(keeper)
    assert 'data-verdict="valid"' in verify(client, token).content.decode()


def test_the_card_qr_points_at_the_verification_page(member_a_client, county, settings):
    settings.GONGHUI_PORTAL_BASE_URL = "https://gh.example.cn"
    with mock.patch("gonghui.portal.links.qr_inline_svg", return_value="<svg></svg>") as draw:
        member_a_client.get(reverse("portal:card", args=[county.member_a.pk]))
    url = urlsplit(draw.call_args.args[0])
    assert (url.scheme, url.netloc, url.path) == ("https", "gh.example.cn", "/m/verify/")
    token = parse_qs(url.query)["t"][0]
    assert cards.check_card(token).member == county.member_a


@pytest.mark.parametrize(
    ("name", "masked"), [("张甲明", "张*明"), ("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("李", "*")]
)
def test_mask_name(name, masked):
    assert cards.mask_name(name) == masked
