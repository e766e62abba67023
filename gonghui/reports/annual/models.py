"""The frozen snapshot (年度报告快照): the figures a year's report used, so the same report can be
produced again after the data has moved on, and compared with the figures of today."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.roles import Role
from gonghui.core.scoping import ScopedQuerySet

# Who may see and generate annual reports: those who run a federation, keep its books or lead it.
REPORT_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.VIEWER})


class AnnualReportQuerySet(ScopedQuerySet):
    scope_lookups = ("organisation__path",)
    scope_roles = REPORT_ROLES


class AnnualReport(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"))
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("组织"), on_delete=models.PROTECT, related_name="+"
    )
    # {"current": {key: value}, "previous": {key: value}}: JSON-normalised (yuan as "2000.00").
    figures = models.JSONField(_("数据"), default=dict)
    # [{"id", "name", "figures": {key: value}}]: each direct child of the organisation.
    by_town = models.JSONField(_("分单位数据"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("生成人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    # Names in the private storage (gonghui.core.private_files), served by a scoped view only.
    docx_file = models.CharField(_("报告文档"), max_length=255, blank=True)
    xlsx_file = models.CharField(_("数据表格"), max_length=255, blank=True)
    rendered_at = models.DateTimeField(_("最近生成文件时间"), null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()

    # The files' storage names are not for people: the entry says which year of which org.
    audit_fields = ("year", "organisation")

    class Meta:
        verbose_name = _("年度报告快照")
        verbose_name_plural = _("年度报告快照")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "year"], name="annual_report_org_year")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}年度报告"

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path
