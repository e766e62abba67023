"""Upload pages of the two imports and their template downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sheets.readers import FileError
from gonghui.core.sheets.workbooks import template_workbook
from gonghui.workforce.imports import honourees, studios
from gonghui.workforce.imports.common import ImportFailed, read_upload
from gonghui.workforce.imports.forms import ImportForm

KINDS = {
    "honourees": (honourees.TEMPLATE, honourees.import_roll, "workforce:honour_list"),
    "studios": (studios.TEMPLATE, studios.import_studios, "workforce:studio_list"),
}


def _editor(request):
    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied


def _kind(kind):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def template(request, kind):
    _editor(request)
    spec = _kind(kind)[0]
    response = HttpResponse(
        template_workbook(spec),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, spec.filename)
    return response


def upload(request, kind):
    _editor(request)
    spec, write, done_url = _kind(kind)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            table = read_upload(form.cleaned_data["file"], sheet_title=str(spec.title))
            created = write(actor=request.user, table=table)
        except FileError as exc:
            form.add_error("file", str(exc))
        except ImportFailed as exc:
            errors = exc.errors
        else:
            messages.success(request, _("已导入 %(n)d 行") % {"n": len(created)})
            return HttpResponseRedirect(reverse(done_url))
    return render(
        request,
        "workforce/imports/upload.html",
        {"form": form, "errors": errors, "template": spec, "kind": kind},
    )
