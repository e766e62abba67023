"""An API token ends with its owner's password and roles (gonghui/core/signals.py)."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gonghui.conftest import PASSWORD
from gonghui.core.services.users import revoke_role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Gonghui-new-2027"


def token_client(user) -> APIClient:
    token, _ = Token.objects.get_or_create(user=user)
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")


def test_a_password_change_on_the_page_ends_the_token(client, bob):
    api = token_client(bob)
    assert api.get(reverse("member-list")).status_code == 200
    client.force_login(bob)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert api.get(reverse("member-list")).status_code == 401
    assert not Token.objects.filter(user=bob).exists()


def test_a_password_set_anywhere_else_ends_the_token(bob):
    api = token_client(bob)
    bob.set_password(NEW_PASSWORD)
    bob.save()
    assert api.get(reverse("member-list")).status_code == 401


def test_other_saves_and_logins_keep_the_token(client, bob):
    api = token_client(bob)
    bob.first_name = "鲍"
    bob.save()
    response = client.post(reverse("login"), {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302
    assert api.get(reverse("member-list")).status_code == 200


def test_a_revoked_role_ends_the_token(alice, bob):
    api = token_client(bob)
    assert api.get(reverse("member-list")).status_code == 200
    revoke_role(actor=alice, assignment=bob.role_assignments.get())
    assert api.get(reverse("member-list")).status_code == 401
    assert not Token.objects.filter(user=bob).exists()
