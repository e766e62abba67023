"""Honourees' files and care: the only code that writes them (besides the approval in
honours.nominations, which opens a file).

Staff who may edit the file's union change it. The allowance is paid through
core.ledgers.pay_once under a lock on the file: once per year (the unique row backs it), never
above the standard of the honouree's honours, never to a revoked or deceased one's file for a
year after death. Care records are dated; the due lists read them.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction
from gonghui.core.money import parse_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.workforce.care import queries
from gonghui.workforce.choices import CareKind, HonoureeStatus, HonourStatus
from gonghui.workforce.documents import attach
from gonghui.workforce.models import AllowancePayment, CareRecord, Honour, Honouree


def _lock(actor, honouree) -> Honouree:
    return lock_for_edit(honouree, actor=actor, org_field="union")


@transaction.atomic
def set_status(*, actor, honouree, status, on=None) -> Honouree:
    """Retirement (退休) or death (去世), with its date; back to working corrects a mistake."""
    honouree = _lock(actor, honouree)
    if status not in HonoureeStatus.values:
        raise ValidationError({"status": _("请选择状态")})
    if status != HonoureeStatus.WORKING and not is_date(on):
        raise ValidationError({"on": _("请填写日期")})
    before = audit.snapshot(honouree)
    honouree.status = status
    if status == HonoureeStatus.RETIRED:
        honouree.retired_on = on
    elif status == HonoureeStatus.DECEASED:
        honouree.died_on = on
    return audit.saved(honouree, actor=actor, before=before)


@transaction.atomic
def set_hardship(*, actor, honouree, in_hardship: bool, note="") -> Honouree:
    """The 困难劳模 flag (aid programmes may require it)."""
    honouree = _lock(actor, honouree)
    note = (note or "").strip()
    if in_hardship and not note:
        raise ValidationError({"note": _("请写明困难情况")})
    before = audit.snapshot(honouree)
    honouree.in_hardship, honouree.hardship_note = bool(in_hardship), note[:200]
    return audit.saved(honouree, actor=actor, before=before)


@transaction.atomic
def follow_registry(*, actor, honouree) -> Honouree:
    """Move the file to the union and employer of the person's active membership (转会后)."""
    honouree = _lock(actor, honouree)
    member = (
        Member.objects.filter(id_hash=honouree.id_hash, status=MemberStatus.ACTIVE)
        .select_related("union", "employer")
        .first()
    )
    if member is None:
        raise ValidationError(_("会员登记中没有此人的在会记录"))
    before = audit.snapshot(honouree)
    honouree.member, honouree.union, honouree.employer = member, member.union, member.employer
    return audit.saved(honouree, actor=actor, before=before)


REVOCATION = "撤销文件"


@transaction.atomic
def revoke_honour(
    *, actor, honour, reason, document_number, on=None, upload=None
) -> Honour:  # fmt: skip
    """Revoke with the reason and the decision's number; the decision itself may be attached."""
    honour = lock_for_edit(honour, actor=actor, org_field="union")
    if honour.status == HonourStatus.REVOKED:
        raise ValidationError(_("该荣誉已撤销"))
    errors: dict = {}
    reason, document_number = (reason or "").strip(), (document_number or "").strip()
    if not reason:
        errors["reason"] = _("请填写撤销原因")
    if not document_number:
        errors["document_number"] = _("请填写撤销文号")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(honour)
    honour.status, honour.revoke_reason = HonourStatus.REVOKED, reason[:200]
    honour.revoke_document_number = document_number[:60]
    honour.revoked_on = on or timezone.localdate()
    audit.saved(honour, actor=actor, before=before)
    if upload is not None:
        attach(actor=actor, upload=upload, kind=REVOCATION, honour=honour)
    return honour


@transaction.atomic
def pay_allowance(*, actor, honouree, year, amount=None, paid_on=None, idempotency_key=None):
    honouree = Honouree.objects.select_for_update().select_related("union").get(pk=honouree.pk)
    if actor is None or not may_edit_org(actor, honouree.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    key = clean_key(idempotency_key)
    standard = queries.allowance_standard(honouree)
    amount = standard if amount in (None, "") else parse_yuan(amount, field="amount", positive=True)
    paid_on = paid_on or timezone.localdate()

    def check():
        errors: dict = {}
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            errors["year"] = _("年度应为 2000—2100 之间的年份")
        elif AllowancePayment.objects.filter(honouree=honouree, year=year).exists():
            errors["year"] = _("%(y)d年的津贴已发放") % {"y": year}
        if standard <= 0:
            errors["amount"] = _("该劳模没有有效的享受津贴的荣誉")
        elif amount > standard:
            errors["amount"] = _("金额不能超过津贴标准 %(s)s 元") % {"s": standard}
        if (
            honouree.status == HonoureeStatus.DECEASED
            and honouree.died_on
            and (isinstance(year, int) and year > honouree.died_on.year)
        ):
            errors["year"] = _("去世后的年度不再发放津贴")
        if errors:
            raise ValidationError(errors)

    return pay_once(
        actor=actor, model=AllowancePayment, parent=honouree, amount=amount, key=key,
        conflict=_("该幂等键已用于另一笔津贴"), check=check,
        build=lambda: AllowancePayment(honouree=honouree, year=year, amount=amount,
                                       paid_on=paid_on, created_by=actor),
    )  # fmt: skip


@transaction.atomic
def record_care(*, actor, honouree, kind, on, note="") -> CareRecord:
    honouree = _lock(actor, honouree)
    errors: dict = {}
    if kind not in CareKind.values:
        errors["kind"] = _("请选择类别")
    if not is_date(on):
        errors["on"] = _("请填写日期")
    elif on > timezone.localdate():
        errors["on"] = _("日期不能晚于今天")
    note = (note or "").strip()
    if len(note) > 200:
        errors["note"] = _("不能超过200个字")
    if errors:
        raise ValidationError(errors)
    record = CareRecord.objects.create(
        honouree=honouree, kind=kind, on=on, note=note, recorded_by=actor
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=record, after=audit.snapshot(record))
    return record
