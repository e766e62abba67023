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
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role, may_edit_org
from gonghui.core.services.users import can_manage
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.counsel import queries as counsel_queries
from gonghui.rights.counsel import services
from gonghui.rights.counsel.filters import CounselFilterSet, FirmFilterSet
from gonghui.rights.counsel.forms import ActiveForm, CounselForm, FirmForm
from gonghui.rights.models import Counsel, LawFirm


def firm_url(firm) -> str:
    return reverse("rights:firm_detail", args=[firm.pk])


def counsel_url(counsel) -> str:
    return reverse("rights:counsel_detail", args=[counsel.pk])


def _form_page(request, form, *, title, cancel_url, submit_label=None):
    context = {"form": form, "title": title, "cancel_url": cancel_url,
               "submit_label": submit_label}  # fmt: skip
    return render(request, "rights/counsel/form.html", context)


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


def firm_edit(request, pk=None):
    require_role(request.user)
    firm = _firm(request, pk) if pk else None
    if firm is not None and not may_edit_org(request.user, firm.organisation):
        raise PermissionDenied
    if firm is None and not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = FirmForm(data, instance=firm, user=request.user)
    if form.is_valid():
        try:
            if firm is None:
                firm = services.create_firm(actor=request.user, **form.service_kwargs())
            else:
                firm = services.update_firm(actor=request.user, firm=firm, **form.service_kwargs())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(f)s") % {"f": firm})
            return redirect(firm_url(firm))
    title = _("编辑律所：%(f)s") % {"f": firm} if firm else _("登记律所")
    cancel = firm_url(firm) if firm else reverse("rights:firm_list")
    return _form_page(request, form, title=title, cancel_url=cancel)


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


def counsel_edit(request, pk=None):
    require_role(request.user)
    counsel = _counsel(request, pk) if pk else None
    if counsel is not None and not may_edit_org(request.user, counsel.organisation):
        raise PermissionDenied
    if counsel is None and not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = CounselForm(data, instance=counsel, user=request.user)
    if form.is_valid():
        try:
            if counsel is None:
                counsel = services.create_counsel(actor=request.user, **form.service_kwargs())
            else:
                counsel = services.update_counsel(
                    actor=request.user, counsel=counsel, **form.service_kwargs()
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(c)s") % {"c": counsel})
            return redirect(counsel_url(counsel))
    title = _("编辑：%(c)s") % {"c": counsel} if counsel else _("登记律师/调解员")
    cancel = counsel_url(counsel) if counsel else reverse("rights:counsel_list")
    return _form_page(request, form, title=title, cancel_url=cancel)


@require_POST
def counsel_set_active(request, pk):
    counsel = _counsel(request, pk)
    if not may_edit_org(request.user, counsel.organisation):
        raise PermissionDenied
    form = ActiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请指明在册或不在册"))
        return redirect(counsel_url(counsel))
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
    return redirect(counsel_url(counsel))
