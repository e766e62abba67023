"""The payment pages: payable list, batches (make, remove a line, export, settle) and the ledger
with its exports; who sees and who may do what."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.aid.choices import BatchStatus
from gonghui.aid.models import Payment, PaymentBatch
from gonghui.aid.payments import services as payments
from gonghui.aid.tests.test_payments_services import ACCOUNT, approved, make_member
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.registry.tests.sheets import read_xlsx

pytestmark = pytest.mark.django_db

MASKED = "6228****0018"


@pytest.fixture
def two(county, programme):
    a = approved(programme, county.member_a, "1000")
    b = approved(programme, make_member(county, 7, name="刘乙"), "500", account="=cmd|' /C calc'")
    return a, b


def body(response) -> str:
    return b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode("utf-8-sig", errors="replace")


def test_payable_list_shows_remainders_masked_and_the_batch_form(client, alice, two, programme):
    payments.pay(actor=alice, application=two[1], amount="200")
    client.force_login(alice)
    page = client.get(reverse("aid:payable_list")).content.decode()
    assert "张甲明" in page and MASKED in page and ACCOUNT not in page
    assert "300.00" in page  # 刘乙's remainder
    assert reverse("aid:batch_add", args=[programme.pk]) in page


def test_payable_list_for_those_who_cannot_pay(client, bob, charlie, lena, stan, two):
    client.force_login(bob)  # town A sees its worker, but the county pays
    page = client.get(reverse("aid:payable_list")).content.decode()
    assert "张甲明" in page and "生成发放批次" not in page
    for user in (charlie, lena, stan):
        client.force_login(user)
        page = client.get(reverse("aid:payable_list")).content.decode()
        assert "张甲明" not in page and "没有待发放的救助" in page


def test_make_a_batch_of_ticked_applications(client, alice, two, programme):
    client.force_login(alice)
    url = reverse("aid:batch_add", args=[programme.pk])
    response = client.post(url, {"choose": "1", "application": [two[0].pk]})
    batch = PaymentBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    assert list(batch.payments.values_list("application_id", flat=True)) == [two[0].pk]
    # Nothing ticked: nothing made.
    client.post(url, {"choose": "1"})
    assert PaymentBatch.objects.count() == 1


def test_batch_refusal_is_shown_and_changes_nothing(client, alice, county):
    from gonghui.aid.tests.conftest import make_programme

    programme = make_programme(county, budget=Decimal("100.00"))
    approved(programme, county.member_a, "1000")
    client.force_login(alice)
    response = client.post(reverse("aid:batch_add", args=[programme.pk]), follow=True)
    assert "预算不足" in response.content.decode() and not PaymentBatch.objects.exists()


def test_only_payers_make_batches(client, erin, charlie, two, programme):
    url = reverse("aid:batch_add", args=[programme.pk])
    client.force_login(erin)  # the county's reviewer sees the programme but does not pay
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    assert not PaymentBatch.objects.exists()


def test_batch_detail_remove_export_and_settle(client, alice, two, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    client.force_login(alice)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert MASKED in page and ACCOUNT not in page and "导出银行转账清单" in page
    first, second = batch.payments.order_by("pk")
    # Remove a line while open.
    response = client.post(reverse("aid:batch_line_remove", args=[batch.pk, second.pk]))
    assert response.status_code == 302 and not Payment.objects.filter(pk=second.pk).exists()
    # Export: the file, with the account in clear; audited; the batch is closed.
    response = client.post(reverse("aid:batch_export", args=[batch.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    rows = read_xlsx(b"".join(response.streaming_content))
    assert rows[1][1:4] == ["张甲明", "中国农业银行城关支行", ACCOUNT] and len(rows) == 2
    assert AuditEntry.objects.for_object(batch).filter(action=AuditAction.REVEAL).exists()
    assert client.get(reverse("aid:batch_export", args=[batch.pk])).status_code == 405
    # Settle with the one line failed.
    url = reverse("aid:batch_settle", args=[batch.pk])
    assert "确认回单" in client.get(url).content.decode()
    bad = client.post(url, {"settled_on": "", "bank_reference": ""})
    assert bad.status_code == 200 and "该字段是必填项" in bad.content.decode()
    today = datetime.date.today().isoformat()
    response = client.post(
        url, {"settled_on": today, "bank_reference": "HD001", "failed_payment_ids": [first.pk]}
    )
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == BatchStatus.SETTLED
    assert Payment.objects.get(reverses=first).amount == Decimal("-1000.00")
    # Settled: the form is gone.
    assert client.get(url).status_code == 302


def test_export_refusal_is_a_message(client, alice, two, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    for line in batch.payments.all():
        payments.remove_line(actor=alice, payment=line)
    client.force_login(alice)
    response = client.post(reverse("aid:batch_export", args=[batch.pk]), follow=True)
    assert "没有发放明细" in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.OPEN


def test_batches_out_of_reach(client, alice, bob, lena, stan, two, programme):
    batch = payments.create_batch(actor=alice, programme=programme)
    for user in (bob, lena, stan):  # a county batch: not town A's, not a lawyer's
        client.force_login(user)
        assert client.get(batch.get_absolute_url()).status_code == 404
        assert client.post(reverse("aid:batch_export", args=[batch.pk])).status_code == 404
        assert "data-batch=" not in client.get(reverse("aid:batch_list")).content.decode()
    assert batch.payments.count() == 2


def test_ledger_lists_filters_and_exports_masked(client, alice, bob, charlie, lena, two, programme):
    payments.pay(actor=alice, application=two[0], amount="400", note="=SUM(A1)")
    reversal = payments.reverse_payment(
        actor=alice,
        payment=payments.pay(actor=alice, application=two[1], amount="50"),
        reason="误录",
    )
    client.force_login(alice)
    page = client.get(reverse("aid:payment_list")).content.decode()
    assert "张甲明" in page and "刘乙" in page and MASKED in page and ACCOUNT not in page
    assert "-50.00" in page and "冲正" in page
    filtered = client.get(
        reverse("aid:payment_list"), {"booked_from": "2000-01-01", "booked_to": "2000-12-31"}
    )
    assert "张甲明" not in filtered.content.decode()
    csv = body(client.get(reverse("aid:payment_list"), {"export": "csv"}))
    assert "'=SUM(A1)" in csv and MASKED in csv and ACCOUNT not in csv
    assert "-50.00" in csv and "'-50" not in csv and "400.00" in csv
    xlsx = client.get(reverse("aid:payment_list"), {"export": "xlsx"})
    rows = read_xlsx(b"".join(xlsx.streaming_content))
    assert rows[0][0] == "记账日期" and len(rows) == 4
    assert ACCOUNT not in repr(rows) and reversal.pk
    for user, sees in ((bob, True), (charlie, False), (lena, False)):
        client.force_login(user)
        page = client.get(reverse("aid:payment_list")).content.decode()
        assert ("张甲明" in page) is sees
