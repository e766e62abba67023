import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.search import text_q
from gonghui.registry.choices import (
    EmploymentForm,
    Industry,
    MemberStatus,
    OperatingStatus,
    Ownership,
    UnionStatus,
)
from gonghui.registry.models import Employer, Member

ALL = "all"


class EmployerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("搜索"), method="search")
    within = SubtreeFilter(label=_("所属组织"), path_lookups=("territory__path", "union__path"))
    union_status = django_filters.ChoiceFilter(
        label=_("建会状态"), choices=UnionStatus.choices, method="by_union_status"
    )
    ownership = django_filters.ChoiceFilter(label=_("经济类型"), choices=Ownership.choices)
    industry = django_filters.ChoiceFilter(label=_("行业"), choices=Industry.choices)
    operating_status = django_filters.ChoiceFilter(
        label=_("经营状态"), choices=OperatingStatus.choices
    )
    headcount_min = django_filters.NumberFilter(
        label=_("职工人数≥"), field_name="headcount", lookup_expr="gte"
    )
    has_party_branch = yes_no_filter(_("有党组织"))

    class Meta:
        model = Employer
        fields = [
            "q",
            "within",
            "union_status",
            "ownership",
            "industry",
            "operating_status",
            "headcount_min",
            "has_party_branch",
        ]

    def search(self, qs, name, value):
        return qs.filter(text_q(value, credit_code="credit_code")) if value else qs

    def by_union_status(self, qs, name, value):
        return qs.with_status(value) if value else qs


class MemberFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("搜索"), method="search")
    within = SubtreeFilter(label=_("所属组织"), path_lookups=("union__path",))
    status = django_filters.ChoiceFilter(
        label=_("会籍状态"),
        choices=[*MemberStatus.choices, (ALL, _("全部"))],
        empty_label=None,
        method="by_status",
    )
    employment_form = django_filters.ChoiceFilter(
        label=_("就业形态"), choices=EmploymentForm.choices
    )
    is_migrant_worker = yes_no_filter(_("农民工"))
    # Set by the link on an employer's page, not typed by a person.
    employer = django_filters.NumberFilter(
        label=_("工作单位"),
        field_name="employer_id",
        widget=forms.HiddenInput,
        # A whole number a database integer holds (SQLite overflows rather than matching none).
        min_value=1,
        max_value=2**63 - 1,
        decimal_places=0,
    )
    joined_from = django_filters.DateFilter(
        label=_("入会日期自"), field_name="joined_on", lookup_expr="gte"
    )
    joined_to = django_filters.DateFilter(
        label=_("入会日期至"), field_name="joined_on", lookup_expr="lte"
    )

    class Meta:
        model = Member
        fields = [
            "q",
            "within",
            "status",
            "employment_form",
            "is_migrant_worker",
            "employer",
            "joined_from",
            "joined_to",
        ]

    def __init__(self, data=None, *args, **kwargs):
        # A clerk opening the list means the members in the union now: active unless asked.
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = MemberStatus.ACTIVE
        super().__init__(data, *args, **kwargs)

    def search(self, qs, name, value):
        return qs.filter(text_q(value, person=True, latin_names=False)) if value else qs

    def by_status(self, qs, name, value):
        return qs if value in ("", ALL) else qs.filter(status=value)
