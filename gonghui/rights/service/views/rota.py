"""The duty rota: a point's month (days × sessions), adding and removing a slot, copying the
previous month, the printable month and its xlsx export; a lawyer's own duty days."""

import io

import xlsxwriter
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.core.views.access import require_role
from gonghui.core.views.generic import apply_errors
from gonghui.rights.access import CASE_ROLES
from gonghui.rights.models import DutySlot
from gonghui.rights.service import queries, rota
from gonghui.rights.service.forms import SlotForm
from gonghui.rights.service.views.common import editable_point, error_message, point_or_404


def rota_url(point, month) -> str:
    return reverse("rights:rota", args=[point.pk]) + f"?month={month:%Y-%m}"


def _month(request):
    return queries.parse_month(request.GET.get("month") or request.POST.get("month"))


def _context(request, point, month, form=None) -> dict:
    can_edit = queries.may_edit(request.user, point)
    if can_edit and form is None:
        form = SlotForm(point=point, initial={"date": max(month, timezone.localdate())})
    return {
        "object": point,
        "month": month,
        "previous": rota.add_months(month, -1),
        "next": rota.add_months(month, 1),
        "days": queries.month_grid(point, month),
        "sessions": [s.label for s in queries.SESSIONS],
        "can_edit": can_edit,
        "form": form if can_edit else None,
    }


def rota_month(request, pk):
    point = point_or_404(request, pk)
    return render(request, "rights/service/rota.html", _context(request, point, _month(request)))


@require_POST
def rota_slot_add(request, pk):
    point = editable_point(request, pk)
    form = SlotForm(request.POST, point=point)
    month = _month(request)
    if form.is_valid():
        try:
            slot = rota.add_slot(actor=request.user, point=point, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已排班：%(s)s") % {"s": slot})
            return redirect(rota_url(point, rota.month_start(slot.date)))
    context = _context(request, point, month, form)
    return render(request, "rights/service/rota.html", context, status=200)


@require_POST
def rota_slot_remove(request, pk):
    require_role(request.user)
    queryset = DutySlot.objects.visible_to(request.user).select_related("point", "counsel")
    slot = queryset.filter(pk=pk).first()
    if slot is None:
        raise Http404
    point = editable_point(request, slot.point_id)
    try:
        rota.remove_slot(actor=request.user, slot=slot)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已取消排班：%(s)s") % {"s": slot})
    return redirect(rota_url(point, rota.month_start(slot.date)))


@require_POST
def rota_copy(request, pk):
    point = editable_point(request, pk)
    month = _month(request)
    try:
        result = rota.copy_previous_month(actor=request.user, point=point, month=month)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(
            request,
            _("已从 %(prev)s 复制 %(n)d 条排班（跳过 %(s)d 条：日期不存在、已排或律师已不在册）")
            % {"prev": f"{rota.add_months(month, -1):%Y-%m}", "n": result["copied"],
               "s": result["skipped"]},
        )  # fmt: skip
    return redirect(rota_url(point, month))


def rota_print(request, pk):
    point = point_or_404(request, pk)
    context = _context(request, point, _month(request))
    context["printed_at"] = timezone.localtime()
    return render(request, "rights/service/rota_print.html", context)


def rota_workbook(point, month) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(f"{month:%Y-%m}")
    sheet.write_string(0, 0, _("%(p)s %(m)s 律师值班表") % {"p": point.name, "m": f"{month:%Y-%m}"})
    headers = (_("日期"), _("星期"), _("时段"), _("值班律师"), _("所在律所"))
    for col, header in enumerate(headers):
        sheet.write_string(1, col, header, formats.header)
        sheet.set_column(col, col, 24 if col >= 3 else 12)
    row = 2
    for slot in queries.month_slots(point, month):
        firm = slot.counsel.firm.name if slot.counsel.firm_id else _("工会")
        values = (
            slot.date, str(queries.WEEKDAYS[slot.date.weekday()]), slot.get_session_display(),
            slot.counsel.name, firm,
        )  # fmt: skip
        for col, value in enumerate(values):
            write_cell(sheet, row, col, value, formats)
        row += 1
    sheet.freeze_panes(2, 0)
    workbook.close()
    return buffer.getvalue()


def rota_export(request, pk):
    point = point_or_404(request, pk)
    month = _month(request)
    response = HttpResponse(
        rota_workbook(point, month),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"{point.name}-值班表-{month:%Y-%m}.xlsx"
    )
    return response


def duty_mine(request):
    """A lawyer's own duty days from today on (staff see theirs too, if they have any)."""
    require_role(request.user, CASE_ROLES)
    today = timezone.localdate()
    slots = list(queries.own_duty(request.user, today)[:200])
    for slot in slots:
        slot.weekday = queries.WEEKDAYS[slot.date.weekday()]
    return render(request, "rights/service/duty_mine.html", {"slots": slots, "today": today})
