"""The union side of joining and transfer: the queue, an application's page, approving, refusing
and bulk approval, as clerks use them, with the permission matrix (alice all, bob town A, charlie
town B)."""

import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core import sms
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role
from gonghui.core.validators import make_resident_id
from gonghui.registry import membership
from gonghui.registry.choices import ApplicationStatus, EmploymentForm, MemberStatus
from gonghui.registry.models import Application, Member
from gonghui.registry.services import create_member

pytestmark = pytest.mark.django_db

_rng = random.Random(4)


def new_id() -> str:
    return make_resident_id(_rng, birth_date=datetime.date(1995, 8, 15))


def join(union, name="王快递", actor=None, **overrides) -> Application:
    """A worker's application (actor None: through the portal) to join `union`."""
    fields = {
        "union": union,
        "name": name,
        "id_number": new_id(),
        "phone": f"137{_rng.randrange(10**8):08d}",
        "employment_form": EmploymentForm.COURIER,
        "is_migrant_worker": True,
        "consent_version": "" if actor else "2026-11",
        "actor": actor,
    }
    return membership.submit_join(**{**fields, **overrides})


def transfer_a_to_b(county) -> Application:
    """member_a (张甲明, union_a in town A) asks to move to union_b (town B)."""
    return membership.submit_transfer(member=county.member_a, union=county.union_b)


def age(application: Application, days: int) -> None:
    """As if submitted `days` ago (the queue and the dashboard flag > 15 days)."""
    on = timezone.localdate() - datetime.timedelta(days)
    Application.objects.filter(pk=application.pk).update(submitted_on=on)


def queue_names(client, user, **params) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("registry:application_list"), params, follow=True)
    assert response.status_code == 200
    return sorted(a.name for a in response.context["objects"])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def apps(county):
    """A join to union_a (town A), a join to union_b (town B), member_a's transfer A → B."""
    return {
        "a": join(county.union_a, "甲申请人"),
        "b": join(county.union_b, "乙申请人"),
        "move": transfer_a_to_b(county),
    }


# ---------------------------------------------------------------------------------------------
# The queue and its scope
# ---------------------------------------------------------------------------------------------


def test_queue_is_scoped(client, county, apps, alice, bob, charlie):
    assert queue_names(client, alice) == sorted(["甲申请人", "乙申请人", "张甲明"])
    # Town A: its union's join, and the transfer leaving its union.
    assert queue_names(client, bob) == sorted(["甲申请人", "张甲明"])
    # Town B: its union's join and the transfer coming in, never town A's join.
    assert queue_names(client, charlie) == sorted(["乙申请人", "张甲明"])


def test_town_b_sees_the_incoming_transfer_but_not_the_old_spell(client, county, apps, charlie):
    client.force_login(charlie)
    response = client.get(reverse("registry:application_detail", args=[apps["move"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    # The receiving union learns who asks and where they come from ...
    assert "张甲明" in body and "甲机械厂工会" in body and "420324********1231" in body
    assert response.context["source"] is None
    assert reverse("registry:member_detail", args=[county.member_a.pk]) not in body
    assert "原会籍不在您的管理范围内" in body
    # ... but the old spell stays town A's.
    old = client.get(reverse("registry:member_detail", args=[county.member_a.pk]))
    assert old.status_code == 404
    # Nor does the queue show town A's own joins.
    join_a = client.get(reverse("registry:application_detail", args=[apps["a"].pk]))
    assert join_a.status_code == 404


def test_town_a_sees_its_outgoing_transfer_with_the_spell_but_cannot_decide(
    client, county, apps, bob
):
    client.force_login(bob)
    url = reverse("registry:application_detail", args=[apps["move"].pk])
    response = client.get(url)
    body = response.content.decode()
    assert response.context["source"] == county.member_a
    assert reverse("registry:member_detail", args=[county.member_a.pk]) in body
    assert not response.context["may_review"] and 'id="approve"' not in body
    assert "待乙茶叶公司工会审核" in body
    response = client.post(
        reverse("registry:application_approve", args=[apps["move"].pk]), follow=True
    )
    assert "您无权审核该工会的申请" in messages_of(response)
    apps["move"].refresh_from_db()
    assert apps["move"].status == ApplicationStatus.PENDING


def test_queue_shows_pending_by_default_and_filters(client, county, apps, alice):
    membership.refuse(actor=alice, application=apps["b"], reason="非本单位职工")
    assert queue_names(client, alice) == sorted(["甲申请人", "张甲明"])
    assert queue_names(client, alice, status="all") == sorted(["甲申请人", "乙申请人", "张甲明"])
    assert queue_names(client, alice, status="refused") == ["乙申请人"]
    assert queue_names(client, alice, kind="transfer") == ["张甲明"]
    assert queue_names(client, alice, kind="join") == ["甲申请人"]
    assert queue_names(client, alice, q="甲申") == ["甲申请人"]
    assert queue_names(client, alice, q="420324199003071231") == ["张甲明"]
    assert queue_names(client, alice, within=county.town_b.pk) == ["张甲明"]
    assert queue_names(client, alice, within=county.union_a.pk) == ["甲申请人"]


def test_a_town_clerk_cannot_filter_the_queue_into_another_town(client, county, apps, bob):
    assert "乙申请人" not in queue_names(client, bob, within=county.town_b.pk)


def test_overdue_applications_are_flagged(client, county, apps, alice):
    age(apps["a"], 16)
    age(apps["move"], 15)  # exactly 15 days: still within the handling time
    assert queue_names(client, alice, overdue="true") == ["甲申请人"]
    assert queue_names(client, alice, overdue="false") == sorted(["乙申请人", "张甲明"])
    client.force_login(alice)
    response = client.get(reverse("registry:application_list"))
    rows = {a.name: a for a in response.context["objects"]}
    assert rows["甲申请人"].overdue and rows["甲申请人"].days_waiting == 16
    assert not rows["张甲明"].overdue and rows["张甲明"].days_waiting == 15
    assert response.content.decode().count("data-overdue") == 1
    detail = client.get(reverse("registry:application_detail", args=[apps["a"].pk]))
    assert "已等待 16 天" in detail.content.decode() and "data-overdue" in detail.content.decode()


def test_queue_shows_masked_data_only(client, county, apps, alice):
    client.force_login(alice)
    body = client.get(reverse("registry:application_list")).content.decode()
    assert "420324********1231" in body and "420324199003071231" not in body
    assert "13812345678" not in body


def test_sidebar_links_to_the_queue(client, county, bob):
    client.force_login(bob)
    body = client.get(reverse("registry:member_list")).content.decode()
    assert f'href="{reverse("registry:application_list")}"' in body and "申请审核" in body


# ---------------------------------------------------------------------------------------------
# Deciding one application
# ---------------------------------------------------------------------------------------------


def test_clerk_approves_a_join_through_the_page(
    client, county, apps, bob, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    url = reverse("registry:application_detail", args=[apps["a"].pk])
    assert 'id="approve"' in client.get(url).content.decode()
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registry:application_approve", args=[apps["a"].pk]))
    assert response.status_code == 302 and response["Location"] == url
    apps["a"].refresh_from_db()
    member = apps["a"].result
    assert apps["a"].status == ApplicationStatus.APPROVED and apps["a"].decided_by == bob
    assert member.union == county.union_a and member.status == MemberStatus.ACTIVE
    assert [m.phone for m in sms.outbox] == [apps["a"].phone]
    assert member.card_number in sms.outbox[0].text
    page = client.get(url)
    body = page.content.decode()
    assert f"已通过：甲申请人，会员卡号 {member.card_number}" in messages_of(page)
    assert 'id="approve"' not in body and member.get_absolute_url() in body
    assert AuditEntry.objects.filter(actor=bob, object_id=str(apps["a"].pk)).exists()
    # Approving again is refused with the reason, and writes nothing.
    again = client.post(reverse("registry:application_approve", args=[apps["a"].pk]), follow=True)
    assert "该申请已处理（已通过）" in messages_of(again)
    assert Member.objects.filter(id_hash=apps["a"].id_hash).count() == 1


def test_refusal_needs_a_reason(client, county, apps, bob, django_capture_on_commit_callbacks):
    client.force_login(bob)
    url = reverse("registry:application_refuse", args=[apps["a"].pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "请填写未通过的原因" in response.content.decode()
    apps["a"].refresh_from_db()
    assert apps["a"].status == ApplicationStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "非本单位职工"})
    assert response.status_code == 302
    apps["a"].refresh_from_db()
    assert apps["a"].status == ApplicationStatus.REFUSED and apps["a"].reason == "非本单位职工"
    assert "非本单位职工" in sms.outbox[-1].text
    body = client.get(response["Location"]).content.decode()
    assert "非本单位职工" in body and 'id="refuse"' not in body


def test_the_submitter_cannot_approve_their_own_application(client, county, bob, alice):
    application = join(county.union_a, "代办人", actor=bob)
    client.force_login(bob)
    url = reverse("registry:application_detail", args=[application.pk])
    body = client.get(url).content.decode()
    assert 'id="approve"' not in body and 'id="refuse"' not in body
    assert "这是您提交的申请" in body
    for action, data in (("approve", {}), ("refuse", {"reason": "自己退回"})):
        response = client.post(
            reverse(f"registry:application_{action}", args=[application.pk]), data, follow=True
        )
        assert "不能审核自己提交的申请" in messages_of(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    # Someone else at or above the union decides it.
    client.force_login(alice)
    assert 'id="approve"' in client.get(url).content.decode()
    client.post(reverse("registry:application_approve", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


def test_a_leader_sees_the_queue_but_cannot_decide(client, county, apps):
    leader = make_user("leader", Role.VIEWER, county.county)
    client.force_login(leader)
    body = client.get(reverse("registry:application_list")).content.decode()
    assert "甲申请人" in body and 'name="pk"' not in body and "批量通过" not in body
    response = client.post(reverse("registry:application_approve", args=[apps["a"].pk]))
    assert response.status_code == 302
    apps["a"].refresh_from_db()
    assert apps["a"].status == ApplicationStatus.PENDING
    assert (
        client.post(reverse("registry:application_list"), {"pk": [apps["a"].pk]}).status_code == 403
    )


def test_receiving_union_approves_a_transfer(client, county, apps, charlie):
    client.force_login(charlie)
    response = client.post(reverse("registry:application_approve", args=[apps["move"].pk]))
    assert response.status_code == 302
    old = Member.objects.get(pk=county.member_a.pk)
    new = Member.objects.active().with_id_number("420324199003071231").get()
    assert old.status == MemberStatus.TRANSFERRED_OUT and new.union == county.union_b


# ---------------------------------------------------------------------------------------------
# Bulk approval
# ---------------------------------------------------------------------------------------------


def test_bulk_approve_reports_each_failure_by_name(client, county, bob):
    first, second = join(county.union_a, "一号"), join(county.union_a, "二号")
    third_id = new_id()
    third = join(county.union_a, "三号", id_number=third_id)
    # 三号 was entered in another union's register meanwhile: that one cannot be approved.
    create_member(
        actor=None,
        name="三号",
        id_number=third_id,
        union=county.union_b,
        joined_on=datetime.date(2024, 1, 1),
    )
    client.force_login(bob)
    url = reverse("registry:application_list") + "?kind=join"
    response = client.post(url, {"pk": [first.pk, second.pk, third.pk]})
    assert response.status_code == 302 and response["Location"] == url
    shown = messages_of(client.get(url))
    assert "已通过 2 份申请" in shown
    assert "三号：申请人已在其他工会入会，请改为办理转会" in shown
    statuses = dict(Application.objects.values_list("name", "status"))
    assert statuses == {"一号": "approved", "二号": "approved", "三号": "pending"}


def test_bulk_approve_ignores_nothing_silently(client, county, apps, bob):
    client.force_login(bob)
    url = reverse("registry:application_list")
    # Town B's application is not bob's to see: reported, not approved.
    response = client.post(url, {"pk": [apps["a"].pk, apps["b"].pk]}, follow=True)
    shown = messages_of(response)
    assert "已通过 1 份申请" in shown
    assert "1 份申请不存在或不在您的管理范围内" in shown
    apps["b"].refresh_from_db()
    assert apps["b"].status == ApplicationStatus.PENDING
    assert "请先勾选要通过的申请" in messages_of(client.post(url, {}, follow=True))
    assert "所选申请无效，请重新勾选" in messages_of(client.post(url, {"pk": "x"}, follow=True))


def test_bulk_approve_skips_the_users_own_submissions(client, county, bob):
    own = join(county.union_a, "代办人", actor=bob)
    other = join(county.union_a, "自助申请人")
    client.force_login(bob)
    url = reverse("registry:application_list")
    body = client.get(url).content.decode()
    assert f'name="pk" value="{other.pk}"' in body and f'name="pk" value="{own.pk}"' not in body
    shown = messages_of(client.post(url, {"pk": [own.pk, other.pk]}, follow=True))
    assert "代办人：不能审核自己提交的申请" in shown and "已通过 1 份申请" in shown
