"""The only code that writes monthly records, their attachments, attendance and training entries.

Life cycle of a monthly record (月度工作纪实): created by the worker (or the host union on their
behalf) for a month that has begun, with the month's figures for the union served prefilled
(gonghui.cadres.records.prefill); while being filled in (填写中) the text may change and the
figures be refreshed; `submit_record` locks it (已提交): from then on every change, attachment
included, is refused. One record per worker and month.

Who: the worker themselves or an editing role over the union they serve
(gonghui.cadres.access.may_write_file); anyone else is refused as out of scope. Audited.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.cadres import checks
from gonghui.cadres.access import ensure, may_write_file
from gonghui.cadres.choices import RecordStatus, TrainingKind
from gonghui.cadres.models import (
    Attendance,
    MonthlyRecord,
    RecordAttachment,
    SocialWorker,
    TrainingEntry,
)
from gonghui.cadres.records.prefill import month_bounds, work_figures
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.uploads import check_upload, store_document


def _locked(record: MonthlyRecord, field: str = "status"):
    return ValidationError({field: _("%(r)s已提交并锁定，不能再修改") % {"r": record}})


def _lock(record: MonthlyRecord, actor) -> MonthlyRecord:
    row = (
        MonthlyRecord.objects.select_for_update(of=("self",))
        .select_related("worker__organisation")
        .get(pk=record.pk)
    )
    ensure(may_write_file(actor, row.worker))
    return row


@transaction.atomic
def create_record(*, actor, worker: SocialWorker, month, work_done="", notes="") -> MonthlyRecord:
    ensure(may_write_file(actor, worker))
    errors: dict = {}
    first = checks.month(month, "month", errors, today=timezone.localdate())
    clean = {
        "work_done": checks.text(
            work_done, "work_done", _("本月工作内容"), 5000, errors, required=True
        ),
        "notes": checks.text(notes, "notes", _("其他说明"), 5000, errors),
    }
    if first and MonthlyRecord.objects.filter(worker=worker, month=first).exists():
        errors["month"] = _("%(m)s的工作纪实已填报") % {"m": f"{first:%Y年%m月}"}
    if not worker.is_active:
        errors["worker"] = _("%(w)s已不在岗") % {"w": worker.name}
    checks.raise_if(errors)
    record = MonthlyRecord.objects.create(
        worker=worker, month=first, figures=work_figures(worker.organisation, first),
        created_by=actor if getattr(actor, "pk", None) else None, **clean,
    )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.CREATE, obj=record, after=audit.snapshot(record))
    return record


@transaction.atomic
def update_record(*, actor, monthlyrecord: MonthlyRecord, **changes) -> MonthlyRecord:
    record = _lock(monthlyrecord, actor)
    if record.is_locked:
        raise _locked(record)
    unknown = set(changes) - {"work_done", "notes"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    errors: dict = {}
    work_done = checks.text(
        changes.get("work_done", record.work_done), "work_done", _("本月工作内容"), 5000, errors,
        required=True,
    )  # fmt: skip
    notes = checks.text(changes.get("notes", record.notes), "notes", _("其他说明"), 5000, errors)
    checks.raise_if(errors)
    before = audit.snapshot(record)
    record.work_done, record.notes = work_done, notes
    return audit.saved(record, actor=actor, before=before)


@transaction.atomic
def refresh_figures(*, actor, record: MonthlyRecord) -> MonthlyRecord:
    """Count the month's figures again (data entered late) while the record is open."""
    record = _lock(record, actor)
    if record.is_locked:
        raise _locked(record, "figures")
    record.figures = work_figures(record.worker.organisation, record.month)
    record.save(update_fields=["figures"])
    return record


@transaction.atomic
def submit_record(*, actor, record: MonthlyRecord) -> MonthlyRecord:
    record = _lock(record, actor)
    if record.is_locked:
        raise _locked(record)
    before = audit.snapshot(record)
    record.status = RecordStatus.SUBMITTED
    record.submitted_at = timezone.now()
    return audit.saved(record, actor=actor, before=before)


@transaction.atomic
def attach(*, actor, record: MonthlyRecord, upload, kind="") -> RecordAttachment:
    record = _lock(record, actor)
    if record.is_locked:
        raise _locked(record, "upload")
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = RecordAttachment(
        record=record, kind=(kind or "").strip()[:50] or _("工作照片及材料"), original_name=name,
        content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


@transaction.atomic
def record_attendance(
    *, actor, worker: SocialWorker, month, days_signed_in, days_leave=0, note=""
) -> Attendance:
    """The month's attendance; entering a month again replaces its figures (audited)."""
    ensure(may_write_file(actor, worker))
    errors: dict = {}
    first = checks.month(month, "month", errors, today=timezone.localdate())
    signed = checks.whole(days_signed_in, "days_signed_in", _("签到天数"), errors, high=31)
    leave = checks.whole(days_leave, "days_leave", _("请假天数"), errors, high=31)
    note = checks.text(note, "note", _("说明"), 200, errors)
    if first and signed is not None and leave is not None and "month" not in errors:
        days = (month_bounds(first)[1] - first).days + 1
        if signed + leave > days:
            errors["days_leave"] = _("签到与请假共 %(n)d 天，超过当月 %(d)d 天") % {
                "n": signed + leave, "d": days,
            }  # fmt: skip
    checks.raise_if(errors)
    existing = Attendance.objects.select_for_update().filter(worker=worker, month=first).first()
    if existing is None:
        entry = Attendance.objects.create(
            worker=worker, month=first, days_signed_in=signed, days_leave=leave, note=note
        )
        audit.record(actor=actor, action=AuditAction.CREATE, obj=entry, after=audit.snapshot(entry))
        return entry
    before = audit.snapshot(existing)
    existing.days_signed_in, existing.days_leave, existing.note = signed, leave, note
    return audit.saved(existing, actor=actor, before=before)


@transaction.atomic
def add_training(
    *, actor, worker: SocialWorker, kind, title, date, hours=0, result=""
) -> TrainingEntry:
    ensure(may_write_file(actor, worker))
    errors: dict = {}
    if kind not in TrainingKind.values:
        errors["kind"] = _("请选择类别")
    title = checks.text(title, "title", _("名称"), 200, errors, required=True)
    day = checks.date(date, "date", _("日期"), errors)
    if day and day > timezone.localdate():
        errors["date"] = _("日期（%(d)s）不能晚于今天") % {"d": day}
    hours = checks.score(hours or 0, "hours", _("学时"), errors, high=999)
    result = checks.text(result, "result", _("成绩/结果"), 100, errors)
    checks.raise_if(errors)
    entry = TrainingEntry.objects.create(
        worker=worker, kind=kind, title=title, date=day, hours=hours or Decimal(0), result=result
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=entry, after=audit.snapshot(entry))
    return entry
