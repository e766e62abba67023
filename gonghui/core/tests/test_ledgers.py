"""The core ledger writer on a ledger of its own (a pot and its grants, tables made for these
tests only), so that what every module's money relies on is proven here, once: pay once per key,
a replay must be the same request, the limit holds, and the key race on PostgreSQL ends in one
row and a clear refusal, never a 500."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, models, transaction

from gonghui.core.ledgers import LedgerRow, clean_key, pay_once
from gonghui.core.models import AuditEntry, User
from gonghui.core.money import money_field

CONFLICT = "该幂等键已用于另一笔"


class Pot(models.Model):
    limit = money_field("限额")

    class Meta:
        app_label = "core"
        db_table = "test_ledger_pot"
        # Registered at collection, so it is among the record kinds the audit log's filter
        # offers to every later test (tests/test_chinese_pages.py reads that page).
        verbose_name = "测试账户"

    def __str__(self) -> str:
        return f"测试账户 {self.pk}"


class Grant(LedgerRow):
    pot = models.ForeignKey(Pot, on_delete=models.PROTECT, related_name="grants")
    amount = money_field("金额")

    # No relation to any real model: other tests' deletes must never look for this table.
    created_by = None
    ledger_parent = "pot"
    audit_fields = ("pot", "amount")

    class Meta:
        app_label = "core"
        db_table = "test_ledger_grant"
        verbose_name = "测试拨款"

    def __str__(self) -> str:
        return f"测试拨款 {self.pk}"


@pytest.fixture
def tables(transactional_db):
    with connection.schema_editor() as editor:
        editor.create_model(Pot)
        editor.create_model(Grant)
    yield
    with connection.schema_editor() as editor:
        editor.delete_model(Grant)
        editor.delete_model(Pot)


@pytest.fixture
def payer(tables) -> User:
    return User.objects.create_user(username="payer", password="x", name="出纳")


def grant(actor, pot: Pot, amount: str, key: str | None = None) -> Grant:
    amount = Decimal(amount)
    with transaction.atomic():
        pot = Pot.objects.select_for_update().get(pk=pot.pk)

        def check():
            spent = sum(pot.grants.values_list("amount", flat=True), Decimal(0))
            if spent + amount > pot.limit:
                raise ValidationError({"amount": "超过限额"})

        return pay_once(
            actor=actor, model=Grant, parent=pot, amount=amount, key=key, conflict=CONFLICT,
            check=check, build=lambda: Grant(pot=pot, amount=amount),
        )  # fmt: skip


def test_a_key_pays_once_and_is_audited_once(payer):
    pot = Pot.objects.create(limit=Decimal("100"))
    first = grant(payer, pot, "30", "k1")
    again = grant(payer, pot, "30", "k1")
    assert again.pk == first.pk
    assert Grant.objects.count() == 1
    assert AuditEntry.objects.filter(object_repr=str(first)).count() == 1


def test_a_key_reused_for_another_amount_or_parent_is_refused(payer):
    pot, other = Pot.objects.create(limit=Decimal("100")), Pot.objects.create(limit=Decimal("100"))
    grant(payer, pot, "30", "k1")
    for target, amount in ((pot, "31"), (other, "30")):
        with pytest.raises(ValidationError) as caught:
            grant(payer, target, amount, "k1")
        assert CONFLICT in caught.value.message_dict["idempotency_key"][0]
    assert Grant.objects.count() == 1


def test_the_check_runs_and_a_refusal_writes_nothing(payer):
    pot = Pot.objects.create(limit=Decimal("50"))
    grant(payer, pot, "40")
    with pytest.raises(ValidationError, match="超过限额"):
        grant(payer, pot, "10.01")
    assert Grant.objects.count() == 1


def test_clean_key():
    assert clean_key("  ") is None
    assert clean_key(" a ") == "a"
    with pytest.raises(ValidationError):
        clean_key("x" * 101)


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's"
)


def at_once(calls) -> list:
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except ValidationError as exc:
            outcomes[index] = exc
        except Exception as exc:  # noqa: BLE001 - reported by the test, not swallowed
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@needs_postgres
def test_thirty_grants_at_once_never_pass_the_limit(payer):
    pot = Pot.objects.create(limit=Decimal("1000"))
    outcomes = at_once([lambda: grant(payer, pot, "100")] * 30)
    assert sum(isinstance(o, Grant) for o in outcomes) == 10
    assert all(isinstance(o, Grant | ValidationError) for o in outcomes)
    assert sum(Grant.objects.values_list("amount", flat=True)) == Decimal("1000")


@needs_postgres
def test_one_key_sent_twenty_times_at_once_writes_one_row(payer):
    pot = Pot.objects.create(limit=Decimal("1000"))
    outcomes = at_once([lambda: grant(payer, pot, "100", "same")] * 20)
    assert {o.pk for o in outcomes} == {Grant.objects.get().pk}


@needs_postgres
def test_one_key_raced_on_two_parents_ends_in_one_row_and_a_refusal(payer):
    pots = [Pot.objects.create(limit=Decimal("1000")) for _ in range(2)]
    outcomes = at_once([lambda p=p: grant(payer, p, "100", "raced") for p in pots * 5])
    written = Grant.objects.get()
    for outcome in outcomes:
        if isinstance(outcome, Grant):
            assert outcome.pk == written.pk
        else:
            assert isinstance(outcome, ValidationError), outcome
            assert CONFLICT in outcome.message_dict["idempotency_key"][0]
