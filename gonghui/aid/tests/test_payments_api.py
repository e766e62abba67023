"""The payments API: POST pays once per Idempotency-Key, refuses as the service does, and lists
only what the caller's scope holds; batches are read only."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from gonghui.aid.models import Payment
from gonghui.aid.payments import services as payments
from gonghui.aid.tests.test_payments_services import approved
from gonghui.conftest import make_user
from gonghui.core.roles import Role

pytestmark = pytest.mark.django_db

URL = "/api/aid/payments/"


@pytest.fixture
def application(county, programme):
    return approved(programme, county.member_a, "1000")


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def post(user, data, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return api(user).post(URL, data, format="json", headers=headers)


def test_post_pays_and_answers_the_row(alice, application, programme):
    response = post(alice, {"application": application.pk, "amount": "250.50", "note": "现金"})
    assert response.status_code == 201, response.data
    assert response.data["amount"] == "250.50" and response.data["programme"] == programme.pk
    assert response.data["member_name"] == "张甲明" and response.data["is_paid"] is True
    assert Payment.objects.get().created_by == alice


def test_retried_post_with_one_key_pays_once(alice, application):
    data = {"application": application.pk, "amount": "300.00"}
    first = post(alice, data, key="pay-1")
    again = post(alice, data, key="pay-1")
    assert first.status_code == again.status_code == 201
    assert again.data["id"] == first.data["id"] and again["Idempotent-Replayed"] == "true"
    assert Payment.objects.count() == 1
    # The same key with another amount is another request: refused, nothing paid.
    reused = post(alice, {"application": application.pk, "amount": "400.00"}, key="pay-1")
    assert reused.status_code == 422 and Payment.objects.count() == 1


def test_the_row_key_holds_when_the_stored_answer_is_missed(alice, application):
    """A retry that does not find the stored answer (e.g. lost with its own transaction) still
    pays once: the payment row's key is the caller's key."""
    from gonghui.core.models import IdempotencyKey

    data = {"application": application.pk, "amount": "300.00"}
    first = post(alice, data, key="pay-2")
    IdempotencyKey.objects.all().delete()
    again = post(alice, data, key="pay-2")
    assert again.status_code == 201 and again.data["id"] == first.data["id"]
    assert Payment.objects.count() == 1


def test_keys_of_different_callers_never_collide(county, alice, application):
    other = make_user("payer2", Role.CLERK, county.county)
    data = {"application": application.pk, "amount": "100.00"}
    assert post(alice, data, key="same").status_code == 201
    assert post(other, data, key="same").status_code == 201
    assert Payment.objects.count() == 2


def test_refusals_answer_with_the_services_messages(alice, application):
    over = post(alice, {"application": application.pk, "amount": "1000.01"})
    assert over.status_code == 400 and "批准1000.00元" in over.data["amount"][0]
    assert post(alice, {"application": application.pk, "amount": "1.234"}).status_code == 400
    assert post(alice, {"application": application.pk, "amount": "-1"}).status_code == 400
    unknown = post(alice, {"application": application.pk, "amount": "1", "yuan": 1})
    assert unknown.status_code == 400 and "yuan" in unknown.data
    assert not Payment.objects.exists()


def test_notice_period_blocks_the_api(county, alice, programme):
    in_notice = approved(programme, county.member_a, notice_over=False)
    response = post(alice, {"application": in_notice.pk, "amount": "100"})
    assert response.status_code == 400 and "公示期" in response.data["application"][0]


def test_who_may_pay(bob, charlie, erin, lena, stan, application):
    data = {"application": application.pk, "amount": "100"}
    assert post(bob, data).status_code == 403  # town A's clerk; the county pays
    assert post(erin, data).status_code == 403  # a reviewer does not pay
    assert post(charlie, data).status_code == 400  # town B cannot even name the application
    for user in (lena, stan):
        assert post(user, data).status_code == 403
    assert not Payment.objects.exists()


def test_lists_are_scoped(alice, bob, charlie, lena, stan, application, programme):
    paid = payments.pay(actor=alice, application=application, amount="100")
    batch = payments.create_batch(actor=alice, programme=programme)
    for user, sees in ((alice, True), (bob, True), (charlie, False), (lena, False), (stan, False)):
        ids = [row["id"] for row in api(user).get(URL).data["results"]]
        assert (paid.pk in ids) is sees, user
        detail = api(user).get(f"{URL}{paid.pk}/")
        assert detail.status_code == (200 if sees else 404)
    # The county's batch: the county sees it, town A does not (it belongs to the payer).
    rows = api(alice).get("/api/aid/payment-batches/").data["results"]
    assert rows[0]["id"] == batch.pk and Decimal(rows[0]["total"]) == Decimal("900.00")
    assert rows[0]["line_count"] == 1 and rows[0]["status"] == "open"
    for user in (bob, lena):
        assert api(user).get("/api/aid/payment-batches/").data["results"] == []
        assert api(user).get(f"/api/aid/payment-batches/{batch.pk}/").status_code == 404
    assert api(alice).post("/api/aid/payment-batches/", {}).status_code == 405


def test_filters(alice, application, programme):
    payments.pay(actor=alice, application=application, amount="100")
    assert len(api(alice).get(URL, {"programme": programme.pk}).data["results"]) == 1
    assert api(alice).get(URL, {"booked_to": "2000-01-01"}).data["results"] == []


def test_schema_documents_the_idempotency_key(alice):
    schema = api(alice).get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/aid/payments/"]["post"]
    assert "Idempotency-Key" in [p["name"] for p in operation.get("parameters", [])]
    assert "/api/aid/payment-batches/{id}/" in schema["paths"]


def test_a_direct_payment_is_reversed_once_through_the_api(client, county, alice, bob):
    """POST …/reverse/ writes one negative row; a retry with the same key answers the same row;
    a second reversal is refused; town B cannot reach it."""
    from gonghui.aid.models import Payment
    from gonghui.aid.tests.url_cases_payments import town_a_payment

    pk = town_a_payment(county, bob)
    client.force_login(alice)
    url = f"/api/aid/payments/{pk}/reverse/"
    first = client.post(url, {"reason": "重复发放"}, HTTP_IDEMPOTENCY_KEY="rev-1")
    again = client.post(url, {"reason": "重复发放"}, HTTP_IDEMPOTENCY_KEY="rev-1")
    assert first.status_code == 201 and again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["amount"] == "-100.00"
    assert Payment.objects.filter(reverses_id=pk).count() == 1
    assert client.post(url, {"reason": "再次"}).status_code == 400
    assert client.post(url, {}).status_code == 400


def test_the_ledger_page_reverses_a_direct_payment(client, county, bob):
    from django.urls import reverse

    from gonghui.aid.models import Payment
    from gonghui.aid.tests.url_cases_payments import town_a_payment

    pk = town_a_payment(county, bob)
    client.force_login(bob)
    page = client.get(reverse("aid:payment_list")).content.decode()
    assert reverse("aid:payment_reverse", args=[pk]) in page
    client.post(reverse("aid:payment_reverse", args=[pk]), {"reason": ""})
    assert not Payment.objects.filter(reverses_id=pk).exists()  # a reason is required
    client.post(reverse("aid:payment_reverse", args=[pk]), {"reason": "退回"})
    assert Payment.objects.get(reverses_id=pk).amount == -100
    page = client.get(reverse("aid:payment_list")).content.decode()
    assert reverse("aid:payment_reverse", args=[pk]) not in page  # reversed once
