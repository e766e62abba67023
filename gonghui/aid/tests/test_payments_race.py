"""Payments arriving at once, on PostgreSQL: real threads, each on its own connection, against a
programme row lock (no mocks). SQLite serialises whole writes, so these tests skip there."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from gonghui.aid.models import Payment
from gonghui.aid.payments import queries as q
from gonghui.aid.payments import services as payments
from gonghui.aid.tests.conftest import make_programme
from gonghui.aid.tests.test_payments_services import approved, make_member
from gonghui.conftest import make_user
from gonghui.core.roles import Role

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's"
)


def at_once(calls) -> list:
    """Run every call at the same moment, each in its own thread with its own connection;
    return what each returned, or "refused" for a ValidationError."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except ValidationError:
            outcomes[index] = "refused"
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
@pytest.mark.django_db(transaction=True)
def test_fifty_payments_at_once_never_overspend(county):
    budget, amount = Decimal("1250.00"), Decimal("100.00")
    programme = make_programme(county, budget=budget)
    clerks = [make_user(f"payer{i}", Role.CLERK, county.county) for i in range(5)]
    applications = [approved(programme, make_member(county, i), "2000.00") for i in range(5)]
    calls = [
        (
            lambda i=i: payments.pay(
                actor=clerks[i % 5], application=applications[i % 5], amount=amount
            )
        )
        for i in range(50)
    ]
    outcomes = at_once(calls)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    paid = [o for o in outcomes if isinstance(o, Payment)]
    assert len(paid) == int(budget // amount) == 12
    assert outcomes.count("refused") == 38
    assert q.committed(programme) == Decimal("1200.00") <= budget
    assert Payment.objects.filter(programme=programme).count() == 12


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_retries_with_one_key_pay_once(county):
    programme = make_programme(county)
    clerk = make_user("payer", Role.CLERK, county.county)
    application = approved(programme, county.member_a, "1000.00")
    calls = [
        (lambda: payments.pay(
            actor=clerk, application=application, amount="300.00", idempotency_key="retry-1"))
        for _ in range(20)
    ]  # fmt: skip
    outcomes = at_once(calls)
    assert all(isinstance(o, Payment) for o in outcomes), outcomes
    assert len({o.pk for o in outcomes}) == 1
    assert Payment.objects.count() == 1 and q.paid_total(application) == Decimal("300.00")
