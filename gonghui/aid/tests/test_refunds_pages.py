"""Union-fee refund pages: policies with their figures, the employer search with eligibility,
applying, the list's filters, deciding and paying (a resent form pays once)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.aid.models import FeeRefund, RefundPayment, RefundPolicy
from gonghui.aid.refunds import services as refunds
from gonghui.aid.tests.test_refunds_services import (
    TODAY,
    apply,
    make_policy,
    policy_fields,
    small_employer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(county):
    return make_policy(county)


@pytest.fixture
def small(county):
    return small_employer(county, name="城关小微科技")


@pytest.fixture
def approved(county, bob, erin, policy, small):
    refund = apply(bob, policy, small)
    refunds.decide_refund(actor=erin, refund=refund, approve=True, amount="500.00")
    refunds.pay_refund(actor=_county_clerk(county), refund=refund, amount="120.00")
    refund.refresh_from_db()
    return refund


def _county_clerk(county):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    return make_user("cc", Role.CLERK, county.county, "县经办")


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def test_policy_list_figures_are_scoped(client, county, policy, approved, alice, charlie):
    row = get(client, alice, "aid:refund_policy_list").context["objects"][0]
    assert row.totals == {
        "applications": 1,
        "firms_approved": 1,
        "yuan_approved": Decimal("500.00"),
        "yuan_paid": Decimal("120.00"),
    }
    assert row.is_open
    row = get(client, charlie, "aid:refund_policy_list").context["objects"][0]
    assert row.totals["applications"] == 0  # town A's firm is not charlie's


def test_policy_detail(client, county, policy, approved, bob, charlie):
    response = get(client, bob, "aid:refund_policy_detail", policy.pk)
    body = response.content.decode()
    assert "城关小微科技" in body and response.context["totals"]["yuan_paid"] == Decimal("120.00")
    body = get(client, charlie, "aid:refund_policy_detail", policy.pk).content.decode()
    assert "城关小微科技" not in body


def test_policy_add_page_shows_clear_errors(client, county, alice):
    client.force_login(alice)
    data = policy_fields(county, refund_share="1.5")
    data["organisation"] = county.county.pk
    response = client.post(reverse("aid:refund_policy_add"), data)
    assert response.status_code == 200
    assert "返还比例应大于0且不超过1" in response.content.decode()
    assert not RefundPolicy.objects.exists()
    data["refund_share"] = "0.8"
    response = client.post(reverse("aid:refund_policy_add"), data)
    assert response.status_code == 302 and RefundPolicy.objects.get().refund_share == Decimal(
        "0.80"
    )
    response = client.post(reverse("aid:refund_policy_add"), data)
    assert "每个组织每年只能有一项" in response.content.decode()


def test_town_clerk_cannot_edit_the_countys_policy(client, policy, bob):
    assert get(client, bob, "aid:refund_policy_edit", policy.pk).status_code == 403


def test_employer_search_shows_headcount_and_eligibility(client, county, policy, small, bob):
    small_employer(county, 7, name="城关大厂", headcount=26)
    response = get(client, bob, "aid:refund_add", policy=policy.pk, q="城关")
    results = {e.name: e for e in response.context["results"]}
    assert results["城关小微科技"].problem is None
    assert "26" in results["城关大厂"].problem and "25" in results["城关大厂"].problem
    body = response.content.decode()
    assert "符合条件" in body and "超过本政策上限 25 人" in body


def test_employer_search_is_scoped(client, county, policy, small, charlie):
    response = get(client, charlie, "aid:refund_add", policy=policy.pk, q="城关")
    assert response.context["results"] == []
    response = get(client, charlie, "aid:refund_add", policy=policy.pk, employer=small.pk)
    assert response.context["employer"] is None  # a town-A employer cannot be picked


def test_apply_page(client, county, policy, small, bob):
    client.force_login(bob)
    url = reverse("aid:refund_add")
    data = {"policy": policy.pk, "employer": small.pk, "fees_paid": "1000.00",
            "amount_requested": "700.00"}  # fmt: skip
    response = client.post(url, data)
    assert "超过可返还上限 600.00 元" in response.content.decode()
    assert not FeeRefund.objects.exists()
    data["amount_requested"] = "600.00"
    response = client.post(url, data)
    refund = FeeRefund.objects.get()
    assert response.status_code == 302 and response["Location"] == refund.get_absolute_url()
    assert refund.submitted_by == bob and refund.union == county.union_a


def test_list_filters(client, county, policy, approved, alice, bob):
    other = small_employer(county, 9, name="水坪小微茶社", union="b")
    pending = apply(_town_b_clerk(county), policy, other)
    names = lambda r: sorted(x.employer.name for x in r.context["objects"])  # noqa: E731
    assert names(get(client, alice, "aid:refund_list")) == ["城关小微科技", "水坪小微茶社"]
    assert names(get(client, alice, "aid:refund_list", status="pending")) == ["水坪小微茶社"]
    assert names(get(client, alice, "aid:refund_list", town=county.town_a.pk)) == ["城关小微科技"]
    assert names(get(client, alice, "aid:refund_list", year=TODAY.year - 1)) == []
    assert names(get(client, alice, "aid:refund_list", policy=policy.pk, q="水坪")) == [
        "水坪小微茶社"
    ]
    response = get(client, alice, "aid:refund_list", status="approved")
    assert response.context["totals"]["firms_approved"] == 1
    assert names(get(client, bob, "aid:refund_list")) == ["城关小微科技"]
    assert pending.status == "pending"


def _town_b_clerk(county):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    return make_user("tb", Role.CLERK, county.town_b)


def test_submitter_sees_no_decide_form(client, county, policy, small, alice, erin):
    refund = apply(alice, policy, small)
    response = get(client, alice, "aid:refund_detail", refund.pk)
    assert not response.context["may_decide"] and "不能审核本申请" in response.content.decode()
    client.force_login(alice)
    response = client.post(reverse("aid:refund_decide", args=[refund.pk]), {"approve": "1"},
                           follow=True)  # fmt: skip
    assert "提交人不能审核" in response.content.decode()
    refund.refresh_from_db()
    assert refund.status == "pending"
    assert get(client, erin, "aid:refund_detail", refund.pk).context["may_decide"]


def test_decide_and_pay_pages(client, county, policy, small, bob, erin, alice):
    refund = apply(bob, policy, small)
    client.force_login(erin)
    decide = reverse("aid:refund_decide", args=[refund.pk])
    response = client.post(decide, {"approve": "0", "reason": ""})
    assert "不予批准时请填写原因" in response.content.decode()
    response = client.post(decide, {"approve": "1", "amount": "700"})
    assert "不能超过申请金额" in response.content.decode()
    response = client.post(decide, {"approve": "1", "amount": "400.00"})
    assert response.status_code == 302
    refund.refresh_from_db()
    assert refund.status == "approved" and refund.amount_approved == Decimal("400.00")

    client.force_login(alice)
    response = client.get(reverse("aid:refund_detail", args=[refund.pk]))
    assert response.context["may_pay"]
    key = response.context["pay_form"].initial["idempotency_key"]
    pay = reverse("aid:refund_pay", args=[refund.pk])
    data = {"amount": "150.00", "paid_on": TODAY.isoformat(), "idempotency_key": key}
    assert client.post(pay, data).status_code == 302
    assert client.post(pay, data).status_code == 302  # the same form sent again
    assert RefundPayment.objects.filter(refund=refund).count() == 1
    response = client.post(pay, {"amount": "300.00", "idempotency_key": "other"})
    assert "最多还可返还 250.00 元" in response.content.decode()
    assert refunds.paid_total(refund) == Decimal("150.00")


@pytest.mark.parametrize("persona", ["lena", "stan"])
def test_lawyer_and_station_keeper_see_nothing(client, county, policy, approved, persona,
                                               request):  # fmt: skip
    client.force_login(request.getfixturevalue(persona))
    for name, args in [
        ("aid:refund_policy_list", []),
        ("aid:refund_policy_add", []),
        ("aid:refund_list", []),
        ("aid:refund_add", []),
        ("aid:refund_policy_detail", [policy.pk]),
        ("aid:refund_policy_edit", [policy.pk]),
        ("aid:refund_detail", [approved.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code in (403, 404), name
    for name in ("aid:refund_decide", "aid:refund_pay"):
        response = client.post(reverse(name, args=[approved.pk]), {"amount": "1.00"})
        assert response.status_code in (403, 404), name
    assert RefundPayment.objects.count() == 1
