"""Staff pages of law firms and counsel (律师事务所、律师与调解员): the lists with their
filters, a firm's page (its counsel), a counsel's page (their patch and their cases), adding
and editing both (a counsel with their login in one step), and putting a counsel on or off the
roll.

Staff only (the registry roles): a lawyer or mediator gets 403 on every page here, their own
entry included. Thin views: every record is found through `visible_to` (out of scope is 404);
editing needs an editing role over the record's organisation (else 403); every write is a
service of gonghui.rights.counsel.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.scoping import may_edit_org
from gonghui.core.services.users import can_manage
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectEditView, ObjectListView
from gonghui.rights.counsel import queries as counsel_queries
from gonghui.rights.counsel import services
from gonghui.rights.counsel.filters import CounselFilterSet, FirmFilterSet
from gonghui.rights.counsel.forms import ActiveForm, CounselForm, FirmForm
from gonghui.rights.models import Counsel, LawFirm

# ---------------------------------------------------------------------------------------------
# Law firms
# ---------------------------------------------------------------------------------------------


class FirmListView(RoleRequired, ObjectListView):
    model = LawFirm
    select_related = ("organisation",)
    filterset_class = FirmFilterSet
    template_name = "rights/counsel/firm_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("律所名称"), "created_at": gettext_lazy("登记时间")}

    def filtered_queryset(self):
        return counsel_queries.with_counsel_count(super().filtered_queryset())


def _firm(request, pk) -> LawFirm:
    require_role(request.user)
    return get_object_or_404(counsel_queries.firms_for(request.user), pk=pk)


def firm_detail(request, pk):
    firm = _firm(request, pk)
    context = {
        "object": firm,
        "counsel": counsel_queries.counsel_for(request.user)
        .filter(firm=firm)
        .order_by("-is_active", "name", "pk"),
        "can_edit": may_edit_org(request.user, firm.organisation),
        "history": AuditEntry.objects.for_object(firm)[:100],
    }
    return render(request, "rights/counsel/firm_detail.html", context)


class FirmEditView(RoleRequired, ObjectEditView):
    model = LawFirm
    form_class = FirmForm
    writes = (services.create_firm, services.update_firm)
    record_name = "firm"

    def service_fields(self, form) -> dict:
        return form.service_kwargs()


# ---------------------------------------------------------------------------------------------
# Counsel
# ---------------------------------------------------------------------------------------------


class CounselListView(RoleRequired, ObjectListView):
    model = Counsel
    select_related = ("organisation", "firm", "user")
    filterset_class = CounselFilterSet
    template_name = "rights/counsel/counsel_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("姓名"), "created_at": gettext_lazy("登记时间")}

    def scoped_queryset(self):
        return super().scoped_queryset().prefetch_related("towns")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for counsel in context["objects"]:
            counsel.patch = counsel_queries.patch_label(counsel)
        return context


def _counsel(request, pk) -> Counsel:
    require_role(request.user)
    return get_object_or_404(counsel_queries.counsel_for(request.user), pk=pk)


def counsel_detail(request, pk):
    counsel = _counsel(request, pk)
    user = request.user
    cases = counsel_queries.cases_of(user, counsel)
    context = {
        "object": counsel,
        "patch": counsel_queries.patch_label(counsel),
        "cases": cases[:100],
        "case_count": cases.count(),
        "open_count": counsel_queries.open_cases_of(user, counsel).count(),
        "can_edit": may_edit_org(user, counsel.organisation),
        "may_manage_login": bool(counsel.user_id and can_manage(user, counsel.user)),
        "history": AuditEntry.objects.for_object(counsel)[:100],
    }
    return render(request, "rights/counsel/counsel_detail.html", context)


class CounselEditView(RoleRequired, ObjectEditView):
    model = Counsel
    select_related = ("organisation", "firm")
    form_class = CounselForm
    writes = (services.create_counsel, services.update_counsel)
    record_name = "counsel"

    def service_fields(self, form) -> dict:
        return form.service_kwargs()


@require_POST
def counsel_set_active(request, pk):
    counsel = _counsel(request, pk)
    if not may_edit_org(request.user, counsel.organisation):
        raise PermissionDenied
    form = ActiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请指明在册或不在册"))
        return redirect(counsel)
    active = form.cleaned_data["active"]
    try:
        services.set_counsel_active(actor=request.user, counsel=counsel, active=active)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        if active:
            messages.success(request, _("%(c)s 已恢复在册") % {"c": counsel.name})
        else:
            messages.success(
                request,
                _("%(c)s 已不在册：不再供指派，已有案件不变") % {"c": counsel.name},
            )
    return redirect(counsel)
