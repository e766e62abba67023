"""Joining, transfer and leaving: the services and their refusal paths."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core import audit, sms
from gonghui.core.models import AuditEntry, OrgKind, OrgStatus
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.registry import membership
from gonghui.registry.choices import (
    ApplicationChannel,
    ApplicationKind,
    ApplicationStatus,
    EmploymentForm,
    MemberSource,
    MemberStatus,
)
from gonghui.registry.membership_queries import (
    applications_for_phone,
    may_review,
    member_spells_for_phone,
    spells_of,
)
from gonghui.registry.models import Application, Member

COURIER_ID = "420324199508150015"
COURIER_PHONE = "13700001111"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def join(county, **overrides) -> Application:
    fields = {
        "union": county.union_a,
        "name": "王快递",
        "id_number": COURIER_ID,
        "phone": COURIER_PHONE,
        "employment_form": EmploymentForm.COURIER,
        "is_migrant_worker": True,
        "consent_version": "2026-11",
    }
    return membership.submit_join(**{**fields, **overrides})


def errors_of(exc: ValidationError) -> dict:
    return {k: [e.code for e in v] for k, v in exc.error_dict.items()}


def test_a_worker_applies_and_a_clerk_approves(county, bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = join(county)
    assert application.status == ApplicationStatus.PENDING
    assert application.channel == ApplicationChannel.PORTAL
    assert application.consent_at is not None
    assert application.id_masked.startswith("4203")
    assert sms.outbox[-1].phone == COURIER_PHONE and "甲机械厂工会" in sms.outbox[-1].text

    with django_capture_on_commit_callbacks(execute=True):
        member = membership.approve(actor=bob, application=application)
    assert member.status == MemberStatus.ACTIVE
    assert member.source == MemberSource.ONLINE
    assert member.joined_on == timezone.localdate()
    assert member.employment_form == EmploymentForm.COURIER and member.is_migrant_worker
    assert member.id_number == COURIER_ID and member.phone == COURIER_PHONE
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.result == member and application.decided_by == bob
    assert member.card_number in sms.outbox[-1].text


def test_every_step_is_audited_and_the_portal_is_named(county, bob):
    application = join(county)
    created = AuditEntry.objects.for_object(application).get()
    assert created.actor is None and created.changes[audit.VIA][1] == "职工端"
    assert COURIER_ID not in str(created.changes)
    member = membership.approve(actor=bob, application=application)
    assert AuditEntry.objects.for_object(application).count() == 2
    assert AuditEntry.objects.for_object(member).get().actor == bob


def test_join_refuses_bad_input_naming_each_field(county):
    with pytest.raises(ValidationError) as caught:
        join(county, name=" ", id_number="420324199508150014", phone="1234", consent_version="")
    assert set(caught.value.error_dict) == {"name", "id_number", "phone", "consent"}
    assert not Application.objects.exists()


def test_join_only_a_covering_active_union(county):
    with pytest.raises(ValidationError) as caught:
        join(county, union=county.town_a)
    assert "union" in caught.value.error_dict
    county.union_a.status = OrgStatus.DORMANT
    county.union_a.save()
    with pytest.raises(ValidationError):
        join(county)


def test_an_active_member_is_told_to_transfer(county):
    # member_a's own phone: the worker is told where they are a member.
    with pytest.raises(ValidationError) as caught:
        join(county, id_number="420324199003071231", phone="13812345678")
    assert errors_of(caught.value)["id_number"] == ["already_member"]
    assert "甲机械厂工会" in caught.value.messages[0]
    # Someone else's phone with member_a's ID: told only that a membership exists.
    with pytest.raises(ValidationError) as caught:
        join(county, union=county.union_b, id_number="420324199003071231")
    assert errors_of(caught.value)["id_number"] == ["already_member"]
    assert "甲机械厂" not in caught.value.messages[0]


def test_one_pending_application_per_person(county):
    join(county)
    with pytest.raises(ValidationError) as caught:
        join(county, union=county.union_b)
    assert "待审核" in caught.value.messages[0]


def test_the_submitter_cannot_approve(county, bob):
    other = create_organisation(
        actor=None, name="丙物流联合工会", kind=OrgKind.JOINT_UNION, parent=county.town_a
    )
    member = county.member_a
    application = membership.submit_transfer(member=member, union=other, actor=bob)
    assert application.submitted_by == bob and not may_review(bob, application)
    with pytest.raises(PermissionDenied):
        membership.approve(actor=bob, application=application)
    reviewer = make_user("rita", Role.REVIEWER, county.town_a)
    assert may_review(reviewer, application)
    membership.approve(actor=reviewer, application=application)


def test_only_the_receiving_side_decides(county, bob, charlie):
    application = join(county)
    for outsider in (charlie, make_user("vic", Role.VIEWER, county.county), None):
        with pytest.raises(PermissionDenied):
            membership.approve(actor=outsider, application=application)
    application.refresh_from_db()
    assert application.is_pending and not Member.objects.filter(id_hash=application.id_hash)


def test_refuse_needs_a_reason_and_tells_the_worker(
    county, bob, django_capture_on_commit_callbacks
):
    application = join(county)
    with pytest.raises(ValidationError) as caught:
        membership.refuse(actor=bob, application=application, reason="  ")
    assert "reason" in caught.value.error_dict
    with django_capture_on_commit_callbacks(execute=True):
        membership.refuse(actor=bob, application=application, reason="非本单位职工")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert "非本单位职工" in sms.outbox[-1].text
    with pytest.raises(ValidationError):
        membership.approve(actor=bob, application=application)


def test_a_decided_application_cannot_be_decided_again(county, bob):
    application = join(county)
    membership.approve(actor=bob, application=application)
    with pytest.raises(ValidationError) as caught:
        membership.approve(actor=bob, application=application)
    assert "已处理" in caught.value.messages[0]
    assert Member.objects.filter(id_hash=application.id_hash).count() == 1


def test_join_approval_refused_when_the_person_joined_elsewhere_meanwhile(county, bob, charlie):
    application = join(county)
    # Entered by hand in town B while the application waited.
    from gonghui.registry.services import create_member

    create_member(
        actor=charlie,
        name="王快递",
        id_number=COURIER_ID,
        union=county.union_b,
        joined_on=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        membership.approve(actor=bob, application=application)
    assert "转会" in caught.value.messages[0]
    application.refresh_from_db()
    assert application.is_pending


def test_transfer_keeps_both_spells_and_one_active(county, charlie):
    member = county.member_a
    application = membership.submit_transfer(
        member=member, union=county.union_b, employer=county.employer_b
    )
    assert application.kind == ApplicationKind.TRANSFER
    assert application.from_union == county.union_a and application.id_hash == member.id_hash
    new = membership.approve(actor=charlie, application=application)
    member.refresh_from_db()
    assert member.status == MemberStatus.TRANSFERRED_OUT
    assert member.left_on == timezone.localdate() and "乙茶叶公司工会" in member.leave_reason
    assert new.union == county.union_b and new.source == MemberSource.TRANSFER
    assert new.employer == county.employer_b and new.id_number == member.id_number
    assert list(spells_of(new)) == [member, new]
    assert Member.objects.active().filter(id_hash=member.id_hash).get() == new


def test_transfer_refusals(county, bob, charlie):
    member = county.member_a
    with pytest.raises(ValidationError) as caught:
        membership.submit_transfer(member=member, union=county.union_a)
    assert "union" in caught.value.error_dict
    with pytest.raises(ValidationError) as caught:
        membership.submit_transfer(member=member, union=county.union_b, actor=charlie)
    assert "member" in caught.value.error_dict  # charlie cannot move town A's member
    membership.leave(member=member, reason="退休", left_on=timezone.localdate())
    with pytest.raises(ValidationError):
        membership.submit_transfer(member=member, union=county.union_b)


def test_transfer_refused_when_the_old_spell_changed(county, bob, charlie):
    member = county.member_a
    application = membership.submit_transfer(member=member, union=county.union_b)
    # Left in the meantime (the pending transfer blocks leave, so force it at the row).
    Member.objects.filter(pk=member.pk).update(status=MemberStatus.LEFT)
    with pytest.raises(ValidationError):
        membership.approve(actor=charlie, application=application)


def test_approve_many_reports_each_failure(county, bob):
    first = join(county)
    second = join(county, name="刘骑手", id_number="420324199207070011", phone="13700002222")
    membership.refuse(actor=bob, application=second, reason="重复")
    approved, errors = membership.approve_many(actor=bob, applications=[first, second])
    assert approved == [first]
    assert list(errors) == [second.pk] and "已处理" in errors[second.pk]


def test_withdraw_only_pending(county, bob):
    application = join(county)
    membership.withdraw(application=application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        membership.withdraw(application=application)
    join(county)  # may apply again


def test_leave(county, bob, charlie, django_capture_on_commit_callbacks):
    member = county.member_a
    with pytest.raises(ValidationError) as caught:
        membership.leave(
            member=member, reason="", left_on=timezone.localdate() + datetime.timedelta(1)
        )
    assert set(caught.value.error_dict) == {"reason", "left_on"}
    with pytest.raises(ValidationError):
        membership.leave(member=member, reason="调离", left_on=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError) as caught:
        membership.leave(member=member, reason="调离", left_on=timezone.localdate(), actor=charlie)
    assert "member" in caught.value.error_dict
    with django_capture_on_commit_callbacks(execute=True):
        membership.leave(member=member, reason="调离本县", left_on=timezone.localdate(), actor=bob)
    member.refresh_from_db()
    assert member.status == MemberStatus.LEFT and member.leave_reason == "调离本县"
    assert sms.outbox[-1].phone == "13812345678"
    with pytest.raises(ValidationError):
        membership.leave(member=member, reason="再退", left_on=timezone.localdate())


def test_leave_blocked_by_a_pending_transfer(county):
    membership.submit_transfer(member=county.member_a, union=county.union_b)
    with pytest.raises(ValidationError) as caught:
        membership.leave(member=county.member_a, reason="x", left_on=timezone.localdate())
    assert "转会" in caught.value.messages[0]


def test_phone_selectors_show_a_worker_their_own(county, bob):
    application = join(county)
    assert list(applications_for_phone(application.phone_hash)) == [application]
    assert not applications_for_phone("")
    member = membership.approve(actor=bob, application=application)
    assert list(member_spells_for_phone(member.phone_hash)) == [member]
    assert county.member_a not in member_spells_for_phone(member.phone_hash)


def approve_at_once(application, clerks) -> list[str]:
    """Two clerks approve one application at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(clerks))
    outcomes = []

    def approve(user):
        try:
            barrier.wait()
            membership.approve(actor=user, application=application)
            outcomes.append("approved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(c,)) for c in clerks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_leave_one_member(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    application = join(county)
    clerks = [make_user(f"clerk{i}", Role.CLERK, county.town_a) for i in range(2)]
    assert approve_at_once(application, clerks) == ["approved", "refused"]
    assert Member.objects.filter(id_hash=application.id_hash).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_transfer_approvals_at_once_leave_one_active_spell(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    other = create_organisation(
        actor=None, name="丁物流联合工会", kind=OrgKind.JOINT_UNION, parent=county.town_b
    )
    application = membership.submit_transfer(member=county.member_a, union=other)
    clerks = [make_user(f"clerk{i}", Role.CLERK, county.town_b) for i in range(2)]
    assert approve_at_once(application, clerks) == ["approved", "refused"]
    spells = Member.objects.filter(id_hash=county.member_a.id_hash)
    assert spells.count() == 2 and spells.filter(status=MemberStatus.ACTIVE).count() == 1
