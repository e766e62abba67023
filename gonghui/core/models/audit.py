"""The audit log: who did what to which record, before and after. Written by services only."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.models.orgs import PREFIX_OPS
from gonghui.core.roles import Role
from gonghui.core.scoping import ScopedQuerySet


class AuditAction(models.TextChoices):
    CREATE = "create", _("新增")
    UPDATE = "update", _("修改")
    DELETE = "delete", _("删除")
    MOVE = "move", _("移动")
    REVEAL = "reveal", _("查看明文")
    GRANT = "grant", _("授权")
    REVOKE = "revoke", _("撤销授权")


class AuditEntryQuerySet(ScopedQuerySet):
    # Entries are scoped by the organisation path the record had when it was changed.
    scope_lookups = ("org_path",)
    scope_roles = frozenset({Role.ADMIN})

    def bulk_create(self, objs, *args, **kwargs):
        # bulk_create sends no post_save: tell the caches of the write here (core.versions).
        created = super().bulk_create(objs, *args, **kwargs)
        if any(entry.action != AuditAction.REVEAL for entry in created):
            from gonghui.core import versions

            versions.audited_write()
        return created

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).select_related("actor", "content_type")


class AuditEntry(models.Model):
    timestamp = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("操作"), max_length=10, choices=AuditAction.choices)
    # No index of its own: audit_object leads with it, and a large import writes one entry per
    # member, each entry paying for every index.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("对象"), max_length=200)
    org_path = models.CharField(max_length=255, blank=True)
    # {field: [before, after]}; personal data appears masked only.
    changes = models.JSONField(_("变更内容"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-timestamp"], name="audit_object"),
            models.Index(fields=["org_path"], name="audit_org_path", opclasses=PREFIX_OPS),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.get_action_display()} {self.object_repr}"

    def readable_changes(self) -> list[tuple]:
        """(field label, before, after) as a person reads them (core.audit_display): Chinese
        labels, choice labels, 是/否, local times, money with two places, lists as lists."""
        from gonghui.core.audit_display import readable_changes

        return [(row["label"], row["before"], row["after"]) for row in readable_changes(self)]
