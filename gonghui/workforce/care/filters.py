"""Filters of the honourees' list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise
from gonghui.workforce.choices import HonoureeStatus
from gonghui.workforce.models import Honouree


class HonoureeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名"), method="search")
    status = django_filters.ChoiceFilter(label=_("状态"), choices=HonoureeStatus.choices)
    in_hardship = yes_no_filter(_("困难劳模"))
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Honouree
        fields = ["q", "status", "in_hardship", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(name__icontains=value) if value else qs
