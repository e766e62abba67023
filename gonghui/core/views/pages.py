from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import home_hooks, tree, workbench
from gonghui.core.forms import style
from gonghui.core.models import Organisation
from gonghui.core.roles import EDIT_ROLES, Role
from gonghui.core.scoping import holds_role, scope_paths


class PasswordChangeView(auth_views.PasswordChangeView):
    """The user's own password; the same rules as everywhere (length, letters and digits)."""

    template_name = "core/object_edit.html"
    success_url = reverse_lazy("home")
    extra_context = {"title": gettext_lazy("修改密码"), "cancel_url": reverse_lazy("home")}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        for field in form.fields.values():
            style(field)
        return form

    def form_valid(self, form):
        messages.success(self.request, _("密码已修改"))
        return super().form_valid(form)


def workbench_context(request) -> dict:
    """The workbench as the user's role sees it: a clerk's own to-do list, a reviewer's list of
    what waits for their decision, a leader's read-only view of what waits in their unions."""
    user = request.user
    bench = workbench.items_for(user, request)
    if holds_role(user, EDIT_ROLES):
        title, note, action = _("我的待办"), "", _("去办理")
    elif holds_role(user, {Role.REVIEWER}):
        title = _("待我审核")
        note = _("您可以审核的申请和档案，以及您管理范围内等待办理的事项。")
        action = _("去审核")
    else:
        title = _("辖区待办")
        note = _("您管理范围内各工会等待办理的事项（只读）；超期的请督促办理。")
        action = _("查看")
    return {
        "workbench": bench,
        "workbench_title": title,
        "workbench_note": note,
        "workbench_action": action,
    }


def home(request):
    """The workbench (工作台): what waits for the user in the unions under them, then their
    scope (the organisations they hold roles at, with their counts). A user with no registry
    role goes where their module sends them (a merchant's counter page, a lawyer's cases)."""
    user = request.user
    if not holds_role(user):
        landing = home_hooks.landing_for(user)
        if landing:
            return redirect(landing)
    paths = scope_paths(request.user)
    roots = (
        Organisation.objects.filter(parent__isnull=True)
        if paths is None
        else Organisation.objects.filter(path__in=paths)
    )
    roots = list(roots.order_by("path"))
    cards = [(org, tree.counts_for([org], org.path)[org.pk]) for org in roots]
    context = {"cards": cards, "counters": tree.counters()}
    if holds_role(user):
        context.update(workbench_context(request))
    return render(request, "core/home.html", context)
