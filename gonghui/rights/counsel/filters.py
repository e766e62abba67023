"""Filters of the firm and counsel lists (pages and API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import OrgChoiceFilter, SubtreeFilter, yes_no_filter
from gonghui.core.models import OrgKind
from gonghui.core.search import normalise
from gonghui.registry.choices import Industry
from gonghui.rights.choices import CounselKind
from gonghui.rights.models import Counsel, LawFirm


def visible_firms(request):
    if request is None:
        return LawFirm.objects.none()
    return LawFirm.objects.visible_to(request.user).order_by("name", "pk")


class FirmFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("律所名称或联系人"), method="search")
    within = SubtreeFilter(label=_("所属工会"), path_lookups=("organisation__path",))
    is_active = yes_no_filter(_("合作中"))

    class Meta:
        model = LawFirm
        fields = ["q", "within", "is_active"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(name__icontains=value) | Q(contact__icontains=value))


class CounselFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名或执业证号"), method="search")
    kind = django_filters.ChoiceFilter(label=_("类别"), choices=CounselKind.choices)
    firm = django_filters.ModelChoiceFilter(label=_("所在律所"), queryset=visible_firms)
    town = OrgChoiceFilter(
        label=_("包干镇（街道）"), kinds=[OrgKind.TOWN_FEDERATION], field_name="towns"
    )
    industry = django_filters.ChoiceFilter(
        label=_("包干行业"), choices=Industry.choices, method="by_industry"
    )
    is_active = yes_no_filter(_("在册"))

    class Meta:
        model = Counsel
        fields = ["q", "kind", "firm", "town", "industry", "is_active"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(name__icontains=value) | Q(licence_no__icontains=value))

    def by_industry(self, qs, name, value):
        return qs.filter(industries__contains=value) if value else qs
