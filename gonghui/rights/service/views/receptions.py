"""Receptions: the log (every point in reach, filtered) and logging one at a duty desk, which
may open a rights case in the same step (then the case page is next)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.views.access import require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.access import CASE_ROLES, CaseUsersOnly
from gonghui.rights.models import Reception
from gonghui.rights.service import queries, receptions
from gonghui.rights.service.filters import ReceptionFilterSet
from gonghui.rights.service.forms import ReceptionForm

# Service field -> the form field it is shown on.
FIELD_FOR = {"employer": "employer_code", "workers_involved": "count", "service_point": "point"}


class ReceptionListView(CaseUsersOnly, ObjectListView):
    model = Reception
    filterset_class = ReceptionFilterSet
    select_related = ("point", "counsel", "case")
    template_name = "rights/service/reception_list.html"
    default_sort = "-date"
    sort_options = {"date": gettext_lazy("日期"), "count": gettext_lazy("人次")}

    def can_edit(self, obj=None) -> bool:
        return queries.recording_points(self.request.user).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["total"] = sum(r.count for r in context["objects"])
        return context


def reception_add(request):
    require_role(request.user, CASE_ROLES)
    point = None
    wanted = request.GET.get("point", "")
    if wanted.isascii() and wanted.isdigit():
        point = queries.recording_points(request.user).filter(pk=wanted).first()
    form = ReceptionForm(request.POST or None, user=request.user, point=point)
    if request.method == "POST" and form.is_valid():
        try:
            reception = receptions.record_reception(actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                exc = ValidationError({FIELD_FOR.get(k, k): v for k, v in exc.error_dict.items()})
            apply_errors(form, exc)
        except PermissionDenied:
            form.add_error("point", _("您当天不在该服务点值班，不能登记接待"))
        else:
            if reception.case_id:
                messages.success(
                    request,
                    _("已登记接待，并转立维权案件 %(n)s") % {"n": reception.case.number},
                )
                return HttpResponseRedirect(reverse("rights:case_detail", args=[reception.case_id]))
            messages.success(request, _("已登记接待：%(r)s") % {"r": reception})
            return HttpResponseRedirect(
                reverse("rights:reception_list") + f"?point={reception.point_id}"
            )
    context = {
        "form": form,
        "title": _("登记接访咨询"),
        "cancel_url": reverse("rights:reception_list"),
        "no_points": not form.fields["point"].queryset.exists(),
    }
    return render(request, "rights/service/reception_form.html", context)
