"""Filters of the honours lists (pages)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter
from gonghui.core.search import normalise
from gonghui.workforce.choices import CycleStatus, Level, NominationStatus
from gonghui.workforce.models import Honour, HonourCycle, HonourKind, Nomination


class KindFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("级别"), choices=Level.choices)

    class Meta:
        model = HonourKind
        fields = ["level"]


class CycleFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("状态"), choices=CycleStatus.choices)

    class Meta:
        model = HonourCycle
        fields = ["year", "status"]


class NominationFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("状态"), choices=NominationStatus.choices)
    within = SubtreeFilter(label=_("推荐工会"), path_lookups=("union__path",))

    class Meta:
        model = Nomination
        fields = ["cycle", "status", "within"]


class HonourFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名、单位或证书编号"), method="search")
    level = django_filters.ChoiceFilter(
        label=_("级别"), choices=Level.choices, field_name="kind__level"
    )
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Honour
        fields = ["q", "level", "year", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(
            Q(honouree__name__icontains=value)
            | Q(employer__name__icontains=value)
            | Q(team_name__icontains=value)
            | Q(certificate_no__icontains=value)
        )
