"""Aid programme pages (救助项目): list, detail with budget and applications, create and edit,
and the programme kinds. Thin views: scoping through `visible_to` / `editable_by`, every write
through gonghui.aid.programmes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.aid import programmes
from gonghui.aid.choices import AidStatus
from gonghui.aid.filters_programmes import ProgrammeFilterSet
from gonghui.aid.forms_programmes import KindForm, ProgrammeForm
from gonghui.aid.models import AidApplication, Programme, ProgrammeKind
from gonghui.aid.staff import StaffOnly, require_staff
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    apply_errors,
)


class ProgrammeScope:
    model = Programme
    select_related = ("organisation", "kind")


class ProgrammeListView(StaffOnly, ProgrammeScope, ObjectListView):
    filterset_class = ProgrammeFilterSet
    template_name = "aid/programme_list.html"
    sort_options = {
        "year": gettext_lazy("年度"),
        "closes_on": gettext_lazy("申请截止日期"),
        "budget": gettext_lazy("预算"),
    }


def status_counts(user, programme: Programme) -> list[dict]:
    """The programme's applications by status, counting only those the user may see."""
    counts = dict(
        AidApplication.objects.visible_to(user)
        .filter(programme=programme)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in AidStatus.choices
    ]


class ProgrammeDetailView(StaffOnly, ProgrammeScope, ObjectDetailView):
    template_name = "aid/programme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = context["object"]
        committed = programmes.committed(programme)
        context.update(
            committed=committed,
            paid=programmes.paid(programme),
            remaining=programme.budget - committed,
            status_counts=status_counts(self.request.user, programme),
            applications_url=reverse("aid:application_list") + f"?programme={programme.pk}",
            is_open=programme.is_open(),
            may_apply=holds_role(self.request.user, EDIT_ROLES),
        )
        return context


class ProgrammeEditView(StaffOnly, ProgrammeScope, ObjectEditView):
    form_class = ProgrammeForm

    def save(self, form, instance):
        fields = form.service_fields()
        if instance is None:
            return programmes.create_programme(actor=self.request.user, **fields)
        return programmes.update_programme(actor=self.request.user, programme=instance, **fields)


def kind_list(request):
    """Every programme kind; county administrators add the county's own."""
    require_staff(request.user)
    may_add = programmes.may_add_kind(request.user)
    form = KindForm(request.POST or None)
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                kind = programmes.add_kind(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已增加项目类别：%(name)s") % {"name": kind.name})
                return HttpResponseRedirect(reverse("aid:kind_list"))
    return render(
        request,
        "aid/programme_kinds.html",
        {"kinds": ProgrammeKind.objects.all(), "form": form, "may_add": may_add},
    )
