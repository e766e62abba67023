"""Filters of the course list (page and API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import CourseKind
from gonghui.cadres.models import Course
from gonghui.cadres.records.filters import YearFilter


class CourseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("培训名称或地点"), method="search")
    kind = django_filters.ChoiceFilter(label=_("类别"), choices=CourseKind.choices)
    year = YearFilter(label=_("年度"), field_name="starts_on", lookup_expr="year")

    class Meta:
        model = Course
        fields = ["q", "kind", "year"]

    def search(self, qs, name, value):
        value = (value or "").strip()
        return qs.filter(Q(title__icontains=value) | Q(place__icontains=value)) if value else qs
