"""Who may open the rights pages. Staff (the registry roles) see their subtree; a lawyer or
mediator (role `lawyer`) reaches only the case pages, where `visible_to` gives them their own
cases. Everyone else (station keepers, counter accounts) gets 403 rather than an empty page."""

from django.core.exceptions import PermissionDenied

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role

COUNSEL_ROLES = frozenset({Role.LAWYER})


def is_staff(user) -> bool:
    return holds_role(user)


def is_counsel(user) -> bool:
    return holds_role(user, COUNSEL_ROLES)


def require_staff(user) -> None:
    if not is_staff(user):
        raise PermissionDenied


def require_case_user(user) -> None:
    """Case pages: staff, or a lawyer/mediator (who then sees only their assigned cases)."""
    if not (is_staff(user) or is_counsel(user)):
        raise PermissionDenied


class StaffOnly:
    def dispatch(self, request, *args, **kwargs):
        require_staff(request.user)
        return super().dispatch(request, *args, **kwargs)


class CaseUsersOnly:
    def dispatch(self, request, *args, **kwargs):
        require_case_user(request.user)
        return super().dispatch(request, *args, **kwargs)
