from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import home_hooks, tree
from gonghui.core.forms import style
from gonghui.core.models import AuditEntry, Organisation
from gonghui.core.roles import USER_ADMIN_ROLES
from gonghui.core.scoping import holds_role, scope_paths
from gonghui.core.views.generic import keyset_page


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


def home(request):
    """The user's scope: the organisations they hold roles at, with their counts. A user with no
    registry role goes where their module sends them (a merchant's counter page, a lawyer's
    cases)."""
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
    return render(request, "core/home.html", {"cards": cards, "counters": tree.counters()})


def audit_list(request):
    if not holds_role(request.user, USER_ADMIN_ROLES):
        raise PermissionDenied
    qs = AuditEntry.objects.visible_to(request.user).select_related("actor", "content_type")
    page = keyset_page(request, qs, sort="-pk", size=100, count=False)
    return render(request, "core/audit_list.html", {"page": page, "entries": page.object_list})
