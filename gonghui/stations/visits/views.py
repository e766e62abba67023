"""Visit pages: the list (scoped like stations), the keeper's walk-in count and the door
counter's csv on a station's page. Every write through gonghui.stations.visits.services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.sheets.readers import FileError
from gonghui.core.views.generic import ObjectListView
from gonghui.stations.access import StationUsersOnly
from gonghui.stations.models import Visit
from gonghui.stations.stations import queries
from gonghui.stations.stations.views import read_upload
from gonghui.stations.visits import services
from gonghui.stations.visits.filters import VisitFilterSet
from gonghui.stations.visits.forms import CounterForm, WalkInForm


class VisitListView(StationUsersOnly, ObjectListView):
    model = Visit
    select_related = ("station",)
    filterset_class = VisitFilterSet
    template_name = "stations/visits/visit_list.html"
    default_sort = "-date"
    sort_options = {"date": gettext_lazy("日期")}


@require_POST
def walk_in_add(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("登记有误：%(e)s") % {"e": form.errors.as_text()})
        return redirect(station)
    try:
        services.record_walk_ins(actor=request.user, station=station, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已登记到站人次"))
    return redirect(station)


@require_POST
def counter_import(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = CounterForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择文件"))
        return redirect(station)
    try:
        table = read_upload(form.cleaned_data["file"])
        days = services.import_counter(actor=request.user, station=station, table=table)
    except FileError as exc:
        messages.error(request, str(exc))
    except services.CounterFailed as exc:
        messages.error(request, _("文件有误，未写入：%(e)s") % {"e": "；".join(exc.errors[:20])})
    else:
        messages.success(request, _("已导入 %(n)d 天的客流计数") % {"n": days})
    return redirect(station)
