"""Uploaded documents (证明材料) of hardship files and aid applications.

Files live in private storage outside the web root (settings.GONGHUI_PRIVATE_ROOT) under random
names; the database keeps the original name, the checked type and size, and a SHA-256. They are
served only through a scoped view, as attachments. gonghui.core.uploads checks what comes in.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import StoredDocument
from gonghui.core.scoping import ScopedQuerySet

# PrivateStorage stays importable here: migration aid 0001 names it by this path.
from gonghui.core.uploads import PrivateStorage, private_storage, random_name  # noqa: F401


def document_path(instance, filename: str) -> str:
    return random_name("aid")


class DocumentQuerySet(ScopedQuerySet):
    scope_lookups = ("file__union__path", "application__union__path")


class Document(StoredDocument):
    file = models.ForeignKey(
        "aid.HardshipFile",
        verbose_name=_("困难职工档案"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    application = models.ForeignKey(
        "aid.AidApplication",
        verbose_name=_("救助申请"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    upload = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("证明材料")
        verbose_name_plural = _("证明材料")
        constraints = [
            models.CheckConstraint(
                condition=Q(file__isnull=False, application__isnull=True)
                | Q(file__isnull=True, application__isnull=False),
                name="document_belongs_to_one_record",
            )
        ]

    @property
    def owner(self):
        return self.file if self.file_id else self.application

    @property
    def audit_org_path(self) -> str:
        return self.owner.union.path
