"""List exports: `?export=csv` or `?export=xlsx` on the organisation, employer and member lists.

An export holds what the list's filters show, in the columns of the matching import template
(columns.py), so it imports again. It is streamed: rows come from the database in chunks, csv
goes out as it is written, xlsx is written row by row to a temporary file (constant memory) that
is then streamed. Text that a spreadsheet would run as a formula gets a leading apostrophe.

Members' ID numbers and phones are masked; `&reveal=1` writes them in clear when the user holds
a revealing role for every exported row, and that export is written to the audit log once. A
masked export cannot be imported again (the ID number is required): reveal to round-trip.
"""

import csv
import datetime
import os
import tempfile
from dataclasses import dataclass

import xlsxwriter
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gonghui.core import exports, jobs
from gonghui.core.models import AuditAction, AuditEntry, Organisation
from gonghui.core.roles import REVEAL_ROLES
from gonghui.core.scoping import scope_root
from gonghui.core.sealed_search import query_of
from gonghui.core.sheets.cells import Template, neutralise
from gonghui.core.sheets.workbooks import Formats, write_cell
from gonghui.core.views.generic import register_exporter
from gonghui.registry.imports.columns import MEMBERS, UNIONS, UNITS
from gonghui.registry.models import Employer, Member

CHUNK = 2000
CSV_FLUSH = 500  # rows per piece of the streamed csv
PERSONAL_FIELDS = ("id_number", "phone")


@dataclass(frozen=True)
class Exporter:
    template: Template
    select_related: tuple[str, ...]
    personal: bool = False  # holds masked personal data that may be revealed

    def respond(self, request, queryset, fmt: str):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        reveal = self.personal and request.GET.get("reveal") == "1"
        if reveal and not may_reveal_all(request.user, queryset):
            raise PermissionDenied(_("您无权查看其中部分会员的明文信息"))
        filename = self.filename(fmt, reveal)
        if reveal:
            record_reveal(request, queryset.count(), fmt)
        if _more_than(queryset, exports.job_rows()):  # too long for one request: a job writes it
            job = exports.start(request=request, fmt=fmt, reveal=reveal, filename=filename,
                                total=queryset.count())  # fmt: skip
            return redirect("exports:detail", pk=job.pk)
        rows = self.rows(queryset, reveal)
        if fmt == "csv":
            return csv_response(self.template.headers, rows, filename)
        return xlsx_response(self.template, rows, filename)

    def rows(self, queryset, reveal: bool):
        """Each record as the template's cells, read from the database in chunks."""
        queryset = queryset.select_related(*self.select_related)
        if reveal:
            queryset = queryset.defer(None)  # the ciphertext is needed, and only now
        elif self.personal:
            queryset = queryset.defer(*PERSONAL_FIELDS)  # masked: never fetch the ciphertext
        renders = [
            c.render_clear if reveal and c.render_clear else c.render for c in self.template.columns
        ]
        return ([render(obj) for render in renders] for obj in queryset.iterator(chunk_size=CHUNK))

    def filename(self, fmt: str, reveal: bool) -> str:
        stamp = timezone.localdate().strftime("%Y%m%d")
        suffix = _("_明文") if reveal else ""
        return f"{self.template.title}_{stamp}{suffix}.{fmt}"

    def write(self, path, queryset, *, fmt: str, reveal: bool, actor, progress) -> int:
        """The export job's file (gonghui.core.exports): the rows the owner may see now."""
        if reveal and not may_reveal_all(actor, queryset):
            raise jobs.JobError(_("您无权查看其中部分会员的明文信息"))
        rows = _counted(self.rows(queryset, reveal), progress)
        if fmt == "csv":
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.writelines(csv_lines(self.template.headers, rows))
        else:
            write_xlsx(str(path), self.template, rows)
        return rows.count


class _counted:
    """Rows passed through, counted, with progress every CHUNK rows."""

    def __init__(self, rows, progress):
        self.rows, self.progress, self.count = rows, progress, 0

    def __iter__(self):
        for row in self.rows:
            yield row
            self.count += 1
            if self.count % CHUNK == 0:
                self.progress(self.count)


def _more_than(queryset, limit: int) -> bool:
    """Whether there are more than `limit` rows, without counting them all."""
    return queryset.order_by()[limit : limit + 1].exists()


def may_reveal_all(user, queryset) -> bool:
    allowed = Member.objects.visible_to(user, roles=REVEAL_ROLES).values("pk")
    return not queryset.exclude(pk__in=allowed).exists()


def record_reveal(request, count: int, fmt: str) -> None:
    """One audit entry per revealing export: who, how many rows, which filters."""
    query = query_of(request).copy()  # the audit log keeps the sealed query too
    for key in ("export", "reveal", "after", "before"):
        query.pop(key, None)
    AuditEntry.objects.create(
        actor=request.user,
        action=AuditAction.REVEAL,
        content_type=ContentType.objects.get_for_model(Member),
        object_id="export",
        object_repr=_("会员名单导出（明文）"),
        org_path=scope_root(request.user, REVEAL_ROLES),
        changes={
            _("导出"): [None, _("%(fmt)s，%(n)d 行，含身份号码和手机号码明文") % {
                "fmt": fmt, "n": count}],
            _("筛选条件"): [None, query.urlencode() or _("无")],
        },
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# csv
# ---------------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write returns what is written: csv.writer without a buffer."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def csv_lines(headers: list[str], rows):
    writer = csv.writer(_Echo())
    # The byte-order mark makes Excel read the file as UTF-8 (Chinese would be garbled).
    yield "\ufeff" + writer.writerow(headers)
    piece = []
    for row in rows:
        piece.append(writer.writerow([csv_cell(v) for v in row]))
        if len(piece) >= CSV_FLUSH:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)


def csv_response(headers: list[str], rows, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(headers, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


# ---------------------------------------------------------------------------------------------
# xlsx
# ---------------------------------------------------------------------------------------------


def xlsx_response(template: Template, rows, filename: str) -> FileResponse:
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    try:
        write_xlsx(handle.name, template, rows)
        stream = open(handle.name, "rb")  # noqa: SIM115 - closed by the response
    finally:
        os.unlink(handle.name)  # the open stream keeps the data until the response closes it
    return FileResponse(stream, as_attachment=True, filename=filename)


def write_xlsx(path: str, template: Template, rows) -> None:
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(str(template.title))
    for col, column in enumerate(template.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.header, formats.header)
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            write_cell(sheet, index, col, value, formats)
    sheet.freeze_panes(1, 0)
    workbook.close()


register_exporter(Organisation, Exporter(UNIONS, ("parent",)))
register_exporter(Employer, Exporter(UNITS, ("territory", "union")))
register_exporter(Member, Exporter(MEMBERS, ("union", "employer"), personal=True))
