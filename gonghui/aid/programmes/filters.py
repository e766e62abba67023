"""Filters of the programme and application lists (pages and API)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import AidStatus, eligibility_choices
from gonghui.aid.models import AidApplication, Programme, ProgrammeKind
from gonghui.aid.programmes.queries import awaiting_review_by
from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise


def visible_programmes(request):
    if request is None:
        return Programme.objects.none()
    return Programme.objects.visible_to(request.user).order_by("-year", "name")


class ProgrammeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("项目名称"), method="search")
    year = django_filters.NumberFilter(label=_("年度"), min_value=0, max_value=32767)
    kind = django_filters.ModelChoiceFilter(
        label=_("项目类别"), queryset=ProgrammeKind.objects.all()
    )
    eligibility = django_filters.ChoiceFilter(label=_("申请对象"), choices=eligibility_choices)
    open_now = yes_no_filter(_("申请期内"), method="by_open")
    within = SubtreeFilter(label=_("主办工会"), path_lookups=("organisation__path",))

    class Meta:
        model = Programme
        fields = ["q", "year", "kind", "eligibility", "open_now", "within"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(name__icontains=value) if value else qs

    def by_open(self, qs, name, value):
        if value is None:
            return qs
        open_ = Programme.objects.open_on(timezone.localdate())
        return qs.filter(pk__in=open_) if value else qs.exclude(pk__in=open_)


class ApplicationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("申请人姓名"), method="search")
    programme = django_filters.ModelChoiceFilter(label=_("救助项目"), queryset=visible_programmes)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=AidStatus.choices)
    # The applicant's union (and everything below the chosen organisation).
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))
    mine = yes_no_filter(_("待我审核"), method="by_mine")

    class Meta:
        model = AidApplication
        fields = ["q", "programme", "status", "within", "mine"]

    def search(self, qs, name, value):
        value = normalise(value)
        return qs.filter(member__name__icontains=value) if value else qs

    def by_mine(self, qs, name, value):
        if value is None or self.request is None:
            return qs
        mine = awaiting_review_by(self.request.user).values("pk")
        return qs.filter(pk__in=mine) if value else qs.exclude(pk__in=mine)
