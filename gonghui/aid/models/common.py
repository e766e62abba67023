"""What the aid models share: money columns, scoping of things an organisation offers to the
unions below it, and who did what when."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.money import CENT, MONEY, ZERO, money_field  # noqa: F401 (the aid modules import them from here)
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import ScopedQuerySet, path_q, scope_paths


def ancestor_paths(paths) -> list[str]:
    """Every path above or at each of `paths` ("1/2/3/" -> "1/", "1/2/", "1/2/3/")."""
    found: set[str] = set()
    for path in paths:
        segments = [s for s in path.split("/") if s]
        for i in range(1, len(segments) + 1):
            found.add("/".join(segments[:i]) + "/")
    return sorted(found)


class OfferedQuerySet(ScopedQuerySet):
    """Programmes, campaigns, plans, policies and merchants belong to the organisation that runs
    them and serve every union below it: a user sees those of their subtree and those of the
    organisations above them (a town clerk applies to the county's programme). Editing stays
    with the owner's subtree (`editable_by`)."""

    scope_lookups = ("organisation__path",)

    def visible_to(self, user, roles=None):
        paths = scope_paths(user, roles if roles is not None else self.scope_roles)
        if paths is None:
            return self
        if not paths:
            return self.none()
        return self.filter(
            path_q(self.scope_lookups, paths) | Q(organisation__path__in=ancestor_paths(paths))
        )

    def editable_by(self, user):
        return ScopedQuerySet.visible_to(self, user, roles=EDIT_ROLES)


class UnionScopedQuerySet(ScopedQuerySet):
    """Rows about a worker or an employer, seen by their union and everything above it."""

    scope_lookups = ("union__path",)


class OrgOwned(models.Model):
    """An abstract base: owned by an organisation, audited under its path."""

    organisation = link("core.Organisation", _("主办工会"), related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class UnionOwned(models.Model):
    """An abstract base: about someone in a union, audited under the union's path."""

    union = link("core.Organisation", _("所在工会"), related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.union.path
