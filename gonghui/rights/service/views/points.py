"""Service points: list, page (this week's rota, recent receptions), add, edit, deactivate."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.models import ServicePoint
from gonghui.rights.service import points, queries
from gonghui.rights.service.filters import PointFilterSet
from gonghui.rights.service.forms import PointForm
from gonghui.rights.service.views.common import editable_point, error_message, point_or_404


def point_url(point) -> str:
    return reverse("rights:point_detail", args=[point.pk])


class PointListView(RoleRequired, ObjectListView):
    model = ServicePoint
    select_related = ("organisation",)
    filterset_class = PointFilterSet
    template_name = "rights/service/point_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("名称"), "created_at": gettext_lazy("设立时间")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["on_duty"] = queries.on_duty(context["objects"], timezone.localdate())
        for point in context["objects"]:
            point.duty_names = context["on_duty"].get(point.pk, [])
        return context


def point_detail(request, pk):
    point = point_or_404(request, pk)
    today = timezone.localdate()
    week = [today + datetime.timedelta(days=n) for n in range(7)]
    slots = (
        point.duty_slots.filter(date__gte=week[0], date__lte=week[-1])
        .select_related("counsel")
        .order_by("date", "session", "counsel__name")
    )
    context = {
        "object": point,
        "week_slots": slots,
        "receptions": queries.receptions_for(request.user).filter(point=point)[:20],
        "can_edit": queries.may_edit(request.user, point),
        "history": AuditEntry.objects.for_object(point)[:100],
        "month": f"{today:%Y-%m}",
    }
    return render(request, "rights/service/point_detail.html", context)


def point_edit(request, pk=None):
    require_role(request.user)
    point = editable_point(request, pk) if pk else None
    data = request.POST if request.method == "POST" else None
    form = PointForm(data, instance=point, user=request.user)
    if point is None and not form.fields["organisation"].queryset.exists():
        raise PermissionDenied
    if form.is_valid():
        try:
            if point is None:
                point = points.create_point(actor=request.user, **form.cleaned_data)
            else:
                point = points.update_point(actor=request.user, point=point, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(p)s") % {"p": point})
            return redirect(point_url(point))
    context = {
        "form": form,
        "title": _("编辑服务点：%(p)s") % {"p": point} if point else _("新建服务点"),
        "cancel_url": point_url(point) if point else reverse("rights:point_list"),
    }
    return render(request, "rights/service/form.html", context)


@require_POST
def point_deactivate(request, pk):
    point = editable_point(request, pk)
    try:
        points.deactivate_point(actor=request.user, point=point)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已停用：%(p)s") % {"p": point})
    return redirect(point_url(point))
