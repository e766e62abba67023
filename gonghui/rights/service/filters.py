"""Filters of the service area's lists (pages and API): points by union, kind and state;
receptions by point, date range, topic and outcome; outreach by kind, union and date range."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.forms import DateInput
from gonghui.core.search import normalise
from gonghui.rights.choices import (
    CaseKind,
    OutreachKind,
    PointKind,
    ReceptionKind,
    ReceptionOutcome,
)
from gonghui.rights.models import DutySlot, Outreach, Reception, ServicePoint


def visible_points(request):
    if request is None:
        return ServicePoint.objects.none()
    return ServicePoint.objects.visible_to(request.user).order_by("organisation__path", "name")


class PointFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("名称或地址"), method="search")
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=PointKind.choices)
    organisation = SubtreeFilter(label=_("所属工会"), path_lookups=("organisation__path",))
    is_active = yes_no_filter(_("启用"))

    class Meta:
        model = ServicePoint
        fields = ["q", "kind", "organisation", "is_active"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(name__icontains=value) | Q(address__icontains=value))


class DateRangeMixin(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        label=_("起始日期"), field_name="date", lookup_expr="gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label=_("截止日期"), field_name="date", lookup_expr="lte", widget=DateInput()
    )


class ReceptionFilterSet(DateRangeMixin):
    point = django_filters.ModelChoiceFilter(label=_("服务点"), queryset=visible_points)
    kind = django_filters.ChoiceFilter(label=_("类别"), choices=ReceptionKind.choices)
    topic = django_filters.ChoiceFilter(label=_("事项"), choices=CaseKind.choices)
    outcome = django_filters.ChoiceFilter(label=_("处理结果"), choices=ReceptionOutcome.choices)

    class Meta:
        model = Reception
        fields = ["point", "date_from", "date_to", "kind", "topic", "outcome"]


class DutySlotFilterSet(DateRangeMixin):
    point = django_filters.ModelChoiceFilter(label=_("服务点"), queryset=visible_points)

    class Meta:
        model = DutySlot
        fields = ["point", "date_from", "date_to"]


class OutreachFilterSet(DateRangeMixin):
    q = django_filters.CharFilter(label=_("主题或地点"), method="search")
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=OutreachKind.choices)
    organisation = SubtreeFilter(label=_("所属工会"), path_lookups=("organisation__path",))

    class Meta:
        model = Outreach
        fields = ["q", "kind", "organisation", "date_from", "date_to"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(title__icontains=value) | Q(place__icontains=value))
