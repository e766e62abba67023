"""The application queue's filters (入会/转会申请审核)."""


import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core import pii
from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import FULL_ID, MOBILE, normalise
from gonghui.registry.choices import ApplicationKind, ApplicationStatus
from gonghui.registry.models import Application

ALL = "all"


class ApplicationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名"), method="search")
    kind = django_filters.ChoiceFilter(label=_("申请类型"), choices=ApplicationKind.choices)
    status = django_filters.ChoiceFilter(
        label=_("状态"),
        choices=[*ApplicationStatus.choices, (ALL, _("全部"))],
        empty_label=None,
        method="by_status",
    )
    # The receiving union: the one whose queue it is.
    within = SubtreeFilter(label=_("受理工会"), path_lookups=("union__path",))
    overdue = yes_no_filter(_("超期未处理"), method="by_overdue")

    class Meta:
        model = Application
        fields = ["q", "kind", "status", "within", "overdue"]

    def __init__(self, data=None, *args, **kwargs):
        # A queue opened without asking shows what waits for a decision.
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = ApplicationStatus.PENDING
        super().__init__(data, *args, **kwargs)

    def search(self, qs, name, value):
        """A name (or part of it); a whole ID or mobile number through its keyed hash."""
        value = normalise(value)
        if not value:
            return qs
        upper = value.upper()
        if FULL_ID.match(upper):
            return qs.filter(id_hash=pii.keyed_hash(upper))
        if MOBILE.match(value):
            return qs.filter(phone_hash=pii.keyed_hash(value))
        return qs.filter(name__icontains=value)

    def by_status(self, qs, name, value):
        return qs if value in ("", ALL) else qs.filter(status=value)

    def by_overdue(self, qs, name, value):
        if value is None:
            return qs
        today = timezone.localdate()
        if value:
            return qs.overdue(today)
        return qs.exclude(pk__in=Application.objects.overdue(today).values("pk"))
