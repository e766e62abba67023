"""Read-side helpers for hardship files (selectors). Nothing here writes."""

from gonghui.aid.choices import HardshipStatus
from gonghui.aid.models import HardshipFile
from gonghui.core.scoping import path_q, scope_paths
from gonghui.registry.membership_queries import REVIEW_ROLES


def awaiting_decision_by(user):
    """Files waiting for a decision (待审核) that `user` decides: the level above the file's
    union, never whoever submitted it (services.may_decide also refuses an earlier
    contributor, checked on the file's page)."""
    paths = scope_paths(user, REVIEW_ROLES)
    if paths == []:
        return HardshipFile.objects.none()
    qs = (
        HardshipFile.objects.visible_to(user)
        .filter(status=HardshipStatus.PENDING, union__parent__isnull=False)
        .exclude(submitted_by=user)
    )
    if paths is not None:
        qs = qs.filter(path_q(("union__parent__path",), paths))
    return qs
