"""The founding drive's worklist filters and its contact form."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.filters import SubtreeFilter, yes_no_filter
from gonghui.core.forms import DateInput, style
from gonghui.core.search import text_q
from gonghui.registry.choices import ContactOutcome
from gonghui.registry.founding_queries import CATEGORY_LABELS, categories
from gonghui.registry.models import Employer, FoundingContact


class TargetFilterSet(django_filters.FilterSet):
    """Filters over `founding_queries.targets` (its annotations are filtered on here)."""

    q = django_filters.CharFilter(label=_("搜索"), method="search")
    within = SubtreeFilter(label=_("乡镇/园区"), path_lookups=("territory__path", "union__path"))
    category = django_filters.ChoiceFilter(
        label=_("攻坚类别"), choices=list(CATEGORY_LABELS.items()), method="by_category"
    )
    contacted = yes_no_filter(_("已联系"), method="by_contacted")
    outcome = django_filters.ChoiceFilter(
        label=_("最近联系结果"), choices=ContactOutcome.choices, field_name="last_outcome"
    )
    next_overdue = yes_no_filter(_("下一步已逾期"), method="by_next_overdue")

    class Meta:
        model = Employer
        fields = ["q", "within", "category", "contacted", "outcome", "next_overdue"]

    def search(self, qs, name, value):
        return qs.filter(text_q(value, credit_code="credit_code")) if value else qs

    def by_category(self, qs, name, value):
        return qs.filter(categories(timezone.localdate())[value]) if value else qs

    def by_contacted(self, qs, name, value):
        return qs if value is None else qs.filter(last_contacted_on__isnull=not value)

    def by_next_overdue(self, qs, name, value):
        overdue = {"last_next_on__lt": timezone.localdate()}
        if value is None:
            return qs
        return qs.filter(**overdue) if value else qs.exclude(**overdue)


class ContactForm(forms.ModelForm):
    """Cleans the input; `founding.record_contact` checks the rest and writes."""

    class Meta:
        model = FoundingContact
        fields = [
            "contacted_on",
            "method",
            "contact_person",
            "outcome",
            "notes",
            "next_step",
            "next_on",
        ]
        widgets = {
            "contacted_on": DateInput(),
            "next_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("contacted_on", timezone.localdate())
        for field in self.fields.values():
            style(field)

    def save(self, commit=True):  # pragma: no cover - guard against bypassing the service
        raise NotImplementedError("save through founding.record_contact")
