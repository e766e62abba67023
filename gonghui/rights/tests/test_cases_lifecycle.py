"""The life cycle of a case through its service (gonghui/rights/cases/services.py): received →
accepted or declined → assigned → mediation → outcome → closed, reopening, withdrawal; every step
dated, with who; the submitter never accepts their own case; wrong steps change nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gonghui.core.models import AuditEntry
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseAction, CaseKind, CaseStatus
from gonghui.rights.models import Case, CaseEvent, Counsel

pytestmark = pytest.mark.django_db


def received(county, bob, **extra) -> Case:
    fields = {
        "union": county.town_a,
        "kind": CaseKind.WAGES,
        "complainant_name": "王甲骑",
        "phone": "13900000011",
        "facts": "拖欠三个月工资",
        "employer": county.employer_a,
        "amount_claimed": "9000",
    }
    fields.update(extra)
    return cases.receive_case(actor=bob, **fields)


def counsel_of(user) -> Counsel:
    return Counsel.objects.get(user=user)


def test_the_whole_way_to_closed_with_every_step_dated_and_by_whom(county, alice, bob, lena):
    case = received(county, bob)
    assert case.number.startswith("WQ") and case.status == CaseStatus.RECEIVED
    assert case.amount_claimed == Decimal("9000.00")
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    cases.start_mediation(actor=lena, case=case)
    cases.record_outcome(
        actor=lena, case=case, outcome=CaseStatus.AGREEMENT, amount_recovered="8500.50"
    )
    cases.close_case(actor=alice, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.outcome == CaseStatus.AGREEMENT
    assert case.amount_recovered == Decimal("8500.50")
    for stamp in ("accepted_at", "assigned_at", "mediation_at", "outcome_at", "closed_at"):
        assert getattr(case, stamp) is not None, stamp
    events = list(CaseEvent.objects.filter(case=case).values_list("action", "actor__username"))
    assert events == [
        (CaseAction.RECEIVE, "bob"),
        (CaseAction.ACCEPT, "alice"),
        (CaseAction.ASSIGN, "alice"),
        (CaseAction.MEDIATE, "lena"),
        (CaseAction.OUTCOME, "lena"),
        (CaseAction.CLOSE, "alice"),
    ]
    assert AuditEntry.objects.filter(object_id=str(case.pk)).count() >= 6


def test_counsel_cannot_withdraw_or_close_on_the_workers_behalf(county, alice, bob, lena):
    case = received(county, bob)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    with pytest.raises(PermissionDenied):
        cases.withdraw_case(actor=lena, case=case, note="职工撤回")
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    cases.start_mediation(actor=lena, case=case)
    cases.record_outcome(actor=lena, case=case, outcome=CaseStatus.AGREEMENT)
    cases.add_note(actor=lena, case=case, text="已达成协议，建议结案")
    with pytest.raises(PermissionDenied):
        cases.close_case(actor=lena, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.AGREEMENT
    cases.close_case(actor=bob, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_staff_record_a_withdrawal_that_counsel_may_not(county, alice, bob, lena):
    case = received(county, bob)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    cases.withdraw_case(actor=bob, case=case, note="职工撤回")
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    with pytest.raises(PermissionDenied):
        cases.close_case(actor=lena, case=case)
    cases.close_case(actor=alice, case=case)


def test_the_submitter_never_accepts_their_own_case(county, bob):
    case = received(county, bob)
    with pytest.raises(PermissionDenied):
        cases.accept_case(actor=bob, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED


def test_a_decline_needs_a_reason_and_can_be_reopened(county, alice, bob):
    case = received(county, bob)
    with pytest.raises(ValidationError) as error:
        cases.decline_case(actor=alice, case=case, reason="  ")
    assert "reason" in error.value.message_dict
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED
    cases.decline_case(actor=alice, case=case, reason="不属于劳动争议")
    case.refresh_from_db()
    assert case.status == CaseStatus.DECLINED and case.decline_reason == "不属于劳动争议"
    assert case.due_on is None
    cases.reopen_case(actor=alice, case=case, reason="补充了劳动关系证明")
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED and case.reopen_count == 1


def test_a_closed_case_reopens_to_accepted_with_its_counsel(county, alice, bob, lena):
    case = received(county, bob)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    cases.withdraw_case(actor=alice, case=case, note="职工撤回")
    cases.close_case(actor=alice, case=case)
    with pytest.raises(ValidationError):
        cases.reopen_case(actor=alice, case=case, reason="")
    cases.reopen_case(actor=alice, case=case, reason="单位未履行承诺")
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.counsel.user == lena
    assert case.closed_at is None and case.reopen_count == 1


def test_steps_out_of_order_are_refused_and_change_nothing(county, alice, bob, lena):
    case = received(county, bob)
    with pytest.raises(ValidationError):
        cases.start_mediation(actor=alice, case=case)
    with pytest.raises(ValidationError):
        cases.close_case(actor=alice, case=case)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    cases.start_mediation(actor=lena, case=case)
    with pytest.raises(ValidationError) as error:
        cases.record_outcome(actor=lena, case=case, outcome=CaseStatus.CLOSED)
    assert "outcome" in error.value.message_dict
    with pytest.raises(ValidationError):
        cases.record_outcome(
            actor=lena, case=case, outcome=CaseStatus.AGREEMENT, amount_recovered="-5"
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.MEDIATING and case.amount_recovered == Decimal("0.00")


def test_a_lawyer_works_only_on_cases_assigned_to_them(county, alice, bob, lena, luke):
    case = received(county, bob)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=counsel_of(lena))
    with pytest.raises(PermissionDenied):
        cases.start_mediation(actor=luke, case=case)
    with pytest.raises(PermissionDenied):
        cases.add_note(actor=luke, case=case, text="不是我的案件")
    with pytest.raises(PermissionDenied):
        cases.accept_case(actor=lena, case=case)  # counsel work on a case, they do not manage it
    case.refresh_from_db()
    assert cases.add_note(actor=lena, case=case, text="约谈单位负责人").author == lena


def test_town_b_cannot_touch_town_a_cases(county, alice, bob, charlie):
    case = received(county, bob)
    with pytest.raises(PermissionDenied):
        cases.accept_case(actor=charlie, case=case)
    with pytest.raises(PermissionDenied):
        received(county, charlie)  # charlie may not file a case for town A


def test_each_stage_has_a_deadline_and_overdue_cases_are_flagged(county, alice, bob, lena):
    case = received(county, bob)
    today = timezone.localdate()
    assert case.due_on == today + datetime.timedelta(days=3)
    assert not case.is_overdue(today)
    assert case.is_overdue(today + datetime.timedelta(days=4))
    assert list(Case.objects.overdue(today + datetime.timedelta(days=4))) == [case]
    cases.accept_case(actor=alice, case=case)
    case.refresh_from_db()
    assert case.due_on == today + datetime.timedelta(days=2)
    # A declined or closed case is never overdue.
    case.status = CaseStatus.CLOSED
    assert not case.is_overdue(today + datetime.timedelta(days=400))


def test_a_county_may_set_its_own_stage_deadlines(county, bob, settings):
    settings.GONGHUI_CASE_DEADLINES = {CaseStatus.RECEIVED: 1}
    case = received(county, bob)
    assert case.due_on == timezone.localdate() + datetime.timedelta(days=1)
