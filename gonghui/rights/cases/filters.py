"""Filters of the case list (page and API): status, kind, handling union, counsel, overdue, and a
search by case number or the applicant's or the employer's name."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import normalise
from gonghui.rights.choices import FINAL, CaseKind, CaseStatus
from gonghui.rights.models import Case, Counsel


def visible_counsel(request):
    if request is None:
        return Counsel.objects.none()
    return Counsel.objects.visible_to(request.user).order_by("name", "pk")


class CaseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("案件编号或姓名"), method="search")
    status = django_filters.ChoiceFilter(label=_("状态"), choices=CaseStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("案件类型"), choices=CaseKind.choices)
    union = SubtreeFilter(label=_("承办工会"), path_lookups=("union__path",))
    counsel = django_filters.ModelChoiceFilter(label=_("承办律师/调解员"), queryset=visible_counsel)
    overdue = yes_no_filter(_("已逾期"), method="by_overdue")

    class Meta:
        model = Case
        fields = ["q", "status", "kind", "union", "counsel", "overdue"]

    def search(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(
            Q(number__icontains=value)
            | Q(complainant_name__icontains=value)
            | Q(employer_name__icontains=value)
        )

    def by_overdue(self, qs, name, value):
        if value is None:
            return qs
        late = Q(due_on__lt=timezone.localdate()) & ~Q(status__in=FINAL)
        return qs.filter(late) if value else qs.exclude(late)
