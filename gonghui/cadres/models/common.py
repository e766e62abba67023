"""Scoping of the cadres rows: a social worker's file is seen by the union they serve and every
union above it (the registry roles there) and by the worker themselves (`own_rows`), whose role
`social_worker` gives no subtree: they see their own file and nothing else."""

from django.db.models import Q

from gonghui.core.scoping import ScopedQuerySet


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
