"""Monthly records: filed, prefilled, submitted, then locked; attendance and training."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.cadres.choices import RecordStatus
from gonghui.cadres.records import services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


def this_month():
    return timezone.localdate().replace(day=1)


def test_the_worker_files_and_submits_and_the_record_locks(county, sam):
    record = services.create_record(
        actor=sam.user, worker=sam, month=this_month(), work_done="走访企业 5 家"
    )
    assert record.status == RecordStatus.DRAFT
    assert "members_new" in record.figures and "cases_received" in record.figures
    services.attach(
        actor=sam.user, record=record, upload=SimpleUploadedFile("走访.pdf", PDF, "application/pdf")
    )
    services.update_record(actor=sam.user, monthlyrecord=record, notes="补充")
    services.submit_record(actor=sam.user, record=record)
    record.refresh_from_db()
    assert record.is_locked and record.submitted_at

    with pytest.raises(ValidationError):
        services.update_record(actor=sam.user, monthlyrecord=record, work_done="改")
    with pytest.raises(ValidationError):
        services.submit_record(actor=sam.user, record=record)
    with pytest.raises(ValidationError):
        services.refresh_figures(actor=sam.user, record=record)
    with pytest.raises(ValidationError):
        services.attach(
            actor=sam.user,
            record=record,
            upload=SimpleUploadedFile("b.pdf", PDF, "application/pdf"),
        )
    record.refresh_from_db()
    assert record.work_done == "走访企业 5 家" and record.attachments.count() == 1


def test_the_host_union_may_file_for_the_worker_but_no_one_else(county, bob, charlie, sam, tina):
    services.create_record(actor=bob, worker=sam, month=this_month(), work_done="代填")
    with pytest.raises(PermissionDenied):
        services.create_record(actor=charlie, worker=sam, month=this_month(), work_done="x")
    with pytest.raises(PermissionDenied):
        services.create_record(actor=tina.user, worker=sam, month=this_month(), work_done="x")


def test_one_record_a_month_and_no_future_month(county, sam):
    services.create_record(actor=sam.user, worker=sam, month=this_month(), work_done="a")
    with pytest.raises(ValidationError) as exc:
        services.create_record(actor=sam.user, worker=sam, month=this_month(), work_done="b")
    assert "month" in exc.value.message_dict
    future = (this_month() + datetime.timedelta(days=40)).replace(day=1)
    with pytest.raises(ValidationError) as exc:
        services.create_record(actor=sam.user, worker=sam, month=future, work_done="c")
    assert "month" in exc.value.message_dict


def test_attendance_is_checked_against_the_month_and_replaced(county, sam):
    month = datetime.date(2025, 2, 1)
    with pytest.raises(ValidationError) as exc:
        services.record_attendance(
            actor=sam.user, worker=sam, month=month, days_signed_in=20, days_leave=10
        )
    assert "days_leave" in exc.value.message_dict
    services.record_attendance(actor=sam.user, worker=sam, month=month, days_signed_in=18)
    entry = services.record_attendance(
        actor=sam.user, worker=sam, month=month, days_signed_in=19, days_leave=1
    )
    assert sam.attendance.get() == entry and entry.days_signed_in == 19


def test_training_entries(county, sam):
    entry = services.add_training(
        actor=sam.user,
        worker=sam,
        kind="course",
        title="社工实务",
        date=datetime.date(2025, 4, 2),
        hours="6.5",
    )
    assert entry.hours == Decimal("6.5")
    with pytest.raises(ValidationError) as exc:
        services.add_training(actor=sam.user, worker=sam, kind="x", title="", date=None)
    assert set(exc.value.message_dict) == {"kind", "title", "date"}
