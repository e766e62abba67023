"""Joining from a union's join link: the form, the employer picker and the refusals."""

import pytest
from django.urls import reverse

from gonghui.core import sms
from gonghui.core.models import OrgKind
from gonghui.core.services.orgs import create_organisation
from gonghui.portal import links
from gonghui.portal.consent import CONSENT_VERSION
from gonghui.portal.tests.conftest import COURIER_ID, COURIER_PHONE, sign_in
from gonghui.registry.choices import ApplicationChannel, ApplicationStatus, EmploymentForm
from gonghui.registry.models import Application
from gonghui.registry.services import create_employer

pytestmark = pytest.mark.django_db


def join_path(union) -> str:
    return reverse("portal:join", args=[links.join_code(union)])


def form_data(**overrides) -> dict:
    data = {
        "name": "王快递",
        "id_number": COURIER_ID,
        "no_employer": "on",
        "employment_form": EmploymentForm.COURIER,
        "is_migrant_worker": "on",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_link_opens_the_union_and_asks_for_the_phone(client, county):
    response = client.get(join_path(county.union_a))
    body = response.content.decode()
    assert response.status_code == 200
    assert "甲机械厂工会" in body and 'id="join-signin"' in body
    assert "next=%2Fm%2Fjoin%2F" in body


def test_bad_and_stale_links_answer_404(client, county):
    code = links.join_code(county.union_a)
    tampered = code[:-2] + ("AA" if not code.endswith("AA") else "BB")
    assert client.get(reverse("portal:join", args=[tampered])).status_code == 404
    # Forged for another union by changing the key: the signature no longer fits.
    forged = f"{county.union_b.pk}.{code.split('.', 1)[1]}"
    assert client.get(reverse("portal:join", args=[forged])).status_code == 404
    # A federation takes no members directly.
    town_code = links.join_code(county.town_a)
    assert client.get(reverse("portal:join", args=[town_code])).status_code == 404
    county.union_a.status = "dissolved"
    county.union_a.save()
    assert client.get(reverse("portal:join", args=[code])).status_code == 404


def test_signed_in_worker_sees_the_form_with_the_verified_phone(courier, county):
    body = courier.get(join_path(county.union_a)).content.decode()
    assert 'id="join-form"' in body
    assert COURIER_PHONE in body  # prefilled, not editable
    assert CONSENT_VERSION in body and "个人信息处理告知同意书" in body


def test_a_courier_applies(courier, county, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = courier.post(
            join_path(county.union_a), form_data(phone="13900000000", note="骑手站点")
        )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:application", args=[application.pk])
    assert application.union == county.union_a
    assert application.status == ApplicationStatus.PENDING
    assert application.channel == ApplicationChannel.PORTAL
    assert application.submitted_by is None
    assert application.consent_version == CONSENT_VERSION and application.consent_at
    assert application.phone == COURIER_PHONE  # the verified phone, not a posted one
    assert application.employer is None
    assert application.employment_form == EmploymentForm.COURIER
    assert application.is_migrant_worker
    assert sms.outbox[-1].phone == COURIER_PHONE
    status = courier.get(response["Location"]).content.decode()
    assert "待审核" in status and 'id="withdraw"' in status


def test_missing_consent_is_refused(courier, county):
    response = courier.post(join_path(county.union_a), form_data(consent=None))
    assert response.status_code == 200
    assert "请阅读并同意个人信息处理规则" in response.content.decode()
    assert not Application.objects.exists()


def test_a_bad_id_number_is_named(courier, county):
    response = courier.post(join_path(county.union_a), form_data(id_number="420324199508150016"))
    body = response.content.decode()
    assert 'id="id_id_number_error"' in body
    assert "公民身份号码校验位错误" in body
    assert not Application.objects.exists()


def test_an_employer_or_no_fixed_employer_is_required(courier, county):
    response = courier.post(join_path(county.union_a), form_data(no_employer=None))
    assert 'id="id_employer_q_error"' in response.content.decode()
    assert not Application.objects.exists()


def test_the_employer_picked_from_the_search(courier, county):
    data = form_data(no_employer=None, employer=str(county.employer_a.pk))
    response = courier.post(join_path(county.union_a), data)
    assert response.status_code == 302
    assert Application.objects.get().employer == county.employer_a


def test_an_employer_typed_in_full_is_found(courier, county):
    data = form_data(no_employer=None, employer_q="91420324MA4F00003T")
    courier.post(join_path(county.union_a), data)
    assert Application.objects.get().employer == county.employer_b


def test_an_employer_of_another_county_cannot_be_named(courier, county):
    other_county = create_organisation(
        actor=None, name="邻县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    other_town = create_organisation(
        actor=None, name="邻县某镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=other_county
    )
    elsewhere = create_employer(
        actor=None,
        credit_code="91420324MA4F000051",
        name="邻县物流公司",
        territory=other_town,
        ownership="non_public",
        headcount=30,
    )
    data = form_data(no_employer=None, employer=str(elsewhere.pk))
    response = courier.post(join_path(county.union_a), data)
    assert 'id="id_employer_q_error"' in response.content.decode()
    assert not Application.objects.exists()
    search = courier.get(
        reverse("portal:employer_search", args=[links.join_code(county.union_a)]),
        {"employer_q": "邻县"},
    )
    assert "邻县物流公司" not in search.content.decode()


def test_employer_search_and_pick(courier, county):
    url = reverse("portal:employer_search", args=[links.join_code(county.union_a)])
    body = courier.get(url, {"employer_q": "茶叶"}).content.decode()
    assert "乙茶叶公司" in body and "甲机械厂" not in body
    assert 'class="list-group-item list-group-item-action employer-option"' in body
    assert (
        courier.get(url, {"employer_q": "9142032"}).content.decode().count("employer-option") == 2
    )
    assert "employer-option" not in courier.get(url, {"employer_q": "茶"}).content.decode()
    picked = courier.get(url, {"pick": county.employer_a.pk}).content.decode()
    assert f'name="employer" value="{county.employer_a.pk}"' in picked
    assert courier.get(url, {"pick": 999999}).status_code == 404


def test_employer_search_needs_a_signed_in_worker(client, county):
    url = reverse("portal:employer_search", args=[links.join_code(county.union_a)])
    response = client.get(url, {"employer_q": "甲机械"})
    assert response.status_code == 302 and "甲机械厂" not in response.content.decode()


def test_an_active_member_is_offered_a_transfer(member_a_client, county):
    body = member_a_client.get(join_path(county.union_b)).content.decode()
    assert 'id="transfer-offer"' in body
    assert reverse("portal:transfer", args=[links.join_code(county.union_b)]) in body
    # Their own union: nothing to do but show the card.
    body = member_a_client.get(join_path(county.union_a)).content.decode()
    assert reverse("portal:card", args=[county.member_a.pk]) in body


def test_joining_with_an_active_members_id_offers_a_transfer(client, county):
    sign_in(client, COURIER_PHONE)
    response = client.post(
        join_path(county.union_b), form_data(name="张甲明", id_number="420324199003071231")
    )
    body = response.content.decode()
    assert 'id="transfer-offer"' in body
    assert reverse("portal:transfer", args=[links.join_code(county.union_b)]) in body
    # The phone is not member_a's: the union is not named to it.
    assert "甲机械厂工会" not in body
    assert not Application.objects.exists()


def test_a_second_pending_application_is_refused(courier, county):
    courier.post(join_path(county.union_a), form_data())
    response = courier.post(join_path(county.union_b), form_data())
    assert "已有待审核的申请" in response.content.decode()
    assert Application.objects.count() == 1
