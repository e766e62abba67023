"""What the service pages share: scoped look-ups (404 out of scope) and errors as a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gonghui.core.views.access import require_role
from gonghui.rights.models import ServicePoint
from gonghui.rights.service import queries


def point_or_404(request, pk) -> ServicePoint:
    require_role(request.user)
    try:
        return queries.point_for(request.user, pk)
    except ServicePoint.DoesNotExist:
        raise Http404 from None


def editable_point(request, pk) -> ServicePoint:
    point = point_or_404(request, pk)
    if not queries.may_edit(request.user, point):
        raise PermissionDenied
    return point


def error_message(request, exc) -> None:
    messages.error(request, "；".join(exc.messages))
