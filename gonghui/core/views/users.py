from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core.forms import GrantForm, UserCreateForm
from gonghui.core.models import Organisation, RoleAssignment, User
from gonghui.core.roles import USER_ADMIN_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.services import users as services
from gonghui.core.views.generic import apply_errors, keyset_page


def _require_user_admin(request):
    if not holds_role(request.user, USER_ADMIN_ROLES):
        raise PermissionDenied


def _visible_users(request):
    return User.objects.visible_to(request.user)


def _visible_assignments(request):
    """Only the roles held inside the admin's scope: a town admin does not see that a user of
    theirs also holds a role at the county."""
    orgs = Organisation.objects.visible_to(request.user, roles=USER_ADMIN_ROLES)
    return RoleAssignment.objects.filter(organisation__in=orgs).select_related("organisation")


def user_list(request):
    _require_user_admin(request)
    users = _visible_users(request).prefetch_related(
        Prefetch("role_assignments", _visible_assignments(request), to_attr="shown_roles")
    )
    page = keyset_page(request, users, sort="username", size=100, count=False)
    return render(request, "core/user_list.html", {"users": page.object_list, "page": page})


def user_add(request):
    _require_user_admin(request)
    form = UserCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = services.create_user(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已创建用户：%(u)s") % {"u": new_user.username})
            return redirect("core:user_detail", pk=new_user.pk)
    return render(
        request,
        "core/object_edit.html",
        {"form": form, "title": _("新建用户"), "cancel_url": "/users/"},
    )


def user_detail(request, pk):
    _require_user_admin(request)
    target = get_object_or_404(_visible_users(request), pk=pk)
    form = GrantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_role(actor=request.user, user=target, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("已授权"))
            return redirect("core:user_detail", pk=target.pk)
    return render(
        request,
        "core/user_detail.html",
        {
            "target": target,
            "assignments": _visible_assignments(request).filter(user=target),
            "form": form,
            "can_manage": services.can_manage(request.user, target),
        },
    )


@require_POST
def user_revoke(request, pk, assignment_pk):
    _require_user_admin(request)
    target = get_object_or_404(_visible_users(request), pk=pk)
    assignment = get_object_or_404(_visible_assignments(request), pk=assignment_pk, user=target)
    services.revoke_role(actor=request.user, assignment=assignment)
    messages.success(request, _("已撤销授权"))
    return redirect("core:user_detail", pk=target.pk)


@require_POST
def user_set_active(request, pk):
    _require_user_admin(request)
    target = get_object_or_404(_visible_users(request), pk=pk)
    services.set_active(actor=request.user, user=target, active=request.POST.get("active") == "1")
    return redirect("core:user_detail", pk=target.pk)
