"""What the labour-risk pages share: who may open them, scoped look-ups (404 out of scope) and
the step from a service's errors to a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role_at
from gonghui.rights.access import is_staff
from gonghui.rights.risk import queries as risk_queries


def require_risk_user(user) -> None:
    """Staff, or the account a monitoring point files its reports with."""
    if not (is_staff(user) or risk_queries.is_reporter(user)):
        raise PermissionDenied


def scoped(request, queryset, pk):
    """The object of a scoped queryset, or 404 (out of scope and non-existent look the same)."""
    return get_object_or_404(queryset, pk=pk)


def may_run_all(user) -> bool:
    """Running the whole evaluation and escalation now touches every employer and warning of
    the county: an administrator of the root organisation (or a superuser) only."""
    from gonghui.core.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    roots = Organisation.objects.filter(parent__isnull=True)
    return any(holds_role_at(user, root, {Role.ADMIN}) for root in roots)


def error_message(request, exc) -> None:
    messages.error(request, "；".join(exc.messages))
