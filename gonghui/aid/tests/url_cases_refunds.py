"""The union-fee refund pages in the permission matrix (gonghui/tests/test_url_scoping.py)."""

import datetime
from decimal import Decimal

LIST_URLS = {
    "aid:refund_policy_list": 200,
    "aid:refund_policy_add": 200,
    "aid:refund_list": 200,
    "aid:refund_add": 200,
}


def town_a_policy(county, user) -> int:
    """Town A's policy this year (written directly: a fixture, not the feature under test)."""
    from gonghui.aid.models import RefundPolicy

    today = datetime.date.today()
    policy, _ = RefundPolicy.objects.get_or_create(
        organisation=county.town_a, year=today.year,
        defaults={"max_headcount": 200, "opens_on": today - datetime.timedelta(days=5),
                  "closes_on": today + datetime.timedelta(days=5)},
    )  # fmt: skip
    return policy.pk


def town_a_refund(county, user) -> int:
    """甲机械厂's pending application under town A's policy, submitted by bob."""
    from gonghui.aid.models import FeeRefund

    refund = FeeRefund.objects.create(
        policy_id=town_a_policy(county, user), employer=county.employer_a, union=county.union_a,
        headcount=county.employer_a.headcount, fees_paid=Decimal("3000.00"),
        amount_requested=Decimal("3000.00"), submitted_by=user,
    )  # fmt: skip
    return refund.pk


OBJECT_URLS = {
    "aid:refund_policy_detail": ("GET", lambda c, u: {"pk": town_a_policy(c, u)}),
    "aid:refund_policy_edit": ("GET", lambda c, u: {"pk": town_a_policy(c, u)}),
    "aid:refund_detail": ("GET", lambda c, u: {"pk": town_a_refund(c, u)}),
    "aid:refund_decide": ("POST", lambda c, u: {"pk": town_a_refund(c, u)}),
    "aid:refund_pay": ("POST", lambda c, u: {"pk": town_a_refund(c, u)}),
}

POST_DATA = {
    "aid:refund_decide": lambda c: {"approve": "1"},
    "aid:refund_pay": lambda c: {"amount": "100.00"},
}
