"""Filters of the labour-risk lists (pages and API)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise
from gonghui.rights.choices import RiskLevel, RuleSource, WarningStatus
from gonghui.rights.models import (
    EmployerRisk,
    Grid,
    MonitoringPoint,
    MonthlyReport,
    RiskRule,
    RiskWarning,
)


class GridFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("网格名称"), method="search")
    within = SubtreeFilter(label=_("所属工会"), path_lookups=("organisation__path",))
    is_active = yes_no_filter(_("启用"))

    class Meta:
        model = Grid
        fields = ["q", "within", "is_active"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(name__icontains=value) if value else qs


class PointFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("企业名称"), method="search")
    grid = django_filters.NumberFilter(label=_("网格 id"), field_name="grid_id")
    is_active = yes_no_filter(_("启用"))

    class Meta:
        model = MonitoringPoint
        fields = ["q", "grid", "is_active"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(employer__name__icontains=value) if value else qs


class ReportFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("企业名称"), method="search")
    month = django_filters.DateFilter(label=_("所属月份（当月 1 日）"))
    point = django_filters.NumberFilter(label=_("监测点 id"), field_name="point_id")
    is_late = yes_no_filter(_("逾期报送"))
    within = SubtreeFilter(
        label=_("所在辖区"),
        path_lookups=("point__grid__organisation__path", "point__employer__territory__path"),
    )

    class Meta:
        model = MonthlyReport
        fields = ["q", "month", "point", "is_late", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(point__employer__name__icontains=value) if value else qs


class RuleFilterSet(django_filters.FilterSet):
    source = django_filters.ChoiceFilter(label=_("依据"), choices=RuleSource.choices)
    level = django_filters.ChoiceFilter(label=_("风险等级"), choices=RiskLevel.choices)
    within = SubtreeFilter(label=_("所属工会"), path_lookups=("organisation__path",))
    is_active = yes_no_filter(_("启用"))

    class Meta:
        model = RiskRule
        fields = ["source", "level", "within", "is_active"]


class LevelFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("风险等级"), choices=RiskLevel.choices)
    within = SubtreeFilter(label=_("所在辖区"), path_lookups=("employer__territory__path",))

    class Meta:
        model = EmployerRisk
        fields = ["level", "within"]


class WarningFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("状态"), choices=WarningStatus.choices)
    level = django_filters.ChoiceFilter(label=_("风险等级"), choices=RiskLevel.choices)
    overdue = yes_no_filter(_("超期未处置"), method="by_overdue")
    within = SubtreeFilter(label=_("责任工会"), path_lookups=("responsible__path",))

    class Meta:
        model = RiskWarning
        fields = ["status", "level", "overdue", "within"]

    def by_overdue(self, qs, name, value):
        if value is None:
            return qs
        overdue = RiskWarning.objects.unhandled().filter(due_at__lt=timezone.now())
        return (
            qs.filter(pk__in=overdue.values("pk"))
            if value
            else qs.exclude(pk__in=overdue.values("pk"))
        )
