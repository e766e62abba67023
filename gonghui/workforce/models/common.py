"""What the workforce models share: scoping by the union a record sits under, and the private
folder of its uploaded documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.scoping import ScopedQuerySet
from gonghui.core.uploads import random_name


class UnionScopedQuerySet(ScopedQuerySet):
    """Rows about a worker, a unit or a studio: seen by their union and everything above it."""

    scope_lookups = ("union__path",)


class InUnion(models.Model):
    """An abstract base: sits under a union, audited under the union's path."""

    union = models.ForeignKey(
        "core.Organisation", verbose_name=_("所在工会"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def audit_org_path(self) -> str:
        return self.union.path


def document_path(instance, filename: str) -> str:
    return random_name("workforce")
