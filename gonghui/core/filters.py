"""FilterSets for the core pages and API."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from gonghui.core.forms import style
from gonghui.core.models import Organisation, OrgKind, OrgStatus
from gonghui.core.scoping import path_q
from gonghui.core.search import text_q


def visible_orgs(request):
    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.visible_to(request.user).order_by("path")


class YesNoWidget(django_filters.widgets.BooleanWidget):
    """是/否 with 全部 for "no filter" (the stock widget says 未知, "unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("全部")), ("true", _("是")), ("false", _("否"))]


def yes_no_filter(label, **kwargs) -> django_filters.BooleanFilter:
    return django_filters.BooleanFilter(label=label, widget=YesNoWidget, **kwargs)


# The federations: the levels a form offers first when a short list of organisations is wanted
# (e.g. who runs a programme).
BROWSE_KINDS = (
    OrgKind.COUNTY_FEDERATION,
    OrgKind.TOWN_FEDERATION,
    OrgKind.INDUSTRY_UNION,
    OrgKind.PARK_UNION,
)


@extend_schema_field(OpenApiTypes.INT)
class SubtreeFilter(django_filters.ModelChoiceFilter):
    """Rows within the subtree of a chosen (visible) organisation, through any of the lookups."""

    def __init__(self, *args, path_lookups: tuple[str, ...], **kwargs):
        self.path_lookups = path_lookups
        kwargs.setdefault("queryset", visible_orgs)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.filter(path_q(self.path_lookups, [value.path])) if value else qs


@extend_schema_field(OpenApiTypes.INT)
class OrgChoiceFilter(django_filters.ModelChoiceFilter):
    """Rows linked to one chosen (visible) organisation of `kinds`, e.g. a counsel's patch town;
    chosen with the organisation picker."""

    def __init__(self, *args, kinds, **kwargs):
        self.kinds = [str(k) for k in kinds]
        kwargs.setdefault(
            "queryset", lambda request: visible_orgs(request).filter(kind__in=self.kinds)
        )
        super().__init__(*args, **kwargs)


def prepare_form(filterset) -> None:
    """Tabler classes on every field; the organisation picker (any visible organisation, found by
    typing) for every organisation filter."""
    from gonghui.core.pickers import use_picker

    form = filterset.form
    request = getattr(filterset, "request", None)
    for name, field in form.fields.items():
        style(field)
        chosen = filterset.filters.get(name)
        if request is None:
            continue
        if isinstance(chosen, SubtreeFilter):
            use_picker(field, user=request.user, source="visible")
        elif isinstance(chosen, OrgChoiceFilter):
            use_picker(field, user=request.user, source="visible", kinds=chosen.kinds)


class OrganisationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("搜索"), method="search")
    kind = django_filters.ChoiceFilter(label=_("组织类型"), choices=OrgKind.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=OrgStatus.choices)
    within = SubtreeFilter(label=_("所属组织"), path_lookups=("path",))
    term_overdue = yes_no_filter(_("未按期换届"), method="overdue")

    class Meta:
        model = Organisation
        fields = ["q", "kind", "status", "within", "term_overdue"]

    def search(self, qs, name, value):
        return qs.filter(text_q(value, credit_code="credit_code")) if value else qs

    def overdue(self, qs, name, value):
        if value is None:
            return qs
        overdue = Organisation.objects.term_overdue()
        return qs.filter(pk__in=overdue) if value else qs.exclude(pk__in=overdue)
