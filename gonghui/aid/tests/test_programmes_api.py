"""The programme and application API: scoping, writes through the services, decisions,
Idempotency-Key replay, masked personal data only."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gonghui.aid.choices import AidStatus
from gonghui.aid.models import AidApplication, Payment, Programme, ProgrammeKind
from gonghui.aid.programmes import applications
from gonghui.aid.tests.conftest import make_programme
from gonghui.aid.tests.programme_helpers import submitted

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
CLEAR = ("420324199003071231", "13812345678", "6222021234567890")


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(resource: str, pk=None, action: str | None = None) -> str:
    if action:
        return reverse(f"aid-{resource}-{action}", args=[pk])
    if pk is None:
        return reverse(f"aid-{resource}-list")
    return reverse(f"aid-{resource}-detail", args=[pk])


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def body(response) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Programmes
# ---------------------------------------------------------------------------------------------


def test_programmes_scoped(county, alice, charlie, lena, stan, programme):
    town_a = make_programme(county, organisation=county.town_a, name="镇医疗救助")
    assert ids(api(alice).get(url("programme"))) == {programme.pk, town_a.pk}
    assert ids(api(charlie).get(url("programme"))) == {programme.pk}
    assert api(charlie).get(url("programme", town_a.pk)).status_code == 404
    for user in (lena, stan):
        assert ids(api(user).get(url("programme"))) == set()
    assert api().get(url("programme")).status_code == 401


def programme_data(county, **overrides) -> dict:
    data = {
        "organisation": county.county.pk,
        "kind": ProgrammeKind.objects.get(code="medical").pk,
        "name": "大病医疗救助",
        "year": TODAY.year,
        "budget": "20000.00",
        "cap": "5000.00",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "eligibility": "member",
        "required_documents": "诊断证明",
        "review_levels": 2,
    }
    data.update(overrides)
    return data


def test_programme_create_and_update(county, alice, bob, programme):
    response = api(alice).post(url("programme"), programme_data(county), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["document_kinds"] == ["诊断证明"]
    created = Programme.objects.get(pk=response.json()["id"])
    response = api(alice).patch(url("programme", created.pk), {"cap": "4000"}, format="json")
    assert response.status_code == 200 and response.json()["cap"] == "4000.00"
    # bob sees the county's programme but may not change it.
    response = api(bob).patch(url("programme", created.pk), {"cap": "1"}, format="json")
    assert response.status_code == 403
    response = api(bob).post(url("programme"), programme_data(county), format="json")
    assert response.status_code == 400 and "organisation" in response.json()


def test_programme_bad_input_is_400_naming_the_field(county, alice):
    data = programme_data(county, closes_on=(TODAY - datetime.timedelta(days=1)).isoformat())
    response = api(alice).post(url("programme"), data, format="json")
    assert response.status_code == 400 and "closes_on" in response.json()
    response = api(alice).post(url("programme"), programme_data(county, cap="0"), format="json")
    assert response.status_code == 400 and "cap" in response.json()
    assert not Programme.objects.filter(name="大病医疗救助").exists()


def test_budget_below_committed_is_refused(county, alice, dora, programme):
    application = applications.apply(
        programme=programme, member=county.member_a, amount_requested=Decimal("900"), actor=dora
    )
    Payment.objects.create(
        programme=programme, application=application, amount=Decimal("900"), created_by=alice
    )
    response = api(alice).patch(url("programme", programme.pk), {"budget": "100"}, format="json")
    assert response.status_code == 400 and "900.00" in response.json()["budget"][0]


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


def application_data(county, programme, **overrides) -> dict:
    data = {
        "programme": programme.pk,
        "member": county.member_a.pk,
        "amount_requested": "1500.00",
        "reason_text": "子女上大学",
        "bank_account": "6222021234567890",
    }
    data.update(overrides)
    return data


def test_create_with_idempotency_key_replays(county, dora, programme):
    client = api(dora)
    data = application_data(county, programme)
    first = client.post(url("application"), data, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201, first.content
    again = client.post(url("application"), data, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert AidApplication.objects.count() == 1
    row = first.json()
    assert row["status"] == AidStatus.AWAITING_UNION and row["member_name"] == "张甲明"
    assert row["bank_account_masked"] == "6222****7890"
    assert row["member_id_masked"] == county.member_a.id_masked
    assert not any(secret in body(first) for secret in CLEAR)
    other = client.post(
        url("application"), {**data, "amount_requested": "1"}, format="json",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )  # fmt: skip
    assert other.status_code == 422


def test_create_refuses_what_the_rules_refuse(county, dora, charlie, programme):
    response = api(dora).post(
        url("application"), application_data(county, programme, amount_requested="2500"),
        format="json",
    )  # fmt: skip
    assert response.status_code == 400 and "上限" in response.json()["amount_requested"][0]
    response = api(charlie).post(
        url("application"), application_data(county, programme), format="json"
    )
    assert response.status_code == 400 and "member" in response.json()
    filed_only = make_programme(county, eligibility="filed", name="生活救助")
    response = api(dora).post(
        url("application"), application_data(county, filed_only), format="json"
    )
    assert response.status_code == 400 and "建档困难职工" in response.json()["member"][0]
    assert not AidApplication.objects.exists()


def test_applications_scoped(county, alice, charlie, dora, lena, stan, programme):
    application = submitted(county, programme, clerk=dora)
    assert ids(api(alice).get(url("application"))) == {application.pk}
    assert ids(api(charlie).get(url("application"))) == set()
    assert api(charlie).get(url("application", application.pk)).status_code == 404
    assert api(charlie).post(url("application", application.pk, "approve")).status_code == 404
    for user in (lena, stan):
        assert ids(api(user).get(url("application"))) == set()
        assert api(user).get(url("application", application.pk)).status_code == 404
    detail = api(alice).get(url("application", application.pk))
    assert detail.json()["steps"][0]["organisation_name"] == "测试县总工会"
    assert not any(secret in body(detail) for secret in CLEAR)


def test_submit_approve_through_the_api(county, dora, frank, erin):
    programme = make_programme(county, review_levels=2)
    client = api(dora)
    created = client.post(url("application"), application_data(county, programme), format="json")
    pk = created.json()["id"]
    response = client.post(url("application", pk, "submit"), HTTP_IDEMPOTENCY_KEY="s-1")
    assert response.status_code == 200 and response.json()["status"] == AidStatus.REVIEWING
    replay = client.post(url("application", pk, "submit"), HTTP_IDEMPOTENCY_KEY="s-1")
    assert replay.status_code == 200 and replay["Idempotent-Replayed"] == "true"
    assert api(dora).post(url("application", pk, "approve")).status_code == 403  # submitter
    assert ids(api(frank).get(url("application"), {"mine": "true"})) == {pk}
    response = api(frank).post(url("application", pk, "approve"), {"comment": "属实"})
    assert response.status_code == 200 and response.json()["status"] == AidStatus.REVIEWING
    response = api(erin).post(url("application", pk, "approve"), {"amount": "9999"})
    assert response.status_code == 400 and "amount" in response.json()
    response = api(erin).post(
        url("application", pk, "approve"), {"amount": "1200"}, HTTP_IDEMPOTENCY_KEY="a-1"
    )
    assert response.status_code == 200, response.content
    row = response.json()
    assert row["status"] == AidStatus.APPROVED and row["amount_approved"] == "1200.00"
    assert row["notice_ends_on"] == (TODAY + datetime.timedelta(days=4)).isoformat()
    again = api(erin).post(
        url("application", pk, "approve"), {"amount": "1200"}, HTTP_IDEMPOTENCY_KEY="a-1"
    )
    assert again.status_code == 200 and again["Idempotent-Replayed"] == "true"


def test_refuse_through_the_api(county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    response = api(erin).post(url("application", application.pk, "refuse"), {"reason": ""})
    assert response.status_code == 400 and "reason" in response.json()
    response = api(erin).post(url("application", application.pk, "refuse"), {"reason": "不符合"})
    assert response.status_code == 200 and response.json()["refusal_reason"] == "不符合"
    response = api(erin).post(url("application", application.pk, "refuse"), {"reason": "再次"})
    assert response.status_code == 400


def test_viewers_and_lawyers_cannot_write(county, lena, programme):
    response = api(lena).post(url("application"), application_data(county, programme))
    assert response.status_code == 403
    response = api(lena).post(url("programme"), programme_data(county), format="json")
    assert response.status_code == 403


def test_programme_list_costs_the_same_for_many_programmes(
    client, county, alice, django_assert_max_num_queries
):
    """The committed sums are annotated, not one query per programme."""
    from gonghui.aid.tests.conftest import make_programme

    for i in range(12):
        make_programme(county, name=f"项目{i}")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get("/api/aid/programmes/")
    assert response.status_code == 200 and len(response.json()["results"]) == 12
