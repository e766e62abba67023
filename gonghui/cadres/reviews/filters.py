"""Filters of the review and assessment lists (pages and API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import AssessmentStatus, Grade
from gonghui.cadres.models import AnnualAssessment, QuarterlyReview
from gonghui.cadres.records.filters import YearFilter
from gonghui.core.filters import SubtreeFilter


class ReviewFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=_("服务工会"), path_lookups=("worker__organisation__path",))
    year = YearFilter(label=_("年度"))
    quarter = YearFilter(label=_("季度"), min_value=1, max_value=4)

    class Meta:
        model = QuarterlyReview
        fields = ["within", "year", "quarter"]


class AssessmentFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=_("服务工会"), path_lookups=("worker__organisation__path",))
    year = YearFilter(label=_("年度"))
    grade = django_filters.ChoiceFilter(label=_("考核等次"), choices=Grade.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=AssessmentStatus.choices)

    class Meta:
        model = AnnualAssessment
        fields = ["within", "year", "grade", "status"]
