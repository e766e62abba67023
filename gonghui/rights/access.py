"""Who may open the rights pages, on core.views.access. Staff (the registry roles) see their
subtree; a lawyer or mediator (role `lawyer`) reaches only the case pages, where `visible_to`
gives them their own cases. Everyone else (station keepers, counter accounts) gets 403 rather
than an empty page."""

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role
from gonghui.core.views.access import STAFF_ROLES, RoleRequired, require_role

COUNSEL_ROLES = frozenset({Role.LAWYER})
CASE_ROLES = STAFF_ROLES | COUNSEL_ROLES  # who may open the case pages


def is_staff(user) -> bool:
    return holds_role(user, STAFF_ROLES)


def is_counsel(user) -> bool:
    return holds_role(user, COUNSEL_ROLES)


def require_case_user(user) -> None:
    """Case pages: staff, or a lawyer/mediator (who then sees only their assigned cases)."""
    require_role(user, CASE_ROLES)


class CaseUsersOnly(RoleRequired):
    roles = CASE_ROLES
