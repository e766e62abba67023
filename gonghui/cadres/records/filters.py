"""Filters of the monthly-record list (page and API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import RecordStatus
from gonghui.cadres.models import MonthlyRecord
from gonghui.core.filters import SubtreeFilter


class RecordFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=_("服务工会"), path_lookups=("worker__organisation__path",))
    status = django_filters.ChoiceFilter(label=_("状态"), choices=RecordStatus.choices)
    year = django_filters.NumberFilter(label=_("年度"), field_name="month", lookup_expr="year")

    class Meta:
        model = MonthlyRecord
        fields = ["within", "status", "year"]
