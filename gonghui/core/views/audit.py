"""The audit log page (审计日志): an administrator's subtree, filtered by who, module and kind of
record, the record, action and dates, paged by keyset, every value as people read it
(core.audit_display) and every entry linked to its record."""

import django_filters
from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from gonghui.core.audit_display import readable_changes, record_url
from gonghui.core.filters import prepare_form
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.roles import USER_ADMIN_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.search import normalise
from gonghui.core.views.generic import PAGE_SIZE, keyset_page, url_with


def _project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("gonghui.")]


def module_choices():
    labels = {m._meta.app_label: str(m._meta.app_config.verbose_name) for m in _project_models()}
    return sorted(labels.items(), key=lambda kv: kv[0])


def kind_choices():
    rows = [
        (
            f"{m._meta.app_label}.{m._meta.model_name}",
            f"{m._meta.app_config.verbose_name} · {m._meta.verbose_name}",
        )
        for m in _project_models()
    ]
    return sorted(rows)


class AuditFilterSet(django_filters.FilterSet):
    who = django_filters.CharFilter(label=_("操作人"), method="by_who")
    module = django_filters.ChoiceFilter(
        label=_("模块"), choices=module_choices, field_name="content_type__app_label"
    )
    kind = django_filters.ChoiceFilter(label=_("记录类型"), choices=kind_choices, method="by_kind")
    q = django_filters.CharFilter(label=_("记录名称"), method="by_name")
    action = django_filters.ChoiceFilter(label=_("操作"), choices=AuditAction.choices)
    date_from = django_filters.DateFilter(
        label=_("日期自"), field_name="timestamp", lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    date_to = django_filters.DateFilter(
        label=_("日期至"), field_name="timestamp", lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    # From links (an entry's record, an entry's actor): ids, not shown in the form.
    object = django_filters.CharFilter(
        field_name="object_id", widget=forms.HiddenInput, label=_("记录编号")
    )
    actor = django_filters.NumberFilter(
        field_name="actor_id", widget=forms.HiddenInput, label=_("操作人编号")
    )

    class Meta:
        model = AuditEntry
        fields = ["who", "module", "kind", "q", "action", "date_from", "date_to", "object", "actor"]

    def by_who(self, qs, name, value):
        value = normalise(value)
        if not value:
            return qs
        return qs.filter(Q(actor__name__icontains=value) | Q(actor__username__icontains=value))

    def by_kind(self, qs, name, value):
        app_label, _dot, model = (value or "").partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist:
            return qs.none()
        return qs.filter(content_type=content_type)

    def by_name(self, qs, name, value):
        value = normalise(value)
        return qs.filter(object_repr__icontains=value) if value else qs


def audit_list(request):
    if not holds_role(request.user, USER_ADMIN_ROLES):
        raise PermissionDenied
    base = AuditEntry.objects.visible_to(request.user).select_related("actor", "content_type")
    filterset = AuditFilterSet(request.GET, queryset=base, request=request)
    prepare_form(filterset)
    page = keyset_page(request, filterset.qs, sort="-pk", size=PAGE_SIZE, count=False)
    entries = list(page.object_list)
    for entry in entries:
        entry.rows = readable_changes(entry)
        entry.record_url = record_url(entry)
        natural = f"{entry.content_type.app_label}.{entry.content_type.model}"
        entry.history_url = url_with(request, kind=natural, object=entry.object_id)
        entry.actor_url = url_with(request, actor=entry.actor_id) if entry.actor_id else None
        model = entry.content_type.model_class()
        entry.kind_label = model._meta.verbose_name if model else entry.content_type.name
    return render(
        request,
        "core/audit_list.html",
        {"page": page, "entries": entries, "filterset": filterset, "sort": ""},
    )
