"""Users and roles: who may grant what, login lock-out, password rules, session expiry."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from gonghui.conftest import PASSWORD, make_user
from gonghui.core.models import AuditEntry, User
from gonghui.core.roles import Role
from gonghui.core.scoping import scope_paths
from gonghui.core.services.users import create_user, grant_role, revoke_role, set_active

pytestmark = pytest.mark.django_db


@pytest.fixture
def town_admin(county):
    return make_user("townadmin", Role.ADMIN, county.town_a)


def test_scope_paths_drop_nested_prefixes(county, bob):
    grant_role(
        actor=User(is_superuser=True), user=bob, role=Role.CLERK, organisation=county.union_a
    )
    assert scope_paths(bob) == [county.town_a.path]


def test_town_admin_grants_inside_own_subtree_only(county, town_admin):
    user = create_user(
        actor=town_admin,
        username="newclerk",
        name="新经办",
        password="Strong-pass-2026",
        role=Role.CLERK,
        organisation=county.union_a,
    )
    assert user.role_assignments.get().organisation == county.union_a
    with pytest.raises(PermissionDenied):
        grant_role(actor=town_admin, user=user, role=Role.ADMIN, organisation=county.county)
    with pytest.raises(PermissionDenied):
        create_user(
            actor=town_admin,
            username="x",
            name="x",
            password="Strong-pass-2026",
            role=Role.CLERK,
            organisation=county.town_b,
        )
    assert AuditEntry.objects.filter(action="grant").count() == 1


def test_town_admin_cannot_touch_county_users(county, town_admin, alice):
    with pytest.raises(PermissionDenied):
        set_active(actor=town_admin, user=alice, active=False)
    with pytest.raises(PermissionDenied):
        revoke_role(actor=town_admin, assignment=alice.role_assignments.get())
    # nor a user who also holds a role outside the town
    mixed = make_user("mixed", Role.CLERK, county.town_a)
    grant_role(actor=alice, user=mixed, role=Role.VIEWER, organisation=county.town_b)
    with pytest.raises(PermissionDenied):
        set_active(actor=town_admin, user=mixed, active=False)


def test_user_pages_for_admins_only(client, county, town_admin, bob, alice):
    client.force_login(bob)
    assert client.get(reverse("core:user_list")).status_code == 403
    client.force_login(town_admin)
    body = client.get(reverse("core:user_list")).content.decode()
    assert "bob" in body and "alice" not in body
    assert client.get(reverse("core:user_detail", args=[alice.pk])).status_code == 404


def test_admin_creates_user_through_the_page(client, county, town_admin):
    client.force_login(town_admin)
    response = client.post(
        reverse("core:user_add"),
        {
            "username": "clerk9",
            "name": "周九",
            "password": "weak",
            "role": Role.CLERK,
            "organisation": county.union_a.pk,
        },
    )
    assert response.status_code == 200 and not User.objects.filter(username="clerk9").exists()
    response = client.post(
        reverse("core:user_add"),
        {
            "username": "clerk9",
            "name": "周九",
            "password": "Zhou-jiu-2026",
            "role": Role.CLERK,
            "organisation": county.union_a.pk,
        },
    )
    assert response.status_code == 302
    # the county is not offered to a town admin
    response = client.post(
        reverse("core:user_add"),
        {
            "username": "clerk10",
            "name": "x",
            "password": "Zhou-jiu-2026",
            "role": Role.ADMIN,
            "organisation": county.county.pk,
        },
    )
    assert "organisation" in response.context["form"].errors


@pytest.mark.parametrize(
    "password",
    ["short1A", "abcdefghijk", "12345678901", "password123"],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_strong_password_passes():
    validate_password("Gonghui-county-2026")


def test_login_locks_out_after_five_failures(client, county, bob):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": "bob", "password": "wrong-password-1"})
    response = client.post(url, {"username": "bob", "password": PASSWORD})
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "hours,wait",
    [(0.5, "请 30 分钟后再试"), (2, "请 2 小时后再试"), (1.25, "请 1 小时 15 分钟后再试")],
)
def test_lock_out_page_says_how_long_from_the_setting(client, county, bob, hours, wait):
    url = reverse("login")
    with override_settings(AXES_COOLOFF_TIME=hours):
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            response = client.post(url, {"username": "bob", "password": "wrong-password-1"})
    assert response.status_code == 429
    assert wait in response.content.decode()


def test_login_works_and_resets(client, county, bob):
    response = client.post(reverse("login"), {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(bob.pk)


def test_sessions_expire():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle timeout, renewed while in use
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_inactive_user_sees_nothing(county, bob):
    from gonghui.registry.models import Member

    bob.is_active = False
    assert not Member.objects.visible_to(bob).exists()


def test_audit_log_page_is_scoped(client, county, town_admin):
    from gonghui.registry.services import update_member

    update_member(actor=None, member=county.member_b, name="李乙华华")
    client.force_login(town_admin)
    body = client.get(reverse("core:audit_list")).content.decode()
    assert "李乙华" not in body and "张甲明" in body


def test_peer_admins_cannot_lock_each_other_out(county, town_admin):
    peer = make_user("peer", Role.ADMIN, county.town_a)
    with pytest.raises(PermissionDenied):
        set_active(actor=town_admin, user=peer, active=False)
    with pytest.raises(PermissionDenied):
        grant_role(
            actor=town_admin,
            user=make_user("x2", Role.CLERK, county.union_a),
            role=Role.ADMIN,
            organisation=county.town_a,
        )
    # an admin of a union below the town is the town admin's to manage
    below = make_user("below", Role.ADMIN, county.union_a)
    set_active(actor=town_admin, user=below, active=False)
    assert AuditEntry.objects.filter(changes__has_key="below 启用").exists()


def test_user_pages_show_only_roles_in_scope(client, county, town_admin, alice):
    mixed = make_user("mixed", Role.CLERK, county.town_a)
    grant_role(actor=alice, user=mixed, role=Role.VIEWER, organisation=county.county)
    client.force_login(town_admin)
    for url in (reverse("core:user_list"), reverse("core:user_detail", args=[mixed.pk])):
        body = client.get(url).content.decode()
        assert "城关镇总工会" in body and "测试县总工会" not in body


def test_password_change(client, county, bob):
    client.force_login(bob)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "short",
            "new_password2": "short",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Chengguan-2027",
            "new_password2": "Chengguan-2027",
        },
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.check_password("Chengguan-2027")
