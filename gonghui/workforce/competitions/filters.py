"""Filters of the competition lists (pages and API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter
from gonghui.workforce.models import Competition, Entrant, HonourCandidate
from gonghui.workforce.models.competitions import (
    ContestKind,
    ContestLevel,
    ContestStatus,
    EntrantStatus,
)


class CompetitionFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("竞赛类别"), choices=ContestKind.choices)
    level = django_filters.ChoiceFilter(label=_("竞赛级别"), choices=ContestLevel.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=ContestStatus.choices)
    year = django_filters.NumberFilter(label=_("年度"))

    class Meta:
        model = Competition
        fields = ["year", "kind", "level", "status"]


class EntrantFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("状态"), choices=EntrantStatus.choices)
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Entrant
        fields = ["status", "within"]


class CandidateFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = HonourCandidate
        fields = ["within"]
