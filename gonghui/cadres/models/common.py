"""Scoping of the cadres rows: a social worker's file is seen by the union they serve and every
union above it (the registry roles there) and by the worker themselves (`own_rows`), whose role
`social_worker` gives no subtree: they see their own file and nothing else."""

from django.db.models import Q

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import ScopedQuerySet, scope_paths


class WorkerQuerySet(ScopedQuerySet):
    scope_lookups = ("organisation__path",)

    def own_rows(self, user):
        return Q(user=user)

    def active(self):
        return self.filter(is_active=True)


class FileQuerySet(ScopedQuerySet):
    """A row of a worker's file (records, attendance, training, reviews, assessments)."""

    scope_lookups = ("worker__organisation__path",)

    def own_rows(self, user):
        return Q(worker__user=user)


class FileOwned:
    """Audited under the path of the union the worker serves."""

    @property
    def audit_org_path(self) -> str:
        return self.worker.organisation.path


def ancestor_prefixes(paths) -> set[str]:
    """Every organisation path at or above the given paths."""
    found = set()
    for path in paths:
        segments = path.split("/")[:-1]
        found.update("/".join(segments[: i + 1]) + "/" for i in range(len(segments)))
    return found


class OfferedDownQuerySet(ScopedQuerySet):
    """Rows an organisation offers to its whole subtree (a course, a rating scheme): seen by
    the owner's subtree and those above (as usual) and by everyone below the owner. Editing
    stays with the owner's subtree and above. `offer_lookup` names the owner's path."""

    offer_lookup = "organisation__path"

    def visible_to(self, user, roles=None):
        seen = super().visible_to(user, roles)
        paths = scope_paths(user, roles if roles is not None else self.scope_roles)
        if not paths:
            return seen
        offered = Q(**{f"{self.offer_lookup}__in": ancestor_prefixes(paths)})
        return self.filter(Q(pk__in=seen.values("pk")) | offered)

    def editable_by(self, user):
        return super().visible_to(user, roles=EDIT_ROLES)
