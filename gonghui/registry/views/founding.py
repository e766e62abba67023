"""The founding drive (建会攻坚): the worklist of target employers with the figures per town, and
the contact panel on an employer's page. Thin: selectors in founding_queries, writes in
founding."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.sealed_search import query_of
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.registry import founding
from gonghui.registry import founding_queries as queries
from gonghui.registry.choices import UnionStatus
from gonghui.registry.founding_exports import EXPORTER
from gonghui.registry.founding_forms import ContactForm, TargetFilterSet
from gonghui.registry.models import Employer, FoundingContact

YEARS_OFFERED = 10
PANEL = "registry/founding_contacts.html"


class FoundingListView(ObjectListView):
    model = Employer
    filterset_class = TargetFilterSet
    template_name = "registry/founding_list.html"
    default_sort = "-headcount"
    sort_options = {
        "headcount": gettext_lazy("职工人数"),
        "name": gettext_lazy("名称"),
        "pk": gettext_lazy("登记顺序"),
    }

    def scoped_queryset(self):
        return queries.targets(self.request.user, self.today).select_related("territory")

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        # Its own columns, not the employer list's (the generic view would pick those by model).
        if "export" in request.GET:
            return EXPORTER.respond(request, self.export_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def years(self) -> list[int]:
        return list(range(self.today.year, self.today.year - YEARS_OFFERED, -1))

    def year(self) -> int:
        value = self.request.GET.get("year", "")
        return int(value) if value.isdigit() and int(value) in self.years() else self.today.year

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year()
        keep = query_of(self.request).copy()
        for key in ("year", "after", "before", "export"):
            keep.pop(key, None)
        context.update(
            objects=queries.decorate(context["objects"], self.today),
            town_figures=queries.town_figures(self.request.user, year, self.today),
            year=year,
            years=self.years(),
            keep_params=[(k, v) for k, values in keep.lists() for v in values],
        )
        return context


def founding_panel(user, employer: Employer, *, can_edit: bool, form=None) -> dict:
    """The context of the contact panel on an employer's page: shown for an employer without an
    active union or with contacts on record; the form only to who may edit the employer."""
    contacts = list(queries.contacts_of(user, employer))
    target = queries.targets(user).filter(pk=employer.pk).first()
    shown = bool(contacts or target or employer.union_status == UnionStatus.NONE)
    return {
        "founding_shown": shown,
        "founding_contacts": contacts,
        "founding_categories": queries.category_labels(target) if target else [],
        "founding_form": (form or ContactForm()) if can_edit and shown else None,
    }


def _editable_or_403(user, model, pk: int) -> None:
    if not model.objects.editable_by(user).filter(pk=pk).exists():
        raise PermissionDenied


def _answer(request, employer: Employer, *, saved: bool, form=None, message: str = ""):
    """htmx gets the panel again; a plain POST goes back to the employer's page."""
    if request.headers.get("HX-Request"):
        context = founding_panel(request.user, employer, can_edit=True, form=form)
        context.update(object=employer, can_edit=True, founding_message=message if saved else "")
        return render(request, PANEL, context)
    if saved:
        messages.success(request, message)
    else:
        messages.error(request, _error_text(form))
    return redirect(f"{employer.get_absolute_url()}#founding")


def _error_text(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else _("联系记录")
        parts.append(f"{label}：{'；'.join(errors)}")
    return _("未保存。") + " ".join(parts)


@require_POST
def contact_add(request, pk: int):
    employer = get_object_or_404(
        Employer.objects.visible_to(request.user).select_related("territory", "union"), pk=pk
    )
    _editable_or_403(request.user, Employer, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            founding.record_contact(actor=request.user, employer=employer, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return _answer(request, employer, saved=True, message=_("已记录联系情况"))
    return _answer(request, employer, saved=False, form=form)


@require_POST
def contact_delete(request, pk: int):
    contact = get_object_or_404(FoundingContact.objects.visible_to(request.user), pk=pk)
    _editable_or_403(request.user, FoundingContact, pk)
    employer = Employer.objects.select_related("territory", "union").get(pk=contact.employer_id)
    founding.delete_contact(actor=request.user, contact=contact)
    return _answer(request, employer, saved=True, message=_("已删除联系记录"))
