"""Paying aid: the ledger rules (approved amount, budget, notice, idempotency), reversals and
bank batches (create, export, settle), each checked to change nothing when it refuses."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.aid.choices import AidStatus, BatchStatus, Channel
from gonghui.aid.models import AidApplication, Payment, PaymentBatch
from gonghui.aid.payments import queries as q
from gonghui.aid.payments import services as payments
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.validators import resident_id_check_char
from gonghui.registry.services import create_member
from gonghui.registry.tests.sheets import read_xlsx

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
ACCOUNT = "6228480402564890018"


def make_member(county, n: int, union=None, name=None):
    """A member of union_a (or `union`) with a valid, distinct ID number."""
    body = f"42032419900101{n:03d}"
    return create_member(
        actor=None,
        name=name or f"王测{n}",
        id_number=body + resident_id_check_char(body),
        phone="",
        union=union or county.union_a,
        employer=None,
        joined_on=datetime.date(2024, 1, 1),
    )


def approved(programme, member, amount="1000.00", *, notice_over=True, account=ACCOUNT, **extra):
    """An approved application written directly (approval is another area's feature)."""
    application = AidApplication(
        programme=programme,
        member=member,
        union=member.union,
        channel=Channel.STAFF,
        status=AidStatus.APPROVED,
        amount_requested=Decimal(amount),
        amount_approved=Decimal(amount),
        approved_on=TODAY - datetime.timedelta(days=10),
        notice_ends_on=TODAY - datetime.timedelta(days=1 if notice_over else -3),
        payee_name=member.name,
        bank_name="中国农业银行城关支行",
        **extra,
    )
    application.set_bank_account(account)
    application.save()
    return application


@pytest.fixture
def application(county, programme):
    return approved(programme, county.member_a)


def refused(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# ---------------------------------------------------------------------------------------------
# pay
# ---------------------------------------------------------------------------------------------


def test_pay_writes_a_row_and_audits_it(alice, application, programme):
    payment = payments.pay(actor=alice, application=application, amount="600.00", note="现金")
    assert payment.amount == Decimal("600.00") and payment.programme == programme
    assert payment.created_by == alice and payment.batch is None
    assert q.paid_total(application) == Decimal("600.00")
    assert q.committed(programme) == Decimal("600.00") == q.paid(programme)
    assert q.remaining(programme) == Decimal("9400.00")
    entry = AuditEntry.objects.for_object(payment).get(action=AuditAction.CREATE)
    assert entry.actor == alice and entry.changes["amount"] == [None, "600.00"]


def test_never_above_the_approved_amount(alice, application):
    payments.pay(actor=alice, application=application, amount="700")
    errors = refused(lambda: payments.pay(actor=alice, application=application, amount="300.01"))
    assert "批准1000.00元" in errors["amount"][0] and "已发放700.00元" in errors["amount"][0]
    assert "剩余可发放300.00元" in errors["amount"][0]
    assert Payment.objects.count() == 1
    payments.pay(actor=alice, application=application, amount="300.00")  # exactly the rest
    assert q.paid_total(application) == Decimal("1000.00")


def test_never_above_the_budget(county, alice, make_programme_small):
    programme = make_programme_small
    first = approved(programme, county.member_a, "800")
    second = approved(programme, make_member(county, 1), "800")
    payments.pay(actor=alice, application=first, amount="800")
    errors = refused(lambda: payments.pay(actor=alice, application=second, amount="500"))
    assert "预算1000.00元" in errors["amount"][0] and "剩余200.00元" in errors["amount"][0]
    assert q.committed(programme) == Decimal("800.00")
    payments.pay(actor=alice, application=second, amount="200")
    assert q.remaining(programme) == Decimal("0.00")


@pytest.fixture
def make_programme_small(county):
    from gonghui.aid.tests.conftest import make_programme

    return make_programme(county, budget=Decimal("1000.00"))


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "大于 0"),
        ("-5", "大于 0"),
        ("12.345", "两位小数"),
        ("abc", "不是金额"),
        (12.5, "金额"),
        (None, "请填写金额"),
        ("1e20", "超出范围"),
    ],
)
def test_bad_amounts_are_refused(alice, application, amount, message):
    errors = refused(lambda: payments.pay(actor=alice, application=application, amount=amount))
    assert message in errors["amount"][0]
    assert not Payment.objects.exists()


def test_notice_period_blocks_payment(county, alice, programme):
    in_notice = approved(programme, county.member_a, notice_over=False)
    errors = refused(lambda: payments.pay(actor=alice, application=in_notice, amount="100"))
    assert "公示期" in errors["application"][0] and str(in_notice.notice_ends_on) in str(errors)
    assert not Payment.objects.exists()


def test_only_approved_applications_are_paid(county, alice, application):
    AidApplication.objects.filter(pk=application.pk).update(status=AidStatus.REVIEWING)
    errors = refused(lambda: payments.pay(actor=alice, application=application, amount="100"))
    assert "审核中" in errors["application"][0]


def test_only_the_paying_organisation_pays(county, application, bob, charlie, erin, lena):
    # bob is a clerk of town A: the programme is the county's; erin only reviews.
    for user in (bob, charlie, erin, lena, None):
        with pytest.raises(PermissionDenied):
            payments.pay(actor=user, application=application, amount="100")
    assert not Payment.objects.exists()


def test_retried_key_pays_once(alice, application):
    first = payments.pay(actor=alice, application=application, amount="100", idempotency_key="k1")
    again = payments.pay(
        actor=alice, application=application, amount="100.00", idempotency_key="k1"
    )
    assert again.pk == first.pk and Payment.objects.count() == 1
    assert AuditEntry.objects.for_object(first).filter(action=AuditAction.CREATE).count() == 1


def test_key_reused_for_a_different_amount_is_refused(county, alice, application, programme):
    payments.pay(actor=alice, application=application, amount="100", idempotency_key="k1")
    errors = refused(
        lambda: payments.pay(
            actor=alice, application=application, amount="200", idempotency_key="k1"
        )
    )
    assert "幂等键" in errors["idempotency_key"][0]
    other = approved(programme, make_member(county, 2))
    refused(
        lambda: payments.pay(actor=alice, application=other, amount="100", idempotency_key="k1")
    )
    assert Payment.objects.count() == 1


def test_overlong_key_and_note_are_refused(alice, application):
    errors = refused(
        lambda: payments.pay(
            actor=alice, application=application, amount="1", idempotency_key="k" * 101
        )
    )
    assert "100" in errors["idempotency_key"][0]
    errors = refused(
        lambda: payments.pay(actor=alice, application=application, amount="1", note="备" * 201)
    )
    assert "备注" in errors["note"][0]
    assert not Payment.objects.exists()


# ---------------------------------------------------------------------------------------------
# reverse_payment
# ---------------------------------------------------------------------------------------------


def test_reversal_frees_the_money_once(alice, application, programme):
    payment = payments.pay(actor=alice, application=application, amount="1000")
    assert refused(lambda: payments.reverse_payment(actor=alice, payment=payment, reason=" "))
    reversal = payments.reverse_payment(actor=alice, payment=payment, reason="误录")
    assert reversal.amount == Decimal("-1000.00") and reversal.reverses == payment
    assert q.paid_total(application) == Decimal("0.00") == q.committed(programme)
    errors = refused(lambda: payments.reverse_payment(actor=alice, payment=payment, reason="再次"))
    assert "已冲正" in errors["payment"][0]
    errors = refused(lambda: payments.reverse_payment(actor=alice, payment=reversal, reason="x"))
    assert "冲正记录" in errors["payment"][0]
    assert Payment.objects.count() == 2


# ---------------------------------------------------------------------------------------------
# batches
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def three(county, programme):
    """Three payable applications: 1000, 500 (of which 200 already paid in cash), 300."""
    a = approved(programme, county.member_a, "1000")
    b = approved(programme, make_member(county, 3, name="刘乙"), "500")
    c = approved(programme, make_member(county, 4, name="陈丙"), "300", account="=HYPERLINK(1)")
    return a, b, c


def test_batch_takes_every_unpaid_remainder(alice, three, programme, county):
    a, b, c = three
    payments.pay(actor=alice, application=b, amount="200")
    approved(programme, make_member(county, 5), notice_over=False)  # still in notice: left out
    batch = payments.create_batch(actor=alice, programme=programme)
    lines = {p.application_id: p.amount for p in batch.payments.all()}
    assert lines == {a.pk: Decimal("1000.00"), b.pk: Decimal("300.00"), c.pk: Decimal("300.00")}
    assert batch.status == BatchStatus.OPEN and batch.created_by == alice
    # Promised, not yet paid.
    assert q.committed(programme) == Decimal("1800.00") and q.paid(programme) == Decimal("200.00")
    assert q.paid_total(a) == Decimal("0.00")
    # Nothing left to put in a second batch.
    errors = refused(lambda: payments.create_batch(actor=alice, programme=programme))
    assert "没有可发放的申请" in errors["applications"][0]


def test_batch_of_chosen_applications_and_refusal_of_others(alice, three, programme, county):
    a, b, c = three
    batch = payments.create_batch(actor=alice, programme=programme, applications=[a, c])
    assert set(batch.payments.values_list("application_id", flat=True)) == {a.pk, c.pk}
    errors = refused(
        lambda: payments.create_batch(actor=alice, programme=programme, applications=[a, b])
    )
    assert "张甲明" in errors["applications"][0] and PaymentBatch.objects.count() == 1


def test_batch_refused_when_the_budget_cannot_carry_it(alice, county):
    from gonghui.aid.tests.conftest import make_programme

    programme = make_programme(county, budget=Decimal("1200.00"))
    approved(programme, county.member_a, "1000")
    approved(programme, make_member(county, 6, name="周丁"), "500")
    errors = refused(lambda: payments.create_batch(actor=alice, programme=programme))
    message = errors["applications"][0]
    assert "预算不足" in message and "共需1500.00元" in message and "剩余1200.00元" in message
    assert "张甲明 1000.00元" in message and "周丁 500.00元" in message
    assert not PaymentBatch.objects.exists() and not Payment.objects.exists()


def test_batch_refused_without_bank_accounts(alice, county, programme):
    approved(programme, county.member_a, account="")
    errors = refused(lambda: payments.create_batch(actor=alice, programme=programme))
    assert "银行账号" in errors["applications"][0] and "张甲明" in errors["applications"][0]
    assert not PaymentBatch.objects.exists()


def test_only_payers_make_batches(bob, three, programme):
    with pytest.raises(PermissionDenied):
        payments.create_batch(actor=bob, programme=programme)


def export(alice, batch):
    """The transfer list as rows (read with the project's xlsx reader), after checking that the
    file holds no formula at all (no <f> element in any sheet)."""
    content = payments.export_batch(actor=alice, batch=batch)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    return read_xlsx(content)


def test_export_writes_the_transfer_list_in_clear_and_audits(alice, three, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    rows = export(alice, batch)
    assert rows[0] == ["序号", "收款人", "开户银行", "银行账号", "金额（元）", "用途", "所在工会"]
    assert rows[1] == [
        1,
        "张甲明",
        "中国农业银行城关支行",
        ACCOUNT,
        1000,
        str(programme),
        "甲机械厂工会",
    ]
    # A cell that would be a formula is plain text.
    assert rows[3][3] == "'=HYPERLINK(1)"
    assert len(rows) == 4
    batch.refresh_from_db()
    assert batch.status == BatchStatus.EXPORTED and batch.exported_at is not None
    reveal = AuditEntry.objects.for_object(batch).get(action=AuditAction.REVEAL)
    assert (
        reveal.actor == alice and "3笔" in str(reveal.changes) and "1800.00" in str(reveal.changes)
    )
    assert ACCOUNT not in str(reveal.changes)
    # Taken again (a lost file): audited again, still exported.
    export(alice, batch)
    assert AuditEntry.objects.for_object(batch).filter(action=AuditAction.REVEAL).count() == 2


def test_an_exported_batch_takes_no_new_lines_and_loses_none(alice, three, programme):
    a, b, c = three
    batch = payments.create_batch(actor=alice, programme=programme, applications=[a])
    line = batch.payments.get()
    export(alice, batch)
    errors = refused(lambda: payments.remove_line(actor=alice, payment=line))
    assert "已导出" in errors["payment"][0]
    errors = refused(lambda: payments.pay(actor=alice, application=b, amount="10", batch=batch))
    assert "已导出" in errors["batch"][0]
    errors = refused(lambda: payments.reverse_payment(actor=alice, payment=line, reason="x"))
    assert "回单" in errors["payment"][0]


def test_removing_a_line_of_an_open_batch_frees_its_money(alice, three, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    line = batch.payments.get(application=three[0])
    payments.remove_line(actor=alice, payment=line)
    assert not Payment.objects.filter(pk=line.pk).exists()
    assert AuditEntry.objects.for_object(line).filter(action=AuditAction.DELETE).exists()
    assert q.committed(programme) == Decimal("800.00")
    payments.pay(actor=alice, application=three[0], amount="1000", batch=batch)
    assert len(export(alice, batch)) == 4


def test_settle_with_a_failed_line(alice, three, programme):
    a, b, c = three
    batch = payments.create_batch(actor=alice, programme=programme)
    export(alice, batch)
    failed = batch.payments.get(application=b)
    errors = refused(
        lambda: payments.settle_batch(
            actor=alice,
            batch=batch,
            settled_on=TODAY,
            bank_reference="",
            failed_payment_ids=[99999],
        )
    )
    assert "回单号" in errors["bank_reference"][0] and "99999" in errors["failed_payment_ids"][0]
    assert not Payment.objects.filter(amount__lt=0).exists()
    payments.settle_batch(
        actor=alice,
        batch=batch,
        settled_on=TODAY,
        bank_reference="HD20250101",
        failed_payment_ids=[failed.pk],
    )
    batch.refresh_from_db()
    assert batch.status == BatchStatus.SETTLED and batch.settled_by == alice
    assert batch.bank_reference == "HD20250101" and batch.settled_on == TODAY
    reversal = Payment.objects.get(reverses=failed)
    assert reversal.amount == Decimal("-500.00") and reversal.batch == batch
    assert q.paid_total(a) == Decimal("1000.00") and q.paid_total(c) == Decimal("300.00")
    assert q.paid_total(b) == Decimal("0.00")  # the worker's total excludes the failed line
    assert q.paid(programme) == Decimal("1300.00") == q.committed(programme)
    # The failed worker's money is free again: a new batch (or payment) carries it.
    again = payments.create_batch(actor=alice, programme=programme)
    assert list(again.payments.values_list("amount", flat=True)) == [Decimal("500.00")]
    # A settled batch never changes.
    for call in (
        lambda: payments.settle_batch(
            actor=alice, batch=batch, settled_on=TODAY, bank_reference="x"
        ),
        lambda: payments.export_batch(actor=alice, batch=batch),
        lambda: payments.reverse_payment(actor=alice, payment=batch.payments.first(), reason="x"),
    ):
        refused(call)


def test_settle_needs_an_export_and_a_sensible_date(alice, three, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    errors = refused(
        lambda: payments.settle_batch(
            actor=alice, batch=batch, settled_on=TODAY, bank_reference="R1"
        )
    )
    assert "尚未导出" in errors["batch"][0]
    export(alice, batch)
    tomorrow = TODAY + datetime.timedelta(days=1)
    errors = refused(
        lambda: payments.settle_batch(
            actor=alice, batch=batch, settled_on=tomorrow, bank_reference="R1"
        )
    )
    assert "晚于今天" in errors["settled_on"][0]
    errors = refused(
        lambda: payments.settle_batch(
            actor=alice, batch=batch, settled_on=None, bank_reference="R1"
        )
    )
    assert "日期" in errors["settled_on"][0]
    batch.refresh_from_db()
    assert batch.status == BatchStatus.EXPORTED


def test_annotations_match_the_sums(alice, three, programme):
    a, b, c = three
    payments.pay(actor=alice, application=b, amount="200")
    payments.create_batch(actor=alice, programme=programme, applications=[a])
    rows = {x.pk: x for x in q.with_payment_totals(AidApplication.objects.all())}
    assert rows[a.pk].net_committed == Decimal("1000.00") and rows[a.pk].net_paid == 0
    assert rows[b.pk].unpaid == Decimal("300.00") and rows[c.pk].unpaid == Decimal("300.00")
    payable = set(
        q.payable_with_remainder(AidApplication.objects.all()).values_list("pk", flat=True)
    )
    assert payable == {b.pk, c.pk}
    [p] = q.with_programme_totals(type(programme).objects.filter(pk=programme.pk))
    assert p.net_committed == Decimal("1200.00") and p.net_paid == Decimal("200.00")
    assert p.budget_left == Decimal("8800.00")
