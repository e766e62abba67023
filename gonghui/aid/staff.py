"""What every aid staff page checks first: aid is for the registry roles, so a lawyer, a station
keeper or a merchant's counter account gets 403 rather than an empty page."""

from django.core.exceptions import PermissionDenied

from gonghui.core.scoping import holds_role


def require_staff(user) -> None:
    if not holds_role(user):
        raise PermissionDenied


class StaffOnly:
    def dispatch(self, request, *args, **kwargs):
        require_staff(request.user)
        return super().dispatch(request, *args, **kwargs)
