"""Filters of the monthly-record list (page and API)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import RecordStatus
from gonghui.cadres.models import MonthlyRecord
from gonghui.core.filters import SubtreeFilter


class YearFilter(django_filters.Filter):
    """A calendar year, a whole number 2000–2100 (anything else answers 400, never a date
    lookup with year 0). Shared by the cadres lists."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class RecordFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=_("服务工会"), path_lookups=("worker__organisation__path",))
    status = django_filters.ChoiceFilter(label=_("状态"), choices=RecordStatus.choices)
    year = YearFilter(label=_("年度"), field_name="month", lookup_expr="year")

    class Meta:
        model = MonthlyRecord
        fields = ["within", "status", "year"]
