"""The stored-document row every module's uploads share (证明材料, 证据材料, 会议纪要 …).

A concrete document adds what it belongs to and its `upload` field, whose `upload_to` names the
module's folder in private storage (gonghui.core.uploads); the rest — the checked type and size,
the SHA-256, who uploaded it and when — is the same everywhere, and so is how it is written and
discarded (`store_document`, `discard_document`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredDocument(models.Model):
    kind = models.CharField(_("材料类型"), max_length=50)
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

    audit_fields = ("kind", "original_name", "content_type", "size", "sha256")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kind}：{self.original_name}"
