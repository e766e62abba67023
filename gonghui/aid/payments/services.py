"""Paying aid (救助发放): the only code that writes payment rows and payment batches.

Every write that moves a programme's money first locks the programme row. Payments of one
programme therefore queue one behind the other, and the sums taken after the lock (what the
application and the programme have committed) stay true until the transaction commits: no
overspend and no double payment, whatever arrives at once. Lock order is always programme, then
batch, so two writers never wait on each other in a circle.

A payment with an idempotency key is written once for that key: a retry finds the row (or loses
the insert race on the unique key and then finds it) and gets the same payment back.
"""

import io
from decimal import Decimal

import xlsxwriter
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import AidStatus, BatchStatus
from gonghui.aid.models import AidApplication, Payment, PaymentBatch, Programme
from gonghui.aid.models.common import CENT
from gonghui.aid.payments.queries import application_committed, committed, payable_with_remainder
from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction
from gonghui.core.money import format_yuan, parse_yuan
from gonghui.core.scoping import may_edit_org
from gonghui.core.sheets.cells import neutralise
from gonghui.core.sheets.workbooks import Formats, write_cell

NOTE_LENGTH = 200
NAMES_SHOWN = 30  # a refusal lists at most this many people, then says how many more


# ---------------------------------------------------------------------------------------------
# Checks shared by the writers
# ---------------------------------------------------------------------------------------------


def parse_amount(value, field: str = "amount") -> Decimal:
    """Yuan, more than zero (core.money's one parser)."""
    return parse_yuan(value, field=field, positive=True)


def _lock(programme_id: int) -> Programme:
    """The programme row, locked until commit: every money write of the programme queues here."""
    return (
        Programme.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=programme_id)
    )


def _lock_batch(batch: PaymentBatch) -> PaymentBatch:
    programme = _lock(batch.programme_id)
    locked = PaymentBatch.objects.select_for_update(of=("self",)).get(pk=batch.pk)
    locked.programme = programme
    return locked


def _require_payer(actor, programme: Programme) -> None:
    """Only an administrator or clerk of the paying organisation (or above it) pays."""
    if getattr(actor, "pk", None) is None or not may_edit_org(actor, programme.organisation):
        raise PermissionDenied(
            _("只有主办工会（%(org)s）的管理员或经办人可以办理发放")
            % {"org": programme.organisation.name}
        )


_yuan = format_yuan


def _names(applications) -> str:
    names = [a.member.name for a in applications]
    shown = "、".join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += _("等%(n)d人") % {"n": len(names)}
    return shown


def _check_payable(application: AidApplication, today) -> None:
    if application.status != AidStatus.APPROVED or application.amount_approved is None:
        raise ValidationError(
            {
                "application": _("该申请当前为“%(status)s”，只有已批准的申请可以发放")
                % {"status": application.get_status_display()}
            }
        )
    if not AidApplication.objects.payable(today).filter(pk=application.pk).exists():
        raise ValidationError(
            {
                "application": _("公示期至%(date)s结束，公示期满后方可发放")
                % {"date": application.notice_ends_on or "—"}
            }
        )


def _check_room(programme: Programme, application: AidApplication, amount: Decimal) -> None:
    """Under the programme lock: the application's and the programme's sums carry `amount`."""
    approved = application.amount_approved
    done = application_committed(application)
    if done + amount > approved:
        raise ValidationError(
            {
                "amount": _(
                    "超过批准金额：批准%(approved)s元，已发放%(done)s元，"
                    "剩余可发放%(left)s元，本次%(amount)s元"
                )
                % {
                    "approved": _yuan(approved),
                    "done": _yuan(done),
                    "left": _yuan(max(approved - done, Decimal(0))),
                    "amount": _yuan(amount),
                }
            }
        )
    spent = committed(programme)
    if spent + amount > programme.budget:
        raise ValidationError(
            {
                "amount": _(
                    "超过项目预算：预算%(budget)s元，已发放（含待银行回单）%(spent)s元，"
                    "剩余%(left)s元，本次%(amount)s元"
                )
                % {
                    "budget": _yuan(programme.budget),
                    "spent": _yuan(spent),
                    "left": _yuan(max(programme.budget - spent, Decimal(0))),
                    "amount": _yuan(amount),
                }
            }
        )


def _record_create(actor, obj) -> None:
    audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))


# ---------------------------------------------------------------------------------------------
# Single payments and reversals
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def pay(*, actor, application, amount, idempotency_key=None, note: str = "", batch=None) -> Payment:
    """Pay `amount` yuan on an approved application past its public notice.

    With `batch` (an open batch of the same programme) the row is a line of that bank transfer
    list; without it the money has been paid directly (cash, an earlier transfer)."""
    amount = parse_amount(amount)
    key = clean_key(idempotency_key)
    note = (note or "").strip()
    programme = _lock(application.programme_id)
    _require_payer(actor, programme)
    fresh: dict = {}

    def check() -> None:  # under the programme lock, after a replay has been answered
        if len(note) > NOTE_LENGTH:
            raise ValidationError({"note": _("备注不能超过%(n)d个字符") % {"n": NOTE_LENGTH}})
        # Fresh from the database, after the lock: the caller's copy may be stale.
        fresh["application"] = current = AidApplication.objects.select_related(
            "member", "union"
        ).get(pk=application.pk)
        _check_payable(current, timezone.localdate())
        if batch is not None:
            _check_open_batch_for(batch, programme, current)
        _check_room(programme, current, amount)

    return pay_once(
        actor=actor, model=Payment, parent=application, amount=amount, key=key,
        conflict=_("该幂等键已用于另一笔发放（申请或金额不同），请使用新的幂等键"), check=check,
        build=lambda: Payment(
            programme=programme, application=fresh["application"], amount=amount, batch=batch,
            note=note, created_by=actor,
        ),
    )  # fmt: skip


def _check_open_batch_for(batch, programme, application) -> None:
    batch = PaymentBatch.objects.select_for_update(of=("self",)).get(pk=batch.pk)
    if batch.programme_id != programme.pk:
        raise ValidationError({"batch": _("该批次不属于此救助项目")})
    if batch.status != BatchStatus.OPEN:
        raise ValidationError({"batch": _("该批次已导出，不能再加入发放")})
    if not application.bank_account_masked:
        raise ValidationError({"application": _("该申请缺少收款银行账号，不能列入转账批次")})


def _write_reversal(*, actor, payment: Payment, note: str, booked_on=None) -> Payment:
    """A negative row pointing at `payment`, in the same batch (so that both count as paid, and
    cancel, once the batch is settled). The caller holds the programme lock."""
    reversal = Payment(
        programme_id=payment.programme_id,
        application_id=payment.application_id,
        amount=-payment.amount,
        batch_id=payment.batch_id,
        reverses=payment,
        note=note[:NOTE_LENGTH],
        created_by=actor,
        booked_on=booked_on or timezone.localdate(),
    )
    reversal.save()
    _record_create(actor, reversal)
    return reversal


@transaction.atomic
def reverse_payment(*, actor, payment, reason: str) -> Payment:
    """Take back a direct payment (entered in error, returned by the worker): a negative row.
    Batch lines are handled by their batch: removed while it is open, marked failed when the
    bank's return is entered, and a settled batch never changes."""
    programme = _lock(payment.programme_id)
    _require_payer(actor, programme)
    payment = Payment.objects.select_related("batch").get(pk=payment.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写冲正原因")})
    if len(reason) > NOTE_LENGTH:
        raise ValidationError({"reason": _("冲正原因不能超过%(n)d个字符") % {"n": NOTE_LENGTH}})
    if payment.reverses_id is not None:
        raise ValidationError({"payment": _("冲正记录本身不能再冲正")})
    if Payment.objects.filter(reverses=payment).exists():
        raise ValidationError({"payment": _("该笔发放已冲正，不能重复冲正")})
    if payment.batch_id is not None:
        raise ValidationError({"payment": _batch_line_message(payment.batch)})
    return _write_reversal(actor=actor, payment=payment, note=reason)


def _batch_line_message(batch: PaymentBatch) -> str:
    if batch.status == BatchStatus.OPEN:
        return _("该笔发放在未导出的批次中：请从批次中移出")
    if batch.status == BatchStatus.EXPORTED:
        return _("该笔发放所在批次已导出：银行转账失败的，请在登记银行回单时勾选")
    return _("该笔发放所在批次已回单，不能更改")


# ---------------------------------------------------------------------------------------------
# Batches: the bank's transfer list
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_batch(*, actor, programme, applications=None) -> PaymentBatch:
    """One line per payable application of the programme (or per given application) for its
    unpaid remainder, all under the one lock; refused whole, naming who, when anything is off."""
    programme = _lock(programme.pk)
    _require_payer(actor, programme)
    candidates = list(
        payable_with_remainder(AidApplication.objects.filter(programme=programme))
        .select_related("member", "union")
        .defer("bank_account")
        .order_by("union__path", "pk")
    )
    if applications is not None:
        candidates = _only_given(candidates, applications)
    if not candidates:
        raise ValidationError(
            {"applications": _("本项目没有可发放的申请（已批准、公示期满且尚未足额发放）")}
        )
    no_account = [a for a in candidates if not a.bank_account_masked]
    if no_account:
        raise ValidationError(
            {
                "applications": _("以下申请缺少收款银行账号，请补全后再制单：%(names)s")
                % {"names": _names(no_account)}
            }
        )
    _check_budget_for(programme, candidates)
    batch = PaymentBatch.objects.create(programme=programme, created_by=actor)
    _record_create(actor, batch)
    for application in candidates:
        line = Payment(
            programme=programme,
            application=application,
            amount=application.unpaid.quantize(CENT),
            batch=batch,
            created_by=actor,
        )
        line.save()
        _record_create(actor, line)
    return batch


def _only_given(candidates: list, applications) -> list:
    wanted = {getattr(a, "pk", a) for a in applications}
    chosen = [a for a in candidates if a.pk in wanted]
    missing = wanted - {a.pk for a in chosen}
    if missing:
        refused = AidApplication.objects.filter(pk__in=missing).select_related("member")
        raise ValidationError(
            {
                "applications": _(
                    "以下申请不能列入本批（不属于本项目、未批准、仍在公示期或已足额发放）："
                    "%(names)s"
                )
                % {"names": _names(refused.order_by("pk")) or _("%(n)d份") % {"n": len(missing)}}
            }
        )
    return chosen


def _check_budget_for(programme: Programme, candidates: list) -> None:
    total = sum((a.unpaid for a in candidates), Decimal(0)).quantize(CENT)
    spent = committed(programme)
    if spent + total <= programme.budget:
        return
    lines = "、".join(f"{a.member.name} {_yuan(a.unpaid)}元" for a in candidates[:NAMES_SHOWN]) + (
        _("等%(n)d人") % {"n": len(candidates)} if len(candidates) > NAMES_SHOWN else ""
    )
    raise ValidationError(
        {
            "applications": _(
                "预算不足：预算%(budget)s元，已发放（含待银行回单）%(spent)s元，剩余%(left)s元，"
                "本批%(n)d人共需%(total)s元（%(lines)s）。请选择部分申请制单或先调整预算"
            )
            % {
                "budget": _yuan(programme.budget),
                "spent": _yuan(spent),
                "left": _yuan(max(programme.budget - spent, Decimal(0))),
                "n": len(candidates),
                "total": _yuan(total),
                "lines": lines,
            }
        }
    )


@transaction.atomic
def remove_line(*, actor, payment) -> None:
    """Take a line out of a batch that has not been exported.

    The line is deleted rather than reversed: an open batch is a draft transfer list, nothing
    of it has reached the bank, so no money moved and the ledger should not carry a pair of rows
    that cancel out for nothing (nor would the exported list have to skip them). The audit log
    keeps the removed line. Once exported, a line can only fail on the bank's return."""
    programme = _lock(payment.programme_id)
    _require_payer(actor, programme)
    payment = Payment.objects.select_related("batch", "application__member").get(pk=payment.pk)
    if payment.batch_id is None:
        raise ValidationError({"payment": _("该笔发放不在批次中")})
    if payment.batch.status != BatchStatus.OPEN:
        raise ValidationError({"payment": _batch_line_message(payment.batch)})
    audit.record(
        actor=actor, action=AuditAction.DELETE, obj=payment, before=audit.snapshot(payment)
    )
    payment.delete()


TRANSFER_COLUMNS = (
    ("序号", 6),
    ("收款人", 12),
    ("开户银行", 26),
    ("银行账号", 24),
    ("金额（元）", 12),
    ("用途", 28),
    ("所在工会", 26),
)


def transfer_workbook(batch: PaymentBatch, lines: list[Payment]) -> bytes:
    """The bank's transfer list. Text is written as text and neutralised (never a formula);
    the account is a text cell so that long digits stay intact. The amount is a number cell
    (banks' upload tools add the column up); two-place yuan are exact in it."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = Formats(workbook)
    money = workbook.add_format({"num_format": "0.00"})
    sheet = workbook.add_worksheet(_("转账清单"))
    for col, (header, width) in enumerate(TRANSFER_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, header, formats.header)
    purpose = str(batch.programme)
    for row, line in enumerate(lines, start=1):
        application = line.application
        sheet.write_number(row, 0, row)
        write_cell(sheet, row, 1, application.payee_name or application.member.name, formats)
        write_cell(sheet, row, 2, application.bank_name, formats)
        sheet.write_string(row, 3, neutralise(application.bank_account or ""), formats.text)
        sheet.write_number(row, 4, float(line.amount), money)
        write_cell(sheet, row, 5, purpose, formats)
        write_cell(sheet, row, 6, application.union.name, formats)
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def batch_lines(batch: PaymentBatch):
    """The money-out lines of a batch (not the reversals of failed ones), in list order."""
    return batch.payments.filter(reverses__isnull=True).order_by("pk")


@transaction.atomic
def export_batch(*, actor, batch) -> bytes:
    """The transfer list with account numbers in clear: audited every time it is taken. The
    first export closes the batch to changes; a settled batch is not exported again, so that
    a list already paid cannot be sent to the bank twice."""
    batch = _lock_batch(batch)
    _require_payer(actor, batch.programme)
    if batch.status == BatchStatus.SETTLED:
        raise ValidationError({"batch": _("该批次已回单，不能再导出转账清单（以免重复转账）")})
    lines = list(batch_lines(batch).select_related("application__member", "application__union"))
    if not lines:
        raise ValidationError({"batch": _("该批次没有发放明细")})
    content = transfer_workbook(batch, lines)
    before = audit.snapshot(batch)
    if batch.status == BatchStatus.OPEN:
        batch.status = BatchStatus.EXPORTED
        batch.exported_at = timezone.now()
        audit.saved(batch, actor=actor, before=before, update_fields=["status", "exported_at"])
    total = sum((line.amount for line in lines), Decimal(0))
    audit.record(
        actor=actor,
        action=AuditAction.REVEAL,
        obj=batch,
        changes={
            _("导出"): [
                None,
                _("银行转账清单，%(n)d笔，共%(total)s元，含银行账号明文")
                % {"n": len(lines), "total": _yuan(total)},
            ]
        },
    )
    return content


@transaction.atomic
def settle_batch(
    *, actor, batch, settled_on, bank_reference: str, failed_payment_ids=()
) -> PaymentBatch:
    """The bank's return: failed lines get reversal rows (so the worker's paid total excludes
    them and the money is free again), and the batch is settled. A settled batch never changes."""
    batch = _lock_batch(batch)
    _require_payer(actor, batch.programme)
    if batch.status == BatchStatus.SETTLED:
        raise ValidationError({"batch": _("该批次已回单，不能更改")})
    if batch.status == BatchStatus.OPEN:
        raise ValidationError({"batch": _("该批次尚未导出转账清单，不能登记银行回单")})
    reference = (bank_reference or "").strip()
    lines = {line.pk: line for line in batch_lines(batch)}
    errors = _settle_errors(batch, settled_on, reference)
    failed, failed_error = _failed_ids(failed_payment_ids, lines)
    if failed_error:
        errors["failed_payment_ids"] = failed_error
    if errors:
        raise ValidationError(errors)
    for pk in sorted(failed):
        _write_reversal(
            actor=actor,
            payment=lines[pk],
            note=_("银行转账失败退回（回单号%(ref)s）") % {"ref": reference},
            booked_on=settled_on,
        )
    before = audit.snapshot(batch)
    batch.status = BatchStatus.SETTLED
    batch.settled_on = settled_on
    batch.settled_by = actor
    batch.bank_reference = reference
    audit.saved(
        batch,
        actor=actor,
        before=before,
        update_fields=["status", "settled_on", "settled_by", "bank_reference"],
    )
    return batch


def _settle_errors(batch: PaymentBatch, settled_on, reference: str) -> dict:
    errors = {}
    if not reference:
        errors["bank_reference"] = _("请填写银行回单号")
    elif len(reference) > 50:
        errors["bank_reference"] = _("银行回单号不能超过50个字符")
    exported_on = timezone.localdate(batch.exported_at) if batch.exported_at else None
    if settled_on is None:
        errors["settled_on"] = _("请填写银行回单日期")
    elif settled_on > timezone.localdate():
        errors["settled_on"] = _("银行回单日期不能晚于今天")
    elif exported_on and settled_on < exported_on:
        errors["settled_on"] = _("银行回单日期不能早于导出日期%(date)s") % {"date": exported_on}
    return errors


def _failed_ids(values, lines: dict) -> tuple[set[int], str]:
    try:
        failed = {int(v) for v in values or ()}
    except (TypeError, ValueError):
        return set(), _("失败发放的编号无效")
    unknown = sorted(failed - lines.keys())
    if unknown:
        return failed, _("以下编号不是本批次的发放：%(ids)s") % {
            "ids": "、".join(str(pk) for pk in unknown)
        }
    return failed, ""
