"""Filters of the visit list (pages and API): station, source, occupation, date range."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput
from gonghui.stations.choices import Occupation, VisitSource
from gonghui.stations.models import Station, Visit


def visible_stations(request):
    if request is None:
        return Station.objects.none()
    return Station.objects.visible_to(request.user).order_by("name")


class VisitFilterSet(django_filters.FilterSet):
    station = django_filters.ModelChoiceFilter(label=_("驿站"), queryset=visible_stations)
    source = django_filters.ChoiceFilter(label=_("来源"), choices=VisitSource.choices)
    occupation = django_filters.ChoiceFilter(label=_("职业"), choices=Occupation.choices)
    date_from = django_filters.DateFilter(
        label=_("起始日期"), field_name="date", lookup_expr="gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label=_("截止日期"), field_name="date", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = Visit
        fields = ["station", "source", "occupation", "date_from", "date_to"]
