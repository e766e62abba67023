from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from gonghui.core import workbench
from gonghui.core.roles import REGISTRY_ROLES, USER_ADMIN_ROLES, Role


class Scope:
    """What the page chrome needs to know about the user's reach."""

    def __init__(self, user):
        self.user = user
        assignments = (
            list(
                user.role_assignments.select_related("organisation").order_by("organisation__path")
            )
            if user.is_authenticated
            else []
        )
        self.assignments = assignments
        self.can_manage_users = user.is_superuser or any(
            a.role in USER_ADMIN_ROLES for a in assignments
        )
        self.sees_registry = user.is_superuser or any(a.role in REGISTRY_ROLES for a in assignments)
        # Lawyers and mediators reach the rights module's case pages (their own cases only).
        self.sees_rights = self.sees_registry or any(a.role == Role.LAWYER for a in assignments)
        # Station keepers reach the stations module (the stations they keep).
        self.sees_stations = self.sees_registry or any(
            a.role == Role.STATION_KEEPER for a in assignments
        )
        # Social workers reach the cadres module (their own growth file only).
        self.sees_cadres = self.sees_registry or any(
            a.role == Role.SOCIAL_WORKER for a in assignments
        )
        if user.is_superuser:
            self.label = _("系统管理员（全部）")
        else:
            self.label = "；".join(
                f"{a.organisation.name} · {a.get_role_display()}" for a in assignments
            )


def scope(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "scope": SimpleLazyObject(lambda: Scope(user)),
        # The sidebar's badges: one cached count of everything waiting (gonghui.core.workbench).
        "workbench": SimpleLazyObject(lambda: workbench.items_for(user, request)),
    }
