"""Filters of the contracts area's lists (pages and API): contracts, rounds, democracy."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise
from gonghui.registry.models import Employer
from gonghui.rights.choices import ContractKind, ContractScope
from gonghui.rights.contracts.queries import EXPIRING_DAYS, contract_status_q
from gonghui.rights.models import BargainingRound, CollectiveContract

STATUS_CHOICES = [
    ("effective", _("有效")),
    ("expiring", _("90 天内到期")),
    ("expired", _("已到期")),
    ("pending", _("尚未生效")),
]


class ContractFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("合同名称"), method="search")
    kind = django_filters.ChoiceFilter(label=_("合同类别"), choices=ContractKind.choices)
    scope = django_filters.ChoiceFilter(label=_("签订层级"), choices=ContractScope.choices)
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=STATUS_CHOICES, method="by_status"
    )
    within = SubtreeFilter(label=_("签订工会"), path_lookups=("organisation__path",))

    class Meta:
        model = CollectiveContract
        fields = ["q", "kind", "scope", "status", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(title__icontains=value) if value else qs

    def by_status(self, qs, name, value):
        if not value:
            return qs
        today = timezone.localdate()
        if value == "expiring":
            return qs.expiring(today, EXPIRING_DAYS)
        return qs.filter(contract_status_q(value, today))


class RoundFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("行动名称"), method="search")
    year = django_filters.NumberFilter(label=_("年度"), min_value=0, max_value=32767)
    kind = django_filters.ChoiceFilter(label=_("协商内容"), choices=ContractKind.choices)
    within = SubtreeFilter(label=_("组织工会"), path_lookups=("organisation__path",))

    class Meta:
        model = BargainingRound
        fields = ["q", "year", "kind", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(name__icontains=value) if value else qs


class DemocracyFilterSet(django_filters.FilterSet):
    """Over `contract_queries.democracy_employers` (its `dm_*` annotations)."""

    q = django_filters.CharFilter(label=_("企业名称"), method="search")
    within = SubtreeFilter(
        label=_("所在乡镇或工会"), path_lookups=("territory__path", "union__path")
    )
    congress = yes_no_filter(_("已建职代会"), field_name="dm_congress")
    open_affairs = yes_no_filter(_("已行厂务公开"), field_name="dm_open_affairs")
    overdue = yes_no_filter(_("职代会超过一年未召开"), field_name="session_overdue")
    stars = django_filters.NumberFilter(
        label=_("星级"), field_name="dm_stars", min_value=0, max_value=5
    )

    class Meta:
        model = Employer
        fields = ["q", "within", "congress", "open_affairs", "overdue", "stars"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(name__icontains=value) if value else qs
