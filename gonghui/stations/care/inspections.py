"""County inspections (县级检查) of a station against the checklist (环境卫生, 物资配备, 设施设备,
标识标牌, 安全管理), with findings to fix by a deadline, and the keeper's fix. Inspections are
the county's (and towns') editors' to record; fixes are the keeper's. Overdue fixes are on the
dashboard (`fixes_overdue`)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.stations import checks
from gonghui.stations.choices import CheckItem
from gonghui.stations.models import Finding, Inspection, Station


@transaction.atomic
def record_inspection(*, actor, station: Station, inspected_on, failed_items=(), note="",
                      findings=()) -> Inspection:  # fmt: skip
    """`findings`: (item, description, fix_by) of each problem found."""
    station = (
        Station.objects.select_for_update(of=("self",)).select_related("union").get(pk=station.pk)
    )
    checks.ensure_may_manage(actor, station)
    errors: dict = {}
    day = checks.date_value(inspected_on, "inspected_on", _("检查日期"), errors)
    if day and day > timezone.localdate():
        errors["inspected_on"] = _("不能晚于今天")
    failed = checks.choices(failed_items, "failed_items", _("不合格项"), CheckItem, errors)
    note = checks.text({"note": note}, "note", _("检查意见"), 500, errors)
    for item, description, fix_by in findings:
        if item not in CheckItem.values or not description or fix_by is None:
            errors["findings"] = _("每个问题须有检查项、问题描述和整改期限")
        elif day and fix_by < day:
            errors["findings"] = _("整改期限不能早于检查日期")
    checks.raise_if(errors)
    inspection = Inspection.objects.create(
        station=station, inspected_on=day, inspector=actor, failed_items=",".join(failed),
        note=note,
    )  # fmt: skip
    for item, description, fix_by in findings:
        Finding.objects.create(
            inspection=inspection, item=item, description=description, fix_by=fix_by
        )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=inspection,
                 after=audit.snapshot(inspection))  # fmt: skip
    return inspection


@transaction.atomic
def fix_finding(*, actor, finding: Finding, fix_note: str, fixed_on=None) -> Finding:
    finding = (
        Finding.objects.select_for_update(of=("self",))
        .select_related("inspection__station__union")
        .get(pk=finding.pk)
    )
    checks.ensure_may_keep(actor, finding.inspection.station)
    errors: dict = {}
    if finding.fixed_on is not None:
        errors["fix_note"] = _("该问题已整改")
    fix_note = checks.text({"fix_note": fix_note}, "fix_note", _("整改情况"), 300, errors,
                           required=True)  # fmt: skip
    checks.raise_if(errors)
    before = audit.snapshot(finding)
    finding.fix_note, finding.fixed_on = fix_note, fixed_on or timezone.localdate()
    finding.fixed_by = actor if getattr(actor, "pk", None) else None
    audit.saved(finding, actor=actor, before=before)
    return finding


def overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(fixed_on__isnull=True, fix_by__lt=today)
