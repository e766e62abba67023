"""Grids (网格+企业): the list with its counts, a grid's page (employers, members, points),
adding and removing employers and members, and the monitoring points. Thin views: scoping
through `visible_to`, writes through gonghui.rights.risk.grids."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.scoping import may_edit_org
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.models import Grid, GridEmployer, GridMember
from gonghui.rights.risk import grids
from gonghui.rights.risk import queries as risk_queries
from gonghui.rights.risk.filters import GridFilterSet
from gonghui.rights.risk.forms import GridEmployerForm, GridForm, GridMemberForm, PointForm
from gonghui.rights.risk.views.common import error_message, scoped


def grid_url(grid) -> str:
    return reverse("rights:grid_detail", kwargs={"pk": grid.pk})


def point_url(point) -> str:
    return reverse("rights:grid_point_detail", kwargs={"pk": point.pk})


class GridListView(RoleRequired, ObjectListView):
    model = Grid
    select_related = ("organisation",)
    filterset_class = GridFilterSet
    template_name = "rights/grid_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("网格名称"), "created_at": gettext_lazy("建立时间")}

    def filtered_queryset(self):
        return risk_queries.with_counts(super().filtered_queryset())


def _grid(request, pk) -> Grid:
    require_role(request.user)
    return scoped(request, Grid.objects.visible_to(request.user).select_related("organisation"), pk)


def _editable_grid(request, pk) -> Grid:
    grid = _grid(request, pk)
    if not may_edit_org(request.user, grid.organisation):
        raise PermissionDenied
    return grid


def _form_page(request, form, *, title, cancel_url, submit_label=None):
    context = {"form": form, "title": title, "cancel_url": cancel_url,
               "submit_label": submit_label}  # fmt: skip
    return render(request, "rights/risk_form.html", context)


def grid_edit(request, pk=None):
    require_role(request.user)
    grid = _editable_grid(request, pk) if pk else None
    data = request.POST if request.method == "POST" else None
    form = GridForm(data, instance=grid, user=request.user)
    if grid is None and not form.fields["organisation"].queryset.exists():
        raise PermissionDenied
    if form.is_valid():
        try:
            if grid is None:
                grid = grids.create_grid(actor=request.user, **form.cleaned_data)
            else:
                grid = grids.update_grid(actor=request.user, grid=grid, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(g)s") % {"g": grid})
            return redirect(grid_url(grid))
    title = _("编辑网格：%(g)s") % {"g": grid} if grid else _("新建网格")
    cancel = grid_url(grid) if grid else reverse("rights:grid_list")
    return _form_page(request, form, title=title, cancel_url=cancel)


def grid_detail(request, pk):
    grid = _grid(request, pk)
    memberships = list(
        grid.memberships.select_related("employer", "employer__territory").order_by(
            "employer__name"
        )
    )
    points = list(
        risk_queries.points_for(request.user)
        .filter(grid=grid)
        .select_related("employer", "reporter")
        .order_by("employer__name")
    )
    levels = risk_queries.levels_of([m.employer_id for m in memberships])
    with_point = {p.employer_id for p in points}
    for membership in memberships:
        membership.risk = levels.get(membership.employer_id)
        membership.has_point = membership.employer_id in with_point
    context = {
        "object": grid,
        "memberships": memberships,
        "members": list(grid.members.select_related("user")),
        "points": points,
        "can_edit": may_edit_org(request.user, grid.organisation),
    }
    return render(request, "rights/grid_detail.html", context)


def grid_employer_add(request, pk):
    grid = _editable_grid(request, pk)
    data = request.POST if request.method == "POST" else None
    form = GridEmployerForm(data, user=request.user, grid=grid)
    if form.is_valid():
        try:
            grids.add_employer(
                actor=request.user, grid=grid, employer=form.cleaned_data["employer"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("已划入网格：%(e)s") % {"e": form.cleaned_data["employer"].name}
            )
            return redirect(grid_url(grid))
    return _form_page(request, form, title=_("划入企业：%(g)s") % {"g": grid},
                      cancel_url=grid_url(grid))  # fmt: skip


@require_POST
def grid_employer_remove(request, pk):
    require_role(request.user)
    queryset = GridEmployer.objects.visible_to(request.user).select_related(
        "grid__organisation", "employer"
    )
    membership = scoped(request, queryset, pk)
    try:
        grids.remove_employer(actor=request.user, membership=membership)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已移出网格：%(e)s") % {"e": membership.employer.name})
    return redirect(grid_url(membership.grid))


def grid_member_add(request, pk):
    grid = _editable_grid(request, pk)
    data = request.POST if request.method == "POST" else None
    form = GridMemberForm(data, grid=grid)
    if form.is_valid():
        try:
            member = grids.add_member(actor=request.user, grid=grid, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已添加网格员：%(m)s") % {"m": member})
            return redirect(grid_url(grid))
    return _form_page(request, form, title=_("添加网格员：%(g)s") % {"g": grid},
                      cancel_url=grid_url(grid))  # fmt: skip


@require_POST
def grid_member_remove(request, pk):
    require_role(request.user)
    queryset = GridMember.objects.visible_to(request.user).select_related("grid__organisation")
    member = scoped(request, queryset, pk)
    try:
        grids.remove_member(actor=request.user, member=member)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已移除网格员：%(m)s") % {"m": member.name})
    return redirect(grid_url(member.grid))


# ---------------------------------------------------------------------------------------------
# Monitoring points
# ---------------------------------------------------------------------------------------------


def _point_fields(form) -> dict:
    fields = dict(form.cleaned_data)
    if fields.get("report_due_day") is None:
        fields["report_due_day"] = None
    return fields


def grid_point_add(request, pk):
    grid = _editable_grid(request, pk)
    data = request.POST if request.method == "POST" else None
    form = PointForm(data, grid=grid)
    if form.is_valid():
        try:
            point = grids.create_point(actor=request.user, grid=grid, **_point_fields(form))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已设立监测点：%(p)s") % {"p": point})
            return redirect(point_url(point))
    return _form_page(request, form, title=_("设立监测点：%(g)s") % {"g": grid},
                      cancel_url=grid_url(grid))  # fmt: skip


def _point(request, pk):
    from gonghui.rights.risk.views.common import require_risk_user

    require_risk_user(request.user)
    queryset = risk_queries.points_for(request.user).select_related(
        "grid__organisation", "employer__union", "employer__territory", "reporter"
    )
    return scoped(request, queryset, pk)


def grid_point_edit(request, pk):
    point = _point(request, pk)
    if not may_edit_org(request.user, point.grid.organisation):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = PointForm(data, grid=point.grid, point=point)
    if form.is_valid():
        try:
            point = grids.update_point(actor=request.user, point=point, **_point_fields(form))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(p)s") % {"p": point})
            return redirect(point_url(point))
    return _form_page(request, form, title=_("编辑监测点：%(p)s") % {"p": point},
                      cancel_url=point_url(point))  # fmt: skip


def grid_point_detail(request, pk):
    """A point's last twelve months: its reports, the late ones and the missing ones."""
    from gonghui.rights.risk import reports

    point = _point(request, pk)
    levels = risk_queries.levels_of([point.employer_id])
    context = {
        "object": point,
        "months": risk_queries.point_months(point),
        "risk": levels.get(point.employer_id),
        "can_edit": may_edit_org(request.user, point.grid.organisation),
        "may_file": reports.may_file(request.user, point) and point.is_active,
        "grid_visible": Grid.objects.visible_to(request.user).filter(pk=point.grid_id).exists(),
    }
    return render(request, "rights/point_month_list.html", context)
