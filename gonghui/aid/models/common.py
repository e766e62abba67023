"""What the aid models share: money columns, scoping of things an organisation offers to the
unions below it, and who did what when."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.money import CENT, MONEY, ZERO, money_field  # noqa: F401 (the aid modules import them from here)

# OfferedQuerySet moved to core (workforce shares it); the aid modules import it from here.
from gonghui.core.scoping import OfferedQuerySet, ScopedQuerySet, ancestor_paths  # noqa: F401


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
