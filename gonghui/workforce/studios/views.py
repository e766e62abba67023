"""Pages of studios and alliances: lists and detail pages (writes through studios.services)."""

import django_filters
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter
from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, visible_or_404
from gonghui.core.views.generic import ObjectListView
from gonghui.workforce.choices import Level, StudioStatus
from gonghui.workforce.models import Alliance, Studio


class StudioFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("命名级别"), choices=Level.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=StudioStatus.choices)
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Studio
        fields = ["level", "status", "within"]


class AllianceFilterSet(django_filters.FilterSet):
    class Meta:
        model = Alliance
        fields = ["basis"]


class StudioListView(RoleRequired, ObjectListView):
    model = Studio
    select_related = ("union", "employer", "leader_honouree", "leader_member")
    filterset_class = StudioFilterSet
    template_name = "workforce/studios/studio_list.html"
    default_sort = "pk"


def studio_detail(request, pk):
    studio = visible_or_404(request, Studio, pk, "union", "employer", "leader_honouree",
                            "leader_member")  # fmt: skip
    context = {
        "object": studio,
        "s": studio,
        "members": studio.members.all(),
        "grants": studio.grants.order_by("-granted_on"),
        "results": studio.results.all(),
        "reports": studio.reports.all(),
        "reviews": studio.reviews.all(),
        "alliances": studio.alliances.all(),
        "history": AuditEntry.objects.for_object(studio)[:50],
    }
    return render(request, "workforce/studios/studio_detail.html", context)


class AllianceListView(RoleRequired, ObjectListView):
    model = Alliance
    select_related = ("organisation",)
    filterset_class = AllianceFilterSet
    template_name = "workforce/studios/alliance_list.html"
    default_sort = "pk"


def alliance_detail(request, pk):
    alliance = visible_or_404(request, Alliance, pk, "organisation")
    studios = Studio.objects.visible_to(request.user).filter(alliances=alliance)
    return render(
        request,
        "workforce/studios/alliance_detail.html",
        {"object": alliance, "a": alliance, "studios": studios,
         "activities": alliance.activities.all(),
         "history": AuditEntry.objects.for_object(alliance)[:50]},
    )  # fmt: skip
