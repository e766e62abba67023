"""Filters of the hardship-file list (困难职工档案)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import HardshipCause, HardshipLevel, HardshipStatus
from gonghui.aid.hardship.queries import awaiting_decision_by
from gonghui.aid.models import HardshipFile
from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise


class HardshipFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名或档案编号"), method="search")
    status = django_filters.ChoiceFilter(label=_("状态"), choices=HardshipStatus.choices)
    level = django_filters.ChoiceFilter(label=_("建档级别"), choices=HardshipLevel.choices)
    cause = django_filters.ChoiceFilter(
        label=_("致困原因"), choices=HardshipCause.choices, method="by_cause"
    )
    within = SubtreeFilter(label=_("所属工会"), path_lookups=("union__path",))
    mine = yes_no_filter(_("待我审核"), method="by_mine")

    class Meta:
        model = HardshipFile
        fields = ["q", "status", "level", "cause", "within", "mine"]

    def by_mine(self, qs, name, value):
        if value is None or self.request is None:
            return qs
        mine = awaiting_decision_by(self.request.user).values("pk")
        return qs.filter(pk__in=mine) if value else qs.exclude(pk__in=mine)

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(member__name__icontains=value) | Q(file_number=value))

    def by_cause(self, qs, name, value):
        # Causes are stored comma-joined; match a whole code, not a part of another.
        if not value:
            return qs
        return qs.filter(
            Q(causes=value)
            | Q(causes__startswith=f"{value},")
            | Q(causes__endswith=f",{value}")
            | Q(causes__contains=f",{value},")
        )
