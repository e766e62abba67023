"""Who may open the stations pages, on core.views.access: the registry roles (their subtree's
stations) and station keepers (`station_keeper`: the stations they keep, through `visible_to`'s
own rows). Everyone else (lawyers, counter accounts) gets 403."""

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role
from gonghui.core.views.access import STAFF_ROLES, RoleRequired, require_role

STATION_ROLES = STAFF_ROLES | frozenset({Role.STATION_KEEPER})


def is_staff(user) -> bool:
    return holds_role(user, STAFF_ROLES)


def require_station_user(user) -> None:
    require_role(user, STATION_ROLES)


class StationUsersOnly(RoleRequired):
    roles = STATION_ROLES
