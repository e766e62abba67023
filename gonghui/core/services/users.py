"""Users and role grants. An administrator manages users in their subtree and cannot grant more
than they hold: a grant must lie inside one of the granter's admin subtrees."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, Organisation, RoleAssignment, User
from gonghui.core.roles import USER_ADMIN_ROLES, Role
from gonghui.core.scoping import forget_scope, holds_role_at, scope_paths


def can_grant_at(actor, organisation: Organisation) -> bool:
    # Unlike record writes, a grant always has a person behind it: no actor, no grant.
    return actor is not None and holds_role_at(actor, organisation, USER_ADMIN_ROLES)


def _strictly_below(actor, organisation: Organisation) -> bool:
    paths = scope_paths(actor, USER_ADMIN_ROLES)
    return paths is None or any(
        organisation.path.startswith(p) and organisation.path != p for p in paths
    )


def can_manage(actor, user: User) -> bool:
    """An admin manages a user only when every role of that user lies inside the admin's scope,
    so a town admin cannot touch (or lock out) a county user; and another admin only when that
    admin sits strictly below, so two admins of one union cannot lock each other out."""
    if actor.is_superuser:
        return True
    if user.is_superuser or user.pk == actor.pk:
        return False
    assignments = list(user.role_assignments.select_related("organisation"))
    if not assignments:
        return False
    for a in assignments:
        inside = (
            _strictly_below(actor, a.organisation)
            if a.role == Role.ADMIN
            else can_grant_at(actor, a.organisation)
        )
        if not inside:
            return False
    return True


def _grant(actor, user: User, role: str, organisation: Organisation) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError({"role": _("未知角色")})
    allowed = (
        _strictly_below(actor, organisation)
        if role == Role.ADMIN
        else can_grant_at(actor, organisation)
    )
    if not allowed:
        raise PermissionDenied(_("只能在本人管理范围内授权；管理员只能设在下级组织"))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, organisation=organisation
    )
    if created:
        audit.record(
            actor=actor,
            action=AuditAction.GRANT,
            obj=organisation,
            changes={"role": [None, f"{user.username}: {assignment.get_role_display()}"]},
        )
    forget_scope(user)
    return assignment


@transaction.atomic
def create_user(
    *, actor, username: str, name: str, password: str, role: str, organisation: Organisation
) -> User:
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": _("用户名已存在")})
    user = User(username=username, name=name)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    _grant(actor, user, role, organisation)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=organisation,
        changes={"user": [None, f"{user.username}（{user.name}）"]},
    )
    return user


@transaction.atomic
def grant_role(*, actor, user: User, role: str, organisation: Organisation) -> RoleAssignment:
    if user.role_assignments.exists() and not can_manage(actor, user):
        raise PermissionDenied(_("无权管理该用户"))
    return _grant(actor, user, role, organisation)


@transaction.atomic
def revoke_role(*, actor, assignment: RoleAssignment) -> None:
    if not can_manage(actor, assignment.user):
        raise PermissionDenied(_("无权管理该用户"))
    audit.record(
        actor=actor,
        action=AuditAction.REVOKE,
        obj=assignment.organisation,
        changes={"role": [f"{assignment.user.username}: {assignment.get_role_display()}", None]},
    )
    assignment.delete()
    forget_scope(assignment.user)


@transaction.atomic
def set_active(*, actor, user: User, active: bool) -> User:
    if not can_manage(actor, user):
        raise PermissionDenied(_("无权管理该用户"))
    before = user.is_active
    user.is_active = active
    user.save(update_fields=["is_active"])
    assignment = user.role_assignments.select_related("organisation").first()
    if before != active and assignment:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=assignment.organisation,
            changes={f"{user.username} 启用": [before, active]},
        )
    return user
