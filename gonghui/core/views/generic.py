"""Generic object views (after NetBox): every list, detail and edit page of every module is one
of these, configured with a model and a form. Scoping happens here and only here, through the
model's `visible_to` / `editable_by` queryset methods."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from gonghui.core.filters import prepare_form
from gonghui.core.models import AuditEntry
from gonghui.core.pagination import paginate
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sealed_search import query_of

PAGE_SIZE = 50

# List exports by model, registered by the module that owns the columns (registry.exports): a
# list page answers `?export=csv|xlsx` with a file of what its filters show.
EXPORTERS: dict = {}


def register_exporter(model, exporter) -> None:
    """`exporter.respond(request, queryset, fmt)` returns the file response."""
    EXPORTERS[model] = exporter


class ScopedObjectMixin:
    model = None
    select_related: tuple[str, ...] = ()

    def scoped_queryset(self):
        qs = self.model.objects.visible_to(self.request.user)
        return qs.select_related(*self.select_related) if self.select_related else qs

    def get_object(self):
        # Out of scope and non-existent look the same: 404, never a name.
        return get_object_or_404(self.scoped_queryset(), pk=self.kwargs["pk"])

    def can_edit(self, obj=None) -> bool:
        """May edit this object; without one, may create (holds an editing role anywhere)."""
        if obj is None:
            return holds_role(self.request.user, EDIT_ROLES)
        return self.model.objects.editable_by(self.request.user).filter(pk=obj.pk).exists()


COUNT_CAP = 10_000


def capped_count(queryset) -> tuple[int, bool]:
    """Count up to COUNT_CAP rows. An exact count of a million scoped rows costs more than the
    page itself; past the cap the list says "10000+" and the figures give exact totals."""
    n = queryset[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), n > COUNT_CAP


def url_with(request, **changes) -> str:
    """This page's query string with `changes` (None removes a key) and without a cursor."""
    params = query_of(request).copy()  # sealed: a whole ID number never enters a link
    for key in ("after", "before"):
        params.pop(key, None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode()


def keyset_page(request, queryset, *, sort: str, size: int = PAGE_SIZE, count: bool = True):
    """One page of `queryset` by keyset, with the links every list template's pagination include
    reads (first, next, previous keep the filters). Every paged list goes through here, the
    generic list view included. `count=False` for lists too long to count on each view."""
    page = paginate(
        queryset, sort=sort, after=request.GET.get("after"), before=request.GET.get("before"),
        size=size,
    )  # fmt: skip
    page.total, page.total_capped = capped_count(queryset) if count else (None, False)
    page.first_url = url_with(request)
    page.next_url = url_with(request, after=page.next_cursor)
    page.previous_url = url_with(request, before=page.previous_cursor)
    return page


class ObjectListView(ScopedObjectMixin, TemplateView):
    """Filters (django-filter), search, sorting and keyset pagination over the scoped queryset."""

    filterset_class = None
    sort_options: dict[str, str] = {}  # url value -> label; each a non-null field
    default_sort = "-pk"
    columns: list[tuple[str, str]] = []  # (attribute or template key, label)

    def filtered_queryset(self):
        # Always bound, so filter sets can apply their defaults (e.g. active members only).
        self.filterset = self.filterset_class(
            self.request.GET, queryset=self.scoped_queryset(), request=self.request
        )
        prepare_form(self.filterset)
        return self.filterset.qs

    def get(self, request, *args, **kwargs):
        exporter = self.exporter()
        if exporter is not None and "export" in request.GET:
            return exporter.respond(request, self.export_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def exporter(self):
        return EXPORTERS.get(self.model)

    def export_queryset(self):
        """Every row the filters show (not one page), in the page's order."""
        sort = self.current_sort()
        if sort.lstrip("-") == "pk":
            return self.filtered_queryset().order_by(sort)
        return self.filtered_queryset().order_by(sort, "-pk" if sort.startswith("-") else "pk")

    def current_sort(self) -> str:
        """Only the offered keys, ascending or descending: anything else sorts by default."""
        sort = self.request.GET.get("sort", "")
        if sort.removeprefix("-") in self.sort_options:
            return sort
        return self.default_sort

    def page_url(self, **changes) -> str:
        return url_with(self.request, **changes)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        qs = self.filtered_queryset()
        sort = self.current_sort()
        page = keyset_page(self.request, qs, sort=sort)
        context.update(
            page=page,
            objects=page.object_list,
            filterset=self.filterset,
            sort=sort,
            sort_links=[
                (key, label, self.page_url(sort=key if sort != key else f"-{key}"))
                for key, label in self.sort_options.items()
            ],
            can_add=self.can_edit(),
        )
        return context


class ObjectDetailView(ScopedObjectMixin, TemplateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.get_object()
        context.update(
            object=obj,
            history=AuditEntry.objects.for_object(obj)[:100],
            can_edit=self.can_edit(obj),
        )
        return context


class ObjectEditView(ScopedObjectMixin, TemplateView):
    """Create (no pk) or edit (pk). The form cleans input; a service function does the write:
    name the pair, e.g. ``writes = (care.create_campaign, care.update_campaign)``; the update
    receives the record as `record_name` (``campaign=``). A view with more to do than
    pass the cleaned fields overrides `save`."""

    form_class = None
    template_name = "core/object_edit.html"
    writes: tuple = ()  # (create(actor=, **fields), update(actor=, <record_name>=, **fields))
    record_name = ""  # the update's keyword for the record

    def get_instance(self):
        if "pk" not in self.kwargs:
            if not self.can_edit():
                raise PermissionDenied
            return None
        obj = self.get_object()
        if not self.can_edit(obj):
            raise PermissionDenied
        return obj

    def get_form(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=instance, user=self.request.user)

    def service_fields(self, form) -> dict:
        return form.cleaned_data

    def save(self, form, instance):
        create, update = self.writes
        fields = self.service_fields(form)
        if instance is None:
            return create(actor=self.request.user, **fields)
        return update(actor=self.request.user, **{self.record_name: instance}, **fields)

    def render_form(self, form, instance):
        cancel = instance.get_absolute_url() if instance else self.request.GET.get("next", "/")
        return self.render_to_response(
            self.get_context_data(
                form=form,
                object=instance,
                cancel_url=cancel,
                verbose_name=self.model._meta.verbose_name,
            )
        )

    def get(self, request, *args, **kwargs):
        instance = self.get_instance()
        return self.render_form(self.get_form(instance), instance)

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if form.is_valid():
            try:
                obj = self.save(form, instance)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存：%(obj)s") % {"obj": obj})
                return HttpResponseRedirect(obj.get_absolute_url())
        return self.render_form(form, instance)


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's errors on the form's fields (or on the form when the field is not on it)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
