"""Filters of the social-worker list (page and API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import WorkerGrade
from gonghui.cadres.models import SocialWorker
from gonghui.core.filters import SubtreeFilter, yes_no_filter


class WorkerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名或岗位"), method="search")
    within = SubtreeFilter(label=_("服务工会"), path_lookups=("organisation__path",))
    grade = django_filters.ChoiceFilter(label=_("岗位等级"), choices=WorkerGrade.choices)
    is_active = yes_no_filter(_("在岗"))

    class Meta:
        model = SocialWorker
        fields = ["q", "within", "grade", "is_active"]

    def search(self, qs, name, value):
        value = (value or "").strip()
        return qs.filter(Q(name__icontains=value) | Q(post__icontains=value)) if value else qs
