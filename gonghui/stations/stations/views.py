"""Station pages: list (open now, hours flag), page (hours, exceptions, QR poster, visits, care),
add and edit (ObjectEditView over the create/update services), the hours steps and the import.
Thin: scoping through `visible_to`, every write through gonghui.stations.stations.services."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.sheets.readers import FileError, read_rows
from gonghui.core.sheets.workbooks import template_workbook
from gonghui.core.views.generic import ObjectEditView, ObjectListView
from gonghui.portal.links import absolute_url, qr_bytes, qr_inline_svg
from gonghui.stations import checks
from gonghui.stations.access import StationUsersOnly
from gonghui.stations.models import HoursException, Station, WeeklyWindow
from gonghui.stations.stations import hours as hours_mod
from gonghui.stations.stations import imports, queries, services
from gonghui.stations.stations.filters import StationFilterSet
from gonghui.stations.stations.forms import ExceptionForm, ImportForm, StationForm, WindowForm


class StationListView(StationUsersOnly, ObjectListView):
    model = Station
    select_related = ("union",)
    filterset_class = StationFilterSet
    template_name = "stations/stations/station_list.html"
    default_sort = "name"
    sort_options = {"name": gettext_lazy("名称"), "created_at": gettext_lazy("建站时间")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["objects"] = queries.annotate(context["objects"])
        context["can_import"] = context["can_add"]
        return context


class StationEditView(StationUsersOnly, ObjectEditView):
    model = Station
    form_class = StationForm
    writes = (services.create_station, services.update_station)
    record_name = "station"

    def service_fields(self, form) -> dict:
        fields = dict(form.cleaned_data)
        fields["keepers"] = list(fields.get("keepers") or [])
        return fields


def _feature_panels(request, station) -> list[dict]:
    """What the visits and care features add to the station page (their own templates)."""
    from gonghui.stations.care import panels as care_panels
    from gonghui.stations.visits import panels as visit_panels

    return [*visit_panels.panels(request, station), *care_panels.panels(request, station)]


def station_detail(request, pk):
    station = queries.station_or_404(request, pk)
    queries.annotate([station])
    scan_url = absolute_url(request, queries.scan_path(station))
    context = {
        "object": station,
        "week": hours_mod.week_text(station.hours),
        "windows": station.windows.all(),
        "exceptions": station.exceptions.filter(date__gte=hours_mod.now().date()),
        "keepers": station.keepers.all(),
        "can_manage": checks.may_manage(request.user, station),
        "can_keep": checks.may_keep(request.user, station),
        "window_form": WindowForm(),
        "exception_form": ExceptionForm(),
        "scan_url": scan_url,
        "qr_svg": qr_inline_svg(scan_url, scale=4),
        "panels": _feature_panels(request, station),
        "photos": station.photos.filter(inspection__isnull=True),
        "history": AuditEntry.objects.for_object(station)[:50],
    }
    return render(request, "stations/stations/station_detail.html", context)


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, "；".join(exc.messages))


@require_POST
def window_add(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = WindowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("时段有误：%(e)s") % {"e": form.errors.as_text()})
        return redirect(station)
    try:
        for weekday in form.cleaned_data["weekdays"]:
            services.add_window(
                actor=request.user, station=station, weekday=weekday,
                starts=form.cleaned_data["starts"], ends=form.cleaned_data["ends"],
                mode=form.cleaned_data["mode"],
            )  # fmt: skip
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("已添加开放时段"))
    return redirect(station)


@require_POST
def window_remove(request, pk):
    window = get_object_or_404(WeeklyWindow.objects.visible_to(request.user), pk=pk)
    station = queries.keepable_or_404(request, window.station_id)
    services.remove_window(actor=request.user, window=window)
    messages.success(request, _("已删除开放时段"))
    return redirect(station)


@require_POST
def exception_add(request, pk):
    station = queries.keepable_or_404(request, pk)
    form = ExceptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("例外有误：%(e)s") % {"e": form.errors.as_text()})
        return redirect(station)
    try:
        services.add_exception(actor=request.user, station=station, **form.cleaned_data)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("已添加开放时间例外"))
    return redirect(station)


@require_POST
def exception_remove(request, pk):
    exception = get_object_or_404(HoursException.objects.visible_to(request.user), pk=pk)
    station = queries.keepable_or_404(request, exception.station_id)
    services.remove_exception(actor=request.user, exception=exception)
    messages.success(request, _("已删除开放时间例外"))
    return redirect(station)


@require_POST
def hours_confirm(request, pk):
    station = queries.keepable_or_404(request, pk)
    services.confirm_hours(actor=request.user, station=station)
    messages.success(request, _("已确认开放时间"))
    return redirect(station)


def station_qr(request, pk):
    station = queries.station_or_404(request, pk)
    data = qr_bytes(absolute_url(request, queries.scan_path(station)), "png")
    response = HttpResponse(data, content_type="image/png")
    response["Content-Disposition"] = content_disposition_header(
        False, f"{station.name}-扫码登记.png"
    )
    return response


def station_poster(request, pk):
    station = queries.station_or_404(request, pk)
    scan_url = absolute_url(request, queries.scan_path(station))
    context = {"object": station, "qr_svg": qr_inline_svg(scan_url, scale=8)}
    return render(request, "stations/stations/poster.html", context)


def _require_importer(request) -> None:
    from gonghui.core.roles import EDIT_ROLES
    from gonghui.core.scoping import holds_role

    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied


def import_template(request):
    _require_importer(request)
    response = HttpResponse(
        template_workbook(imports.TEMPLATE),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, imports.TEMPLATE.filename)
    return response


def station_import(request):
    _require_importer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            table = read_upload(form.cleaned_data["file"], str(imports.TEMPLATE.title))
            created = imports.import_stations(actor=request.user, table=table)
        except FileError as exc:
            form.add_error("file", str(exc))
        except imports.ImportFailed as exc:
            errors = exc.errors
        else:
            messages.success(request, _("已导入 %(n)d 个驿站") % {"n": len(created)})
            return redirect(reverse("stations:station_list"))
    return render(
        request, "stations/stations/import.html",
        {"form": form, "errors": errors, "template": imports.TEMPLATE},
    )  # fmt: skip


def read_upload(upload, sheet_title: str = "") -> list[list]:
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise FileError(_("只能导入 xlsx 或 csv 文件"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_rows(path, sheet_title=sheet_title)


@require_POST
def photo_add(request, pk):
    from gonghui.stations.stations import photos

    station = queries.keepable_or_404(request, pk)
    upload = request.FILES.get("upload")
    if upload is None:
        messages.error(request, _("请选择照片"))
        return redirect(station)
    inspection = None
    if request.POST.get("inspection", "").isdigit():
        from gonghui.stations.models import Inspection

        inspection = get_object_or_404(
            Inspection.objects.visible_to(request.user), pk=request.POST["inspection"]
        )
    try:
        photos.add_photo(actor=request.user, station=station, upload=upload, inspection=inspection)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("已上传照片"))
    return redirect(inspection or station)


def photo_file(request, pk):
    from gonghui.core import uploads
    from gonghui.stations.access import require_station_user
    from gonghui.stations.models import StationPhoto

    require_station_user(request.user)
    photo = get_object_or_404(StationPhoto.objects.visible_to(request.user), pk=pk)
    return uploads.attachment(
        photo.upload, filename=photo.original_name, content_type=photo.content_type
    )


@require_POST
def photo_remove(request, pk):
    from gonghui.stations.models import StationPhoto
    from gonghui.stations.stations import photos

    photo = get_object_or_404(StationPhoto.objects.visible_to(request.user), pk=pk)
    station = queries.keepable_or_404(request, photo.station_id)
    photos.remove_photo(actor=request.user, photo=photo)
    messages.success(request, _("已删除照片"))
    return redirect(station)
