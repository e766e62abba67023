"""The payment pages and endpoints in the permission matrix (gonghui/tests/test_url_scoping.py).

Object cases build town A's own programme (城关镇 pays it), an approved application of union_a's
member and a batch of it, through the services as bob (town A's clerk)."""

import datetime
from decimal import Decimal

TOWN_A_PROGRAMME = "城关镇困难职工生活救助"
TOWN_A_ACCOUNT_MASKED = "6228****0018"


def town_a_application(county, bob):
    from gonghui.aid.choices import AidStatus, Channel
    from gonghui.aid.models import AidApplication, Programme, ProgrammeKind

    today = datetime.date.today()
    programme = Programme.objects.create(
        organisation=county.town_a, kind=ProgrammeKind.objects.get(code="autumn_study"),
        name=TOWN_A_PROGRAMME, year=today.year, budget=Decimal("5000.00"), cap=Decimal("1000.00"),
        opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=30),
    )  # fmt: skip
    application = AidApplication(
        programme=programme, member=county.member_a, union=county.union_a, channel=Channel.STAFF,
        status=AidStatus.APPROVED, amount_requested=Decimal("800.00"),
        amount_approved=Decimal("800.00"), approved_on=today - datetime.timedelta(days=10),
        notice_ends_on=today - datetime.timedelta(days=2), payee_name="张甲明",
        bank_name="中国农业银行城关支行",
    )  # fmt: skip
    application.set_bank_account("6228480402564890018")
    application.save()
    return application


def town_a_batch(county, bob, exported=False):
    from gonghui.aid.payments import services as payments

    application = town_a_application(county, bob)
    batch = payments.create_batch(actor=bob, programme=application.programme)
    if exported:
        payments.export_batch(actor=bob, batch=batch)
    return batch


def town_a_payment(county, bob) -> int:
    from gonghui.aid.payments import services as payments

    application = town_a_application(county, bob)
    return payments.pay(actor=bob, application=application, amount="100.00").pk


def _line(county, bob) -> dict:
    batch = town_a_batch(county, bob)
    return {"pk": batch.pk, "line_pk": batch.payments.get().pk}


LIST_URLS = {
    "aid:payment_list": 200,
    "aid:payable_list": 200,
    "aid:batch_list": 200,
    "aid-payment-list": 200,
    "aid-payment-batch-list": 200,
}

OBJECT_URLS = {
    "aid:batch_add": ("POST", lambda c, u: {"pk": town_a_application(c, u).programme_id}),
    "aid:batch_detail": ("GET", lambda c, u: {"pk": town_a_batch(c, u).pk}),
    "aid:batch_export": ("POST", lambda c, u: {"pk": town_a_batch(c, u).pk}),
    "aid:batch_settle": ("GET", lambda c, u: {"pk": town_a_batch(c, u, exported=True).pk}),
    "aid:batch_line_remove": ("POST", _line),
    "aid-payment-detail": ("GET", lambda c, u: {"pk": town_a_payment(c, u)}),
    "aid:payment_reverse": ("POST", lambda c, u: {"pk": town_a_payment(c, u)}),
    "aid-payment-reverse": ("POST", lambda c, u: {"pk": town_a_payment(c, u)}),
    "aid-payment-batch-detail": ("GET", lambda c, u: {"pk": town_a_batch(c, u).pk}),
}

TOWN_A_SECRETS = [TOWN_A_PROGRAMME, TOWN_A_ACCOUNT_MASKED]

POST_DATA = {
    "aid:payment_reverse": lambda c: {"reason": "重复发放"},
    "aid-payment-reverse": lambda c: {"reason": "重复发放"},
}
