"""Uploaded documents (证明材料) of hardship files and aid applications.

Files live in private storage outside the web root (settings.GONGHUI_PRIVATE_ROOT) under random
names; the database keeps the original name, the checked type and size, and a SHA-256. They are
served only through a scoped view, as attachments. gonghui.core.uploads checks what comes in.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.scoping import ScopedQuerySet

# PrivateStorage stays importable here: migration aid 0001 names it by this path.
from gonghui.core.uploads import PrivateStorage, private_storage, random_name  # noqa: F401


def document_path(instance, filename: str) -> str:
    return random_name("aid")


class DocumentQuerySet(ScopedQuerySet):
    scope_lookups = ("file__union__path", "application__union__path")


class Document(models.Model):
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
    kind = models.CharField(_("材料类型"), max_length=50)
    upload = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=50)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("职工本人在职工端上传时为空"),
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    audit_fields = ("kind", "original_name", "content_type", "size", "sha256")

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

    def __str__(self) -> str:
        return f"{self.kind}：{self.original_name}"

    @property
    def owner(self):
        return self.file if self.file_id else self.application

    @property
    def audit_org_path(self) -> str:
        return self.owner.union.path
