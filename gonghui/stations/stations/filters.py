"""Filters of the station list (pages and API): name or address, kind, status, union subtree."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter
from gonghui.core.search import normalise
from gonghui.stations.choices import StationKind, StationStatus
from gonghui.stations.models import Station


class StationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("名称或地址"), method="search")
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=StationKind.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=StationStatus.choices)
    union = SubtreeFilter(label=_("责任工会"), path_lookups=("union__path",))

    class Meta:
        model = Station
        fields = ["q", "kind", "status", "union"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(name__icontains=value) | Q(address__icontains=value))
