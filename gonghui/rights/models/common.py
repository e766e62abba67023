"""What the rights models share: an owning organisation, and scoping through it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.scoping import ScopedQuerySet


class OrgScopedQuerySet(ScopedQuerySet):
    """Rows owned by an organisation, seen by that organisation's subtree (and those above)."""

    scope_lookups = ("organisation__path",)


class EmployerScopedQuerySet(ScopedQuerySet):
    """Rows about an employer, seen as the employer is: by whoever holds its town or park and by
    whoever holds the union covering it (registry.Employer's own scoping)."""

    scope_lookups = ("employer__territory__path", "employer__union__path")


class OrgOwned(models.Model):
    organisation = link("core.Organisation", _("所属工会"), related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class AboutEmployer(models.Model):
    employer = link("registry.Employer", _("企业"), related_name="+")

    objects = EmployerScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.employer.territory.path
