"""A member's page: the membership history of the person, and a clerk starting a transfer or
recording a leaving. Both unions of a transfer see the right history, and only their own spells
open."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core import sms
from gonghui.core.models import OrgKind, OrgStatus
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.registry import membership
from gonghui.registry.choices import ApplicationStatus, MemberSource, MemberStatus
from gonghui.registry.models import Application, Member
from gonghui.registry.tests.test_application_pages import messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def member_page(client, user, member):
    client.force_login(user)
    return client.get(reverse("registry:member_detail", args=[member.pk]))


def history_row(body: str, spell: Member) -> str:
    start = body.index(f'data-spell="{spell.pk}"')
    return body[start : body.index("</tr>", start)]


def start_transfer(client, bob, county, **data):
    client.force_login(bob)
    url = reverse("registry:member_transfer", args=[county.member_a.pk])
    return client.post(url, {"union": county.union_b.name, **data})


# ---------------------------------------------------------------------------------------------
# Transfer started by a clerk
# ---------------------------------------------------------------------------------------------


def test_member_page_offers_transfer_and_leave_to_editors_only(client, county, bob, alice):
    body = member_page(client, bob, county.member_a).content.decode()
    assert 'id="start-transfer"' in body and 'id="record-leave"' in body
    leader = make_user("leader", Role.VIEWER, county.county)
    body = member_page(client, leader, county.member_a).content.decode()
    assert 'id="start-transfer"' not in body and 'id="record-leave"' not in body
    for name in ("registry:member_transfer", "registry:member_leave"):
        assert client.get(reverse(name, args=[county.member_a.pk])).status_code == 403


def test_transfer_form_offers_the_countys_unions(client, county, bob):
    dormant = create_organisation(
        actor=None,
        name="停办工会",
        kind=OrgKind.GRASSROOTS,
        parent=county.town_b,
        status=OrgStatus.DORMANT,
    )
    client.force_login(bob)
    response = client.get(reverse("registry:member_transfer", args=[county.member_a.pk]))
    assert response.status_code == 200
    offered = list(response.context["form"].unions)
    # Any active union of the county, beyond bob's own town: the new job may be anywhere.
    assert county.union_b in offered
    assert county.union_a not in offered and dormant not in offered
    assert county.town_b not in offered  # a federation has no members of its own
    assert '<datalist id="receiving-unions">' in response.content.decode()


def test_clerk_starts_a_transfer(client, county, bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = start_transfer(client, bob, county, employer=county.employer_b.credit_code)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.kind == "transfer" and application.submitted_by == bob
    assert application.member == county.member_a and application.union == county.union_b
    assert application.employer == county.employer_b
    assert "乙茶叶公司工会" in sms.outbox[-1].text
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "已提交转会申请，待乙茶叶公司工会审核" in messages_of(page)
    assert "转会待审核" in body and application.get_absolute_url() in body
    # One open transfer at a time: no second one, no leaving in between.
    assert 'id="start-transfer"' not in body and 'id="record-leave"' not in body


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"union": ""}, "union", "请填写转入工会"),
        ({"union": "没有这个工会"}, "union", "本县没有该名称的可接收会员的工会"),
        ({"union": "城关镇总工会"}, "union", "本县没有该名称的可接收会员的工会"),
        ({"employer": "91420324MA4F0000XX"}, "employer", "本县未登记该信用代码的单位"),
    ],
)
def test_bad_transfer_input_names_the_field(client, county, bob, data, field, message):
    response = start_transfer(client, bob, county, **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Application.objects.exists()


def test_transfer_to_the_own_union_is_refused(client, county, bob):
    response = start_transfer(client, bob, county, union=county.union_a.name)
    assert response.status_code == 200 and "union" in response.context["form"].errors
    assert not Application.objects.exists()


def test_both_unions_see_the_right_history(client, county, alice, bob, charlie):
    start_transfer(client, bob, county)
    application = Application.objects.get()
    client.force_login(charlie)
    client.post(reverse("registry:application_approve", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    old, new = Member.objects.get(pk=county.member_a.pk), application.result
    assert new.source == MemberSource.TRANSFER and new.joined_on == old.left_on

    # Town A keeps the old spell: transferred out, to union_b; it cannot open the new one.
    body = member_page(client, bob, old).content.decode()
    assert "已转出 → 乙茶叶公司工会" in history_row(body, old)
    assert "转入 ← 甲机械厂工会" in history_row(body, new)
    assert new.get_absolute_url() not in body
    assert 'id="start-transfer"' not in body  # the spell is closed
    assert client.get(new.get_absolute_url()).status_code == 404

    # Town B has the new spell, transferred in from union_a; the old one stays town A's.
    body = member_page(client, charlie, new).content.decode()
    assert "转入 ← 甲机械厂工会" in history_row(body, new)
    assert "已转出 → 乙茶叶公司工会" in history_row(body, old)
    assert old.get_absolute_url() not in body
    assert client.get(old.get_absolute_url()).status_code == 404

    # The county sees both, each linking to the other.
    body = member_page(client, alice, new).content.decode()
    assert old.get_absolute_url() in history_row(body, old)
    body = member_page(client, alice, old).content.decode()
    assert new.get_absolute_url() in history_row(body, new)


def test_history_lists_every_spell_oldest_first(client, county, bob):
    membership.leave(
        member=county.member_a, reason="辞职", left_on=datetime.date(2025, 1, 1), actor=bob
    )
    again = Member(
        name="张甲明", union=county.union_a, joined_on=datetime.date(2025, 6, 1), source="manual"
    )
    again.set_id_number("420324199003071231")
    again.save()
    response = member_page(client, bob, again)
    rows = response.context["membership"]["rows"]
    assert [r["spell"].pk for r in rows] == [county.member_a.pk, again.pk]
    assert [r["current"] for r in rows] == [False, True]
    assert "辞职" in history_row(response.content.decode(), county.member_a)


# ---------------------------------------------------------------------------------------------
# Leaving recorded by a clerk
# ---------------------------------------------------------------------------------------------


def test_clerk_records_a_leaving(client, county, bob, django_capture_on_commit_callbacks):
    client.force_login(bob)
    url = reverse("registry:member_leave", args=[county.member_a.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"]["left_on"].value() == timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "调离本县", "left_on": "2025-03-01"})
    assert response.status_code == 302
    member = Member.objects.get(pk=county.member_a.pk)
    assert member.status == MemberStatus.LEFT and member.leave_reason == "调离本县"
    assert member.left_on == datetime.date(2025, 3, 1)
    assert "退出甲机械厂工会" in sms.outbox[-1].text
    body = client.get(response["Location"]).content.decode()
    assert "调离本县" in history_row(body, member) and 'id="record-leave"' not in body
    # A closed spell cannot be closed again.
    again = client.get(url, follow=True)
    assert "该会籍当前为“已退会”，不能办理" in messages_of(again)


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"reason": "", "left_on": "2025-03-01"}, "reason", "请填写退会原因"),
        ({"reason": "辞职", "left_on": ""}, "left_on", "请填写退会日期"),
        ({"reason": "辞职", "left_on": "2025-13-01"}, "left_on", "退会日期格式不正确"),
        ({"reason": "辞职", "left_on": "2099-01-01"}, "left_on", "退会日期不能晚于今天"),
        ({"reason": "辞职", "left_on": "2020-01-01"}, "left_on", "退会日期不能早于入会日期"),
    ],
)
def test_bad_leave_input_names_the_field(client, county, bob, data, field, message):
    client.force_login(bob)
    response = client.post(reverse("registry:member_leave", args=[county.member_a.pk]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Member.objects.get(pk=county.member_a.pk).status == MemberStatus.ACTIVE
