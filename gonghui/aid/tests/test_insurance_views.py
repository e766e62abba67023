"""Medical mutual aid pages: plans, bulk enrolment, the claim from search to payment, and who
sees what."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.aid.choices import ClaimStatus
from gonghui.aid.insurance import services as insurance
from gonghui.aid.models import Claim, ClaimPayment, Enrolment, InsurancePlan
from gonghui.aid.tests.url_cases_insurance import PLAN_NAME, make_claim, make_plan

pytestmark = pytest.mark.django_db


def page(client, user, name, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs or None))


def post(client, user, name, data, **kwargs):
    client.force_login(user)
    return client.post(reverse(name, kwargs=kwargs or None), data)


def texts(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


# ---------------------------------------------------------------------------------------------
# Who sees what
# ---------------------------------------------------------------------------------------------


def test_town_a_plan_is_seen_by_town_a_and_above_only(client, county, alice, bob, charlie):
    plan = make_plan(county.town_a)
    assert PLAN_NAME in page(client, alice, "aid:plan_list").content.decode()
    assert PLAN_NAME in page(client, bob, "aid:plan_list").content.decode()
    assert PLAN_NAME not in page(client, charlie, "aid:plan_list").content.decode()
    assert page(client, charlie, "aid:plan_detail", pk=plan.pk).status_code == 404


def test_a_county_plan_serves_every_town(client, county, charlie):
    plan = make_plan(county.county, name="全县互助")
    assert "全县互助" in page(client, charlie, "aid:plan_list").content.decode()
    assert page(client, charlie, "aid:plan_detail", pk=plan.pk).status_code == 200


@pytest.mark.parametrize("persona", ["lena", "stan"])
def test_lawyer_and_station_keeper_see_nothing(client, county, bob, persona, request):
    user = request.getfixturevalue(persona)
    plan = make_plan(county.county)
    claim = make_claim(plan, county.member_a, bob)
    for name in ("aid:plan_list", "aid:enrolment_list", "aid:claim_list"):
        response = page(client, user, name)
        assert response.status_code == 200
        body = response.content.decode()
        assert PLAN_NAME not in body and "张甲明" not in body
    for name in ("aid:plan_add", "aid:claim_add"):
        assert page(client, user, name).status_code == 403
    assert page(client, user, "aid:plan_detail", pk=plan.pk).status_code == 404
    assert page(client, user, "aid:claim_detail", pk=claim.pk).status_code == 404
    response = post(client, user, "aid:plan_enrol", {"union": county.union_a.pk}, pk=plan.pk)
    assert response.status_code == 404
    assert Enrolment.objects.count() == 1  # the claim's own


def test_reviewer_may_not_add_plans(client, county, erin):
    assert page(client, erin, "aid:plan_add").status_code == 403


# ---------------------------------------------------------------------------------------------
# Plans and enrolment
# ---------------------------------------------------------------------------------------------


def plan_data(org, **overrides) -> dict:
    year = datetime.date.today().year
    data = {
        "organisation": org.pk,
        "name": "职工互助",
        "year": year,
        "starts_on": f"{year}-01-01",
        "ends_on": f"{year}-12-31",
        "premium": "30",
        "insurer": "",
        "max_claim": "5000",
    }
    data.update(overrides)
    return data


def test_add_and_edit_a_plan(client, county, bob):
    response = post(client, bob, "aid:plan_add", plan_data(county.town_a))
    plan = InsurancePlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    response = post(
        client, bob, "aid:plan_edit", plan_data(county.town_a, premium="40"), pk=plan.pk
    )
    plan.refresh_from_db()
    assert response.status_code == 302 and plan.premium == Decimal("40.00")


def test_bad_plan_shows_the_reason_and_saves_nothing(client, county, bob):
    response = post(client, bob, "aid:plan_add", plan_data(county.town_a, ends_on="2000-01-01"))
    assert response.status_code == 200
    assert "保障结束日期不能早于开始日期" in response.content.decode()
    response = post(client, bob, "aid:plan_add", plan_data(county.town_b))
    assert response.status_code == 200 and not InsurancePlan.objects.exists()


def test_enrol_a_union_from_the_plan_page(client, county, bob):
    plan = make_plan(county.county)
    assert 'id="enrol-form"' in page(client, bob, "aid:plan_detail", pk=plan.pk).content.decode()
    response = post(client, bob, "aid:plan_enrol", {"union": county.town_a.pk}, pk=plan.pk)
    assert response.status_code == 302 and "新增参保 1 人" in texts(response)
    post(client, bob, "aid:plan_enrol", {"union": county.union_a.pk}, pk=plan.pk)
    assert Enrolment.objects.filter(plan=plan).count() == 1
    body = page(client, bob, "aid:plan_detail", pk=plan.pk).content.decode()
    assert 'data-figure="enrolled">1<' in body and "甲机械厂工会" in body


def test_enrolment_form_offers_only_the_users_unions(client, county, charlie):
    plan = make_plan(county.county)
    response = post(client, charlie, "aid:plan_enrol", {"union": county.union_a.pk}, pk=plan.pk)
    assert response.status_code == 302 and "管理范围" in texts(response)
    assert not Enrolment.objects.exists()


def test_plan_page_counts_claims_in_one_place(client, county, bob, erin, alice):
    plan = make_plan(county.county)
    claim = make_claim(plan, county.member_a, bob)
    insurance.decide_claim(actor=erin, claim=claim, approve=True, amount=Decimal("2000"))
    insurance.pay_claim(actor=alice, claim=claim, amount=Decimal("1500"))
    make_claim(plan, county.member_b, bob)  # town B's: not bob's to count
    body = page(client, bob, "aid:plan_detail", pk=plan.pk).content.decode()
    assert 'data-figure="claims">1<' in body
    assert 'data-figure="approved">2000.00<' in body
    assert 'data-figure="paid">1500.00<' in body


def test_enrolment_list_filters(client, county, alice):
    plan = make_plan(county.county)
    insurance.enrol_union(actor=None, plan=plan, union=county.county)
    body = page(client, alice, "aid:enrolment_list").content.decode()
    assert "张甲明" in body and "李乙华" in body and "420324********1231" in body
    client.force_login(alice)
    url = reverse("aid:enrolment_list")
    body = client.get(url, {"name": "张甲"}).content.decode()
    assert "张甲明" in body and "李乙华" not in body
    body = client.get(url, {"union": county.town_b.pk, "plan": plan.pk}).content.decode()
    assert "张甲明" not in body and "李乙华" in body


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def plan(county):
    return make_plan(county.county)


@pytest.fixture
def enrolment(plan, county):
    return insurance.enrol_member(actor=None, plan=plan, member=county.member_a)


def claim_data(enrolment, **overrides) -> dict:
    plan = enrolment.plan
    data = {
        "enrolment": enrolment.pk,
        "admitted_on": str(plan.starts_on + datetime.timedelta(days=2)),
        "discharged_on": "",
        "hospital": "县人民医院",
        "expenses": "8000",
        "amount_claimed": "3000",
    }
    data.update(overrides)
    return data


def test_claim_from_member_search(client, county, dora, enrolment):
    client.force_login(dora)
    url = reverse("aid:claim_add")
    body = client.get(url, {"q": "1231"}).content.decode()  # the ID number's last four
    assert f"?enrolment={enrolment.pk}" in body
    assert 'name="admitted_on"' in client.get(url, {"enrolment": enrolment.pk}).content.decode()
    response = client.post(url, claim_data(enrolment))
    claim = Claim.objects.get()
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    assert claim.submitted_by == dora and claim.amount_claimed == Decimal("3000.00")


def test_bad_claim_shows_the_reason(client, county, dora, enrolment):
    response = post(client, dora, "aid:claim_add", claim_data(enrolment, amount_claimed="9000"))
    assert response.status_code == 200
    assert "不能超过住院费用 8000.00 元" in response.content.decode()
    assert not Claim.objects.exists()


def test_claim_search_stays_in_scope(client, county, charlie, enrolment):
    client.force_login(charlie)
    url = reverse("aid:claim_add")
    assert f"?enrolment={enrolment.pk}" not in client.get(url, {"q": "张甲明"}).content.decode()
    assert "张甲明" not in client.get(url, {"enrolment": enrolment.pk}).content.decode()
    response = client.post(url, claim_data(enrolment))
    assert response.status_code == 200 and not Claim.objects.exists()


@pytest.fixture
def claim(dora, enrolment):
    return insurance.submit_claim(
        actor=dora,
        enrolment=enrolment,
        admitted_on=enrolment.plan.starts_on + datetime.timedelta(days=2),
        hospital="县人民医院",
        expenses=Decimal("8000"),
        amount_claimed=Decimal("3000"),
    )


def test_submitter_gets_no_decision_form(client, dora, claim):
    body = page(client, dora, "aid:claim_detail", pk=claim.pk).content.decode()
    assert "须由他人审核" in body and 'name="decision"' not in body
    response = post(client, dora, "aid:claim_decide", {"decision": "approve"}, pk=claim.pk)
    assert response.status_code == 302 and "自己" in texts(response)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_reviewer_decides_on_the_page(client, erin, claim):
    assert 'name="decision"' in page(client, erin, "aid:claim_detail", pk=claim.pk).content.decode()
    response = post(
        client, erin, "aid:claim_decide", {"decision": "approve", "amount": "3500"}, pk=claim.pk
    )
    assert response.status_code == 200
    assert "不能超过申请赔付 3000.00 元" in response.content.decode()
    response = post(client, erin, "aid:claim_decide", {"decision": "refuse"}, pk=claim.pk)
    assert response.status_code == 200 and "拒赔须填写原因" in response.content.decode()
    response = post(
        client, erin, "aid:claim_decide", {"decision": "approve", "amount": "2800"}, pk=claim.pk
    )
    claim.refresh_from_db()
    assert response.status_code == 302 and claim.amount_approved == Decimal("2800.00")


def test_payment_on_the_page_is_idempotent(client, alice, erin, claim):
    insurance.decide_claim(actor=erin, claim=claim, approve=True)
    body = page(client, alice, "aid:claim_detail", pk=claim.pk).content.decode()
    assert 'name="idempotency_key"' in body
    data = {"amount": "1000", "idempotency_key": "form-1"}
    for _ in range(2):
        assert post(client, alice, "aid:claim_pay", data, pk=claim.pk).status_code == 302
    assert ClaimPayment.objects.count() == 1
    response = post(
        client,
        alice,
        "aid:claim_pay",
        {"amount": "2000.01", "idempotency_key": "form-2"},
        pk=claim.pk,
    )
    assert response.status_code == 200 and "最多还可发放 2000.00 元" in response.content.decode()
    assert ClaimPayment.objects.count() == 1
