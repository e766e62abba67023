"""Data versions: a number per kind of derived data that every committed change of its sources
bumps (gonghui.core.versions). In the database, not in a cache, so that every web process reads
the same number and a cache keyed by it is never stale, whichever cache backend holds it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    name = models.CharField(_("名称"), max_length=50, primary_key=True)
    number = models.BigIntegerField(_("版本号"), default=0)

    class Meta:
        verbose_name = _("数据版本")
        verbose_name_plural = _("数据版本")

    def __str__(self) -> str:
        return f"{self.name} {self.number}"
