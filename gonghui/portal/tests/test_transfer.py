"""Transfer from the portal: choose the union, apply, withdraw; after approval both spells show."""

import pytest
from django.urls import reverse

from gonghui.portal import links
from gonghui.portal.tests.conftest import MEMBER_A_PHONE
from gonghui.registry import membership
from gonghui.registry.choices import (
    ApplicationKind,
    ApplicationStatus,
    EmploymentForm,
    MemberStatus,
)
from gonghui.registry.models import Application, Member

pytestmark = pytest.mark.django_db


def transfer_path(union) -> str:
    return reverse("portal:transfer", args=[links.join_code(union)])


def test_the_union_list_offers_the_countys_other_unions(member_a_client, county):
    body = member_a_client.get(reverse("portal:transfer_unions")).content.decode()
    assert transfer_path(county.union_b) in body
    assert transfer_path(county.union_a) not in body  # the current union
    assert "城关镇总工会" not in body  # federations take no members
    body = member_a_client.get(reverse("portal:transfer_unions"), {"q": "茶叶"}).content.decode()
    assert "乙茶叶公司工会" in body
    body = member_a_client.get(reverse("portal:transfer_unions"), {"q": "YCY"}).content.decode()
    assert "乙茶叶公司工会" in body
    body = member_a_client.get(reverse("portal:transfer_unions"), {"q": "没有"}).content.decode()
    assert "乙茶叶公司工会" not in body


def test_a_member_applies_to_move(member_a_client, county, django_capture_on_commit_callbacks):
    data = {
        "member": county.member_a.pk,
        "employer": county.employer_b.pk,
        "employment_form": EmploymentForm.STANDARD,
        "note": "换工作",
    }
    response = member_a_client.post(transfer_path(county.union_b), data)
    application = Application.objects.get()
    assert response["Location"] == reverse("portal:application", args=[application.pk])
    assert application.kind == ApplicationKind.TRANSFER
    assert application.member == county.member_a
    assert application.from_union == county.union_a and application.union == county.union_b
    assert application.employer == county.employer_b
    assert application.submitted_by is None


def test_withdraw_a_pending_transfer(member_a_client, county):
    member_a_client.post(
        transfer_path(county.union_b),
        {"member": county.member_a.pk, "no_employer": "on", "employment_form": "standard"},
    )
    application = Application.objects.get()
    url = reverse("portal:application_withdraw", args=[application.pk])
    response = member_a_client.post(url)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    body = member_a_client.post(url, follow=True).content.decode()
    assert "该申请已处理，不能撤回" in body


def test_someone_elses_spell_cannot_be_moved(member_a_client, county):
    response = member_a_client.post(
        transfer_path(county.union_a),
        {"member": county.member_b.pk, "no_employer": "on", "employment_form": "standard"},
    )
    # union_a is member_a's own union, so no spell of theirs can move there: nothing offered.
    assert 'id="already-here"' in response.content.decode()
    response = member_a_client.post(
        transfer_path(county.union_b),
        {"member": county.member_b.pk, "no_employer": "on", "employment_form": "standard"},
    )
    assert response.status_code == 200 and 'id="id_member_error"' in response.content.decode()
    assert not Application.objects.exists()


def test_a_phone_without_an_active_spell_cannot_transfer(courier, county):
    body = courier.get(transfer_path(county.union_b)).content.decode()
    assert 'id="no-membership"' in body
    assert 'id="no-membership"' in courier.get(reverse("portal:transfer_unions")).content.decode()


def test_after_approval_both_spells_are_in_the_history(member_a_client, county, charlie):
    member_a_client.post(
        transfer_path(county.union_b),
        {"member": county.member_a.pk, "no_employer": "on", "employment_form": "courier"},
    )
    new = membership.approve(actor=charlie, application=Application.objects.get())
    old = Member.objects.get(pk=county.member_a.pk)
    assert old.status == MemberStatus.TRANSFERRED_OUT and new.status == MemberStatus.ACTIVE
    body = member_a_client.get(reverse("portal:home")).content.decode()
    assert 'id="membership-history"' in body
    assert "已转出" in body and "乙茶叶公司工会" in body
    assert reverse("portal:card", args=[new.pk]) in body
    assert member_a_client.get(reverse("portal:card", args=[old.pk])).status_code == 404
    assert new.phone == MEMBER_A_PHONE
