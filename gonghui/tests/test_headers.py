"""Every response carries the safe headers; a signed-in person's pages are never stored."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gonghui.portal.tests.conftest import MEMBER_A_PHONE, sign_in

pytestmark = pytest.mark.django_db

NO_STORE = "no-store, private"


def assert_safe_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "img-src 'self' data:" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_staff_page_has_safe_headers_and_is_not_stored(client, bob):
    client.force_login(bob)
    response = client.get(reverse("registry:member_list"))
    assert response.status_code == 200
    assert_safe_headers(response)
    assert response["Cache-Control"] == NO_STORE


def test_portal_page_has_safe_headers_and_is_not_stored(client, county):
    sign_in(client, MEMBER_A_PHONE)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert_safe_headers(response)
    assert response["Cache-Control"] == NO_STORE


def test_api_response_has_safe_headers_and_is_not_stored(bob):
    token, _ = Token.objects.get_or_create(user=bob)
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get(reverse("member-list"))
    assert response.status_code == 200
    assert_safe_headers(response)
    assert response["Cache-Control"] == NO_STORE


def test_anonymous_login_page_has_safe_headers(client, county):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert_safe_headers(response)
