"""Models of the statistical returns (统计年报).

A county's catalogue (指标目录) is versioned by year: each year's indicators and checks are rows
of that year's catalogue, copied from last year's and edited by the county's administrators, so
editing one year never changes another year's returns. A union's return (年报) belongs to one
catalogue and holds one value per indicator of the forms it files (a grassroots union the
基层工会 form; a union above the grassroots both forms, the first for its whole subtree)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.scoping import OfferedQuerySet, ScopedQuerySet
from gonghui.returns.choices import Aggregation, Form, Op, Origin, ReturnStatus


class Catalogue(models.Model):
    """Owned by a county federation, offered to every union below it (OfferedQuerySet)."""

    organisation = link("core.Organisation", _("县总工会"), related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = OfferedQuerySet.as_manager()

    audit_fields = ("organisation", "year", "note")

    class Meta:
        verbose_name = _("统计年报指标目录")
        verbose_name_plural = _("统计年报指标目录")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="returns_catalogue_once")
        ]

    def __str__(self) -> str:
        return _("%(y)d年统计年报指标目录") % {"y": self.year}

    def get_absolute_url(self) -> str:
        return reverse("returns:catalogue_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class CatalogueChildQuerySet(OfferedQuerySet):
    scope_lookups = ("catalogue__organisation__path",)

    def visible_to(self, user, roles=None):
        return self.filter(catalogue__in=Catalogue.objects.visible_to(user, roles))

    def editable_by(self, user):
        return self.filter(catalogue__in=Catalogue.objects.editable_by(user))


class Indicator(models.Model):
    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("指标目录"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("指标代码"), max_length=20)
    label = models.CharField(_("指标名称"), max_length=100)
    definition = models.TextField(_("统计口径"), blank=True)
    source = models.CharField(
        _("数据来源"), max_length=60, blank=True, help_text=_("系统数字的代码；留空为手工填报")
    )
    form = models.CharField(_("所在表式"), max_length=12, choices=Form.choices)
    cell = models.CharField(_("表中位置"), max_length=40, help_text=_("行次/栏次或单元格，如 C5"))
    unit = models.CharField(_("计量单位"), max_length=10, default="个")
    aggregation = models.CharField(
        _("汇总方式"), max_length=6, choices=Aggregation.choices, default=Aggregation.SUM
    )
    order = models.PositiveSmallIntegerField(_("序号"), default=0)

    objects = CatalogueChildQuerySet.as_manager()

    audit_fields = ("code", "label", "definition", "source", "form", "cell", "unit",
                    "aggregation", "order")  # fmt: skip

    class Meta:
        verbose_name = _("统计指标")
        verbose_name_plural = _("统计指标")
        ordering = ["catalogue", "form", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="returns_indicator_code")
        ]

    def __str__(self) -> str:
        return f"{self.label}（{self.code}）"

    @property
    def is_hand(self) -> bool:
        return not self.source

    @property
    def audit_org_path(self) -> str:
        return self.catalogue.organisation.path


class Rule(models.Model):
    """A logic check (逻辑校验): the sum of the left codes compared with the sum of the right."""

    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("指标目录"), on_delete=models.CASCADE, related_name="rules"
    )
    left = models.CharField(_("左边指标"), max_length=100, help_text=_("指标代码，多个用 + 连接"))
    op = models.CharField(_("关系"), max_length=2, choices=Op.choices)
    right = models.CharField(_("右边指标"), max_length=100, help_text=_("指标代码，多个用 + 连接"))
    note = models.CharField(_("说明"), max_length=100, blank=True)

    objects = CatalogueChildQuerySet.as_manager()

    audit_fields = ("left", "op", "right", "note")

    class Meta:
        verbose_name = _("逻辑校验")
        verbose_name_plural = _("逻辑校验")
        ordering = ["catalogue", "pk"]

    def __str__(self) -> str:
        return f"{self.left} {self.get_op_display()} {self.right}"

    @property
    def audit_org_path(self) -> str:
        return self.catalogue.organisation.path


class ReturnQuerySet(ScopedQuerySet):
    scope_lookups = ("union__path",)


def _by(label):
    return link(settings.AUTH_USER_MODEL, label, optional=True, related_name="+")


class Return(models.Model):
    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("指标目录"), on_delete=models.PROTECT, related_name="returns"
    )
    union = link("core.Organisation", _("填报工会"), related_name="+")
    status = models.CharField(
        _("状态"), max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    prefilled_at = models.DateTimeField(_("取数时间"), null=True, blank=True)
    submitted_by = _by(_("填报人"))
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    signed_by = _by(_("签发人"))
    signed_at = models.DateTimeField(_("签发时间"), null=True, blank=True)
    reviewed_by = _by(_("上级审核人"))
    reviewed_at = models.DateTimeField(_("上级审核时间"), null=True, blank=True)
    return_note = models.TextField(_("退回意见"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = ReturnQuerySet.as_manager()

    audit_fields = ("status", "submitted_by", "signed_by", "reviewed_by", "return_note")

    class Meta:
        verbose_name = _("统计年报")
        verbose_name_plural = _("统计年报")
        ordering = ["-catalogue__year", "union__path"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "union"], name="returns_return_once")
        ]
        indexes = [models.Index(fields=["status"], name="returns_return_status")]

    def __str__(self) -> str:
        return _("%(u)s %(y)d年统计年报") % {"u": self.union.name, "y": self.catalogue.year}

    def get_absolute_url(self) -> str:
        return reverse("returns:return_detail", args=[self.pk])

    @property
    def year(self) -> int:
        return self.catalogue.year

    @property
    def audit_org_path(self) -> str:
        return self.union.path


class ValueQuerySet(ScopedQuerySet):
    scope_lookups = ("ret__union__path",)


class Value(models.Model):
    ret = models.ForeignKey(
        Return, verbose_name=_("统计年报"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("统计指标"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=2, null=True, blank=True)
    origin = models.CharField(_("来源"), max_length=8, choices=Origin.choices)

    objects = ValueQuerySet.as_manager()

    audit_fields = ("indicator", "value", "origin")

    class Meta:
        verbose_name = _("年报数值")
        verbose_name_plural = _("年报数值")
        ordering = ["ret", "indicator__form", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["ret", "indicator"], name="returns_value_once")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.label}：{self.shown}"

    @property
    def shown(self) -> str:
        """The number as a person writes it: 120, 12.5 (never 1.2E+2)."""
        if self.value is None:
            return ""
        text = f"{self.value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    @property
    def audit_org_path(self) -> str:
        return self.ret.union.path
