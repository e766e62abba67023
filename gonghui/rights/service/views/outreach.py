"""Outreach: the list (with its totals) and recording or correcting an event."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.models import Outreach
from gonghui.rights.service import outreach as service
from gonghui.rights.service.filters import OutreachFilterSet
from gonghui.rights.service.forms import OutreachForm


class OutreachListView(RoleRequired, ObjectListView):
    model = Outreach
    select_related = ("organisation",)
    filterset_class = OutreachFilterSet
    template_name = "rights/service/outreach_list.html"
    default_sort = "-date"
    sort_options = {"date": gettext_lazy("日期"), "attendees": gettext_lazy("参加人数")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = self.filterset.qs.order_by().aggregate(
            events=Count("pk"), attendees=Sum("attendees"), handbooks=Sum("handbooks"),
            employers=Sum("employers_reached"),
        )  # fmt: skip
        return context


def outreach_edit(request, pk=None):
    require_role(request.user)
    event = None
    if pk is not None:
        event = get_object_or_404(
            Outreach.objects.visible_to(request.user).select_related("organisation"), pk=pk
        )
        if not Outreach.objects.editable_by(request.user).filter(pk=pk).exists():
            raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = OutreachForm(data, instance=event, user=request.user)
    if event is None and not form.fields["organisation"].queryset.exists():
        raise PermissionDenied
    if form.is_valid():
        try:
            if event is None:
                event = service.create_outreach(actor=request.user, **form.service_kwargs())
            else:
                event = service.update_outreach(
                    actor=request.user, outreach=event, **form.service_kwargs()
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(o)s") % {"o": event})
            return redirect(reverse("rights:outreach_list"))
    context = {
        "form": form,
        "title": _("编辑普法宣传活动：%(o)s") % {"o": event} if event else _("登记普法宣传活动"),
        "cancel_url": reverse("rights:outreach_list"),
        "history": AuditEntry.objects.for_object(event)[:100] if event else [],
    }
    return render(request, "rights/service/form.html", context)
