"""Workers' congresses (职代会) and open factory affairs (厂务公开): the unionized employers the
user sees with their flags, last session (overdue after a year), stars, and the establishment
rates of the report; the edit of one employer's record through
gonghui.rights.contracts.democracy."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.registry.models import Employer
from gonghui.rights.contracts import democracy, queries
from gonghui.rights.contracts.filters import DemocracyFilterSet
from gonghui.rights.contracts.forms import DemocracyForm
from gonghui.rights.models import Democracy


class DemocracyListView(RoleRequired, ObjectListView):
    model = None  # rows are employers (with their Democracy values): no export, no add
    filterset_class = DemocracyFilterSet
    template_name = "rights/democracy_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("企业名称"), "headcount": gettext_lazy("职工人数")}

    def scoped_queryset(self):
        return queries.democracy_employers(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rates"] = queries.establishment_rates(queries.scope_for(self.request.user))
        context["can_add"] = False
        editable = set(
            Employer.objects.editable_by(self.request.user)
            .filter(pk__in=[e.pk for e in context["objects"]])
            .values_list("pk", flat=True)
        )
        for employer in context["objects"]:
            employer.editable = employer.pk in editable
        return context


def democracy_edit(request, pk):
    """`pk` is the employer's: the record is made on its first save."""
    require_role(request.user)
    employer = get_object_or_404(
        queries.democracy_employers(request.user).select_related(None), pk=pk
    )
    if not Employer.objects.editable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    row = Democracy.objects.filter(employer_id=pk).first()
    if request.method == "POST":
        form = DemocracyForm(request.POST)
        if form.is_valid():
            try:
                democracy.save_democracy(actor=request.user, employer=employer, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存民主管理情况：%(e)s") % {"e": employer.name})
                return redirect("rights:democracy_list")
    else:
        initial = {name: getattr(row, name) for name in democracy.FIELDS} if row else {}
        form = DemocracyForm(initial=initial)
    context = {
        "form": form,
        "employer": employer,
        "title": _("职代会与厂务公开：%(e)s") % {"e": employer.name},
        "cancel_url": _list_url(),
        "history": AuditEntry.objects.for_object(row)[:100] if row else [],
        "today": timezone.localdate(),
    }
    return render(request, "rights/democracy_form.html", context)


def _list_url() -> str:
    from django.urls import reverse

    return reverse("rights:democracy_list")
