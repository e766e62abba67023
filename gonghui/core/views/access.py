"""Who may open a module's staff pages, checked before anything is read. Scoping decides *what*
a user sees; this decides whether the page is theirs at all: the registry roles work in every
module, so a lawyer, a station keeper or a merchant's counter account gets 403 rather than an
empty list. A module that lets another role in names it (rights lets lawyers into the case
pages).

    class CaseList(RoleRequired, ObjectListView):
        roles = STAFF_ROLES | {Role.LAWYER}

    @role_required()
    def board(request): ...
"""

from collections.abc import Iterable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gonghui.core.roles import REGISTRY_ROLES
from gonghui.core.scoping import holds_role

STAFF_ROLES = frozenset(REGISTRY_ROLES)


def require_role(user, roles: Iterable[str] = STAFF_ROLES) -> None:
    """403 unless `user` holds one of `roles` somewhere (a superuser holds them all)."""
    if not holds_role(user, roles):
        raise PermissionDenied


class RoleRequired:
    """A class-based view mixin: `roles` may open it (staff by default)."""

    roles: Iterable[str] = STAFF_ROLES

    def dispatch(self, request, *args, **kwargs):
        require_role(request.user, self.roles)
        return super().dispatch(request, *args, **kwargs)


def role_required(roles: Iterable[str] = STAFF_ROLES):
    """The same check for a function view."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            require_role(request.user, roles)
            return view(request, *args, **kwargs)

        return checked

    return decorate


def visible_or_404(request, model, pk, *related: str, roles: Iterable[str] = STAFF_ROLES):
    """The record `pk` of `model` if the user may open the pages (else 403) and sees it (else
    404: out of scope and non-existent look the same), with `related` selected."""
    require_role(request.user, roles)
    queryset = model.objects.visible_to(request.user).select_related(*related)
    return get_object_or_404(queryset, pk=pk)
