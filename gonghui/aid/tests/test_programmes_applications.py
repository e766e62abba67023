"""Aid application services: the programme's rules, sending on, level-by-level review, the
submitter never approving, refusal reasons, notice dates, withdrawal, texts and the audit."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from gonghui.aid.choices import AidStatus, StepStatus
from gonghui.aid.models import AidApplication
from gonghui.aid.programmes import applications
from gonghui.aid.programmes.queries import awaiting_review_by, mask_name, notice_rows
from gonghui.aid.tests.conftest import make_programme
from gonghui.aid.tests.programme_helpers import attach, file_household, submitted
from gonghui.conftest import make_user
from gonghui.core import sms
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role
from gonghui.registry.choices import MemberStatus

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def apply(county, programme, actor=None, member=None, amount="1500.00", **extra):
    return applications.apply(
        programme=programme,
        member=member or county.member_a,
        amount_requested=Decimal(amount) if isinstance(amount, str) else amount,
        actor=actor,
        **extra,
    )


def errors_of(exc) -> dict:
    return exc.value.message_dict


# ---------------------------------------------------------------------------------------------
# Applying: the programme's rules
# ---------------------------------------------------------------------------------------------


def test_a_clerk_applies_for_a_worker(county, dora, programme):
    application = apply(
        county, programme, actor=dora, bank_account="6222 0212 3456 7890", bank_name="农业银行"
    )
    assert application.status == AidStatus.AWAITING_UNION
    assert application.channel == "staff" and application.created_by == dora
    assert application.union == county.union_a
    assert application.bank_account == "6222021234567890"
    assert application.bank_account_masked == "6222****7890"
    assert application.payee_name == "张甲明"  # the worker, unless someone else is named
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(AidApplication),
        object_id=str(application.pk),
    )
    assert entry.actor == dora and "6222021234567890" not in str(entry.changes)


def test_the_worker_applies_in_the_portal(county, programme):
    application = apply(county, programme)
    assert application.channel == "portal" and application.created_by is None
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(AidApplication),
        object_id=str(application.pk),
    )
    assert entry.actor is None and "渠道" in entry.changes


def test_only_within_the_window(county, dora):
    closed = make_programme(county, closes_on=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        apply(county, closed, actor=dora)
    assert "不在申请期内" in errors_of(exc)["programme"][0]
    inactive = make_programme(county, name="停用项目", is_active=False)
    with pytest.raises(ValidationError) as exc:
        apply(county, inactive, actor=dora)
    assert "停用" in errors_of(exc)["programme"][0]
    assert not AidApplication.objects.exists()


def test_filed_households_only(county, dora):
    programme = make_programme(county, eligibility="filed", name="生活救助")
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora)
    assert "建档困难职工" in errors_of(exc)["member"][0]
    file_household(county, status="pending")  # not yet on file
    with pytest.raises(ValidationError):
        apply(county, programme, actor=dora)
    AidApplication.objects.all().delete()
    county.member_a.hardship_files.update(status="filed")
    application = apply(county, programme, actor=dora)
    assert application.hardship_file == county.member_a.hardship_files.get()


def test_new_form_workers_only(county, alice):
    programme = make_programme(county, eligibility="new_form", name="骑手关爱")
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=alice)
    assert "新就业形态" in errors_of(exc)["member"][0]
    application = apply(county, programme, actor=alice, member=county.member_b)  # a courier
    assert application.union == county.union_b


def test_only_active_members(county, dora, programme):
    county.member_a.status = MemberStatus.LEFT
    county.member_a.save()
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora)
    assert "在会会员" in errors_of(exc)["member"][0]


@pytest.mark.parametrize(
    "amount, message",
    [("2000.01", "上限 2000.00"), ("0", "大于 0"), ("-5", "大于 0"), ("10.001", "两位小数")],
)
def test_amount_within_the_cap(county, dora, programme, amount, message):
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora, amount=amount)
    assert message in errors_of(exc)["amount_requested"][0]


def test_bad_text_and_account_named_by_field(county, dora, programme):
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora, bank_account="6222-abc", beneficiary="x" * 101)
    assert set(errors_of(exc)) == {"bank_account", "beneficiary"}


def test_one_live_application_per_member_and_programme(county, dora, bob, programme):
    first = apply(county, programme, actor=dora)
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora)
    assert "不能重复申请" in errors_of(exc)["member"][0]
    applications.refuse(actor=bob, application=first, reason="材料不实")
    assert apply(county, programme, actor=dora).status == AidStatus.AWAITING_UNION


def test_the_database_backs_the_duplicate_rule(county, dora, programme, monkeypatch):
    apply(county, programme, actor=dora)
    monkeypatch.setattr(applications, "live_elsewhere", lambda *a, **k: False)
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=dora)
    assert "不能重复申请" in errors_of(exc)["member"][0]
    assert AidApplication.objects.count() == 1


def test_staff_only_for_members_in_scope(county, charlie, programme):
    with pytest.raises(ValidationError) as exc:
        apply(county, programme, actor=charlie)
    assert "不在您的管理范围内" in errors_of(exc)["member"][0]


def test_programme_outside_the_union_is_refused(county, bob):
    town_b = make_programme(county, organisation=county.town_b, name="水坪镇助学")
    with pytest.raises(ValidationError) as exc:
        apply(county, town_b, actor=bob)
    assert "范围" in errors_of(exc)["programme"][0]


def test_rule_problems_for_the_portal(county, programme):
    assert applications.rule_problems(programme, county.member_a) == []
    filed_only = make_programme(county, eligibility="filed", name="生活救助")
    assert len(applications.rule_problems(filed_only, county.member_a)) == 1


# ---------------------------------------------------------------------------------------------
# Sending on and the review chain
# ---------------------------------------------------------------------------------------------


def test_required_documents_before_submit(county, dora, django_capture_on_commit_callbacks):
    programme = make_programme(county, required_documents="录取通知书\n户口簿")
    application = apply(county, programme, actor=dora)
    attach(application, "录取通知书")
    with pytest.raises(ValidationError) as exc:
        applications.submit(actor=dora, application=application)
    assert errors_of(exc)["documents"] == ["缺少所需材料：户口簿"]
    application.refresh_from_db()
    assert application.status == AidStatus.AWAITING_UNION and not application.steps.exists()
    attach(application, "户口簿")
    with django_capture_on_commit_callbacks(execute=True):
        applications.submit(actor=dora, application=application)
    application.refresh_from_db()
    assert application.status == AidStatus.REVIEWING
    assert application.submitted_by == dora and application.submitted_at
    assert sms.outbox[-1].phone == "13812345678" and "提交审核" in sms.outbox[-1].text


def test_only_the_unions_clerk_submits(county, dora, frank, charlie, programme):
    application = apply(county, programme)
    for user in (frank, charlie):  # a reviewer does not send on; town B is out of reach
        with pytest.raises(PermissionDenied):
            applications.submit(actor=user, application=application)
    applications.submit(actor=dora, application=application)
    with pytest.raises(ValidationError):
        applications.submit(actor=dora, application=application)


def test_submit_rechecks_the_rules(county, dora, programme):
    application = apply(county, programme, actor=dora)
    programme.closes_on = TODAY - datetime.timedelta(days=1)
    programme.opens_on = TODAY - datetime.timedelta(days=10)
    programme.save()
    with pytest.raises(ValidationError) as exc:
        applications.submit(actor=dora, application=application)
    assert "programme" in errors_of(exc)


def test_one_level_only_the_programmes_organisation_decides(county, dora, frank, erin, programme):
    application = submitted(county, programme, clerk=dora)
    steps = list(application.steps.all())
    assert [s.organisation for s in steps] == [county.county]
    with pytest.raises(PermissionDenied):  # town A holds no step here
        applications.approve_step(actor=frank, application=application)
    applications.approve_step(actor=erin, application=application, amount=Decimal("1200"))
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED
    assert application.amount_approved == Decimal("1200.00")


def test_two_levels_town_then_county(county, dora, frank, erin, django_capture_on_commit_callbacks):
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=dora)
    assert [s.organisation for s in application.steps.all()] == [county.town_a, county.county]
    assert list(awaiting_review_by(frank)) == [application]
    applications.approve_step(actor=frank, application=application, comment="情况属实")
    application.refresh_from_db()
    assert application.status == AidStatus.REVIEWING
    assert list(awaiting_review_by(frank)) == []  # the county decides now
    assert list(awaiting_review_by(erin)) == [application]
    with pytest.raises(PermissionDenied):
        applications.approve_step(actor=frank, application=application)
    with django_capture_on_commit_callbacks(execute=True):
        applications.approve_step(actor=erin, application=application)
    application.refresh_from_db()
    first, second = application.steps.all()
    assert (first.decided_by, first.comment, first.status) == (frank, "情况属实", "approved")
    assert (second.decided_by, second.amount) == (erin, Decimal("1500.00"))
    assert application.status == AidStatus.APPROVED and application.decided_at
    assert "已批准1500.00元" in sms.outbox[-1].text


def test_a_higher_level_confirms_or_cuts_never_raises(county, dora, frank, erin):
    """The town cuts 1500 to 500: the county's blank amount keeps 500 and 800 is refused."""
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=frank, application=application, amount="500")
    with pytest.raises(ValidationError) as exc:
        applications.approve_step(actor=erin, application=application, amount="800")
    assert "500.00" in str(exc.value)
    applications.approve_step(actor=erin, application=application)
    application.refresh_from_db()
    assert application.amount_approved == Decimal("500.00")


def test_one_person_decides_one_level(county, dora, erin):
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application)  # the county may act below
    with pytest.raises(PermissionDenied) as exc:
        applications.approve_step(actor=erin, application=application)
    assert "其他人" in str(exc.value)


def test_more_levels_than_the_tree_has(county, dora, frank, erin):
    programme = make_programme(county, review_levels=5)
    application = submitted(county, programme, clerk=dora)
    assert application.steps.count() == 2


def test_the_submitter_never_approves(county, bob, frank):
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=bob)  # bob is a clerk of town A
    with pytest.raises(PermissionDenied) as exc:
        applications.approve_step(actor=bob, application=application)
    assert "自己" in str(exc.value)
    applications.approve_step(actor=frank, application=application)


def test_the_creator_never_approves(county, alice, bob, erin):
    application = apply(county, make_programme(county), actor=alice)
    applications.submit(actor=bob, application=application)
    with pytest.raises(PermissionDenied):
        applications.approve_step(actor=alice, application=application)
    with pytest.raises(PermissionDenied):
        applications.refuse(actor=alice, application=application, reason="不符合")
    applications.approve_step(actor=erin, application=application)


@pytest.mark.parametrize("amount, message", [("1500.01", "申请金额"), ("0", "大于 0")])
def test_approved_amount_within_request_and_cap(county, dora, erin, programme, amount, message):
    application = submitted(county, programme, clerk=dora)
    with pytest.raises(ValidationError) as exc:
        applications.approve_step(actor=erin, application=application, amount=Decimal(amount))
    assert message in errors_of(exc)["amount"][0]
    assert application.steps.get().status == StepStatus.WAITING


def test_approved_amount_never_above_a_lowered_cap(county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    programme.cap = Decimal("1000")
    programme.save()
    with pytest.raises(ValidationError) as exc:
        applications.approve_step(actor=erin, application=application)
    assert "上限" in errors_of(exc)["amount"][0]


@pytest.mark.parametrize("days, ends, payable", [(5, 4, False), (1, 0, False), (0, -1, True)])
def test_notice_dates(county, dora, erin, days, ends, payable):
    programme = make_programme(county, notice_days=days)
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application)
    application.refresh_from_db()
    assert application.approved_on == TODAY
    assert application.notice_ends_on == TODAY + datetime.timedelta(days=ends)
    assert AidApplication.objects.payable().filter(pk=application.pk).exists() is payable
    assert AidApplication.objects.in_notice().filter(pk=application.pk).exists() is not payable


def test_a_decided_application_is_not_decided_again(county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application)
    reviewer = make_user("erin2", Role.REVIEWER, county.county)
    with pytest.raises(ValidationError):
        applications.approve_step(actor=reviewer, application=application)
    with pytest.raises(ValidationError):
        applications.refuse(actor=reviewer, application=application, reason="重复")


# ---------------------------------------------------------------------------------------------
# Refusal and withdrawal
# ---------------------------------------------------------------------------------------------


def test_refusal_needs_a_reason_the_worker_sees(
    county, dora, erin, programme, django_capture_on_commit_callbacks
):
    application = submitted(county, programme, clerk=dora)
    with pytest.raises(ValidationError) as exc:
        applications.refuse(actor=erin, application=application, reason="  ")
    assert "原因" in errors_of(exc)["reason"][0]
    with django_capture_on_commit_callbacks(execute=True):
        applications.refuse(actor=erin, application=application, reason="收入高于认定标准")
    application.refresh_from_db()
    assert application.status == AidStatus.REFUSED
    assert application.refusal_reason == "收入高于认定标准"
    step = application.steps.get()
    assert (step.status, step.decided_by) == (StepStatus.REFUSED, erin)
    assert "收入高于认定标准" in sms.outbox[-1].text


def test_the_union_clerk_refuses_before_sending_on(county, dora, charlie, frank, programme):
    application = apply(county, programme)
    for user in (charlie, frank):
        with pytest.raises(PermissionDenied):
            applications.refuse(actor=user, application=application, reason="材料不全")
    applications.refuse(actor=dora, application=application, reason="材料不全")
    application.refresh_from_db()
    assert application.status == AidStatus.REFUSED and not application.steps.exists()


def test_withdraw_before_approval_only(county, dora, erin, programme, charlie):
    application = apply(county, programme)
    applications.withdraw(application=application)
    application.refresh_from_db()
    assert application.status == AidStatus.WITHDRAWN
    second = submitted(county, programme, clerk=dora)
    with pytest.raises(PermissionDenied):
        applications.withdraw(application=second, actor=charlie)
    applications.approve_step(actor=erin, application=second)
    with pytest.raises(ValidationError):
        applications.withdraw(application=second)


def test_every_step_is_audited(county, dora, frank, erin):
    programme = make_programme(county, review_levels=2)
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=frank, application=application)
    applications.approve_step(actor=erin, application=application)
    actors = set(AuditEntry.objects.values_list("actor__username", flat=True))
    assert {"dora", "frank", "erin"} <= actors
    statuses = [
        e.changes.get("status")
        for e in AuditEntry.objects.filter(object_id=str(application.pk)).order_by("pk")
        if e.content_type.model == "aidapplication"
    ]
    assert ["待基层工会提交", "审核中"] in statuses and ["审核中", "已批准"] in statuses


# ---------------------------------------------------------------------------------------------
# Masking and the public notice
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, masked",
    [
        ("张三明", "张*明"),
        ("张三", "张*"),
        ("欧阳小明", "欧**明"),
        ("张", "张"),
        ("", ""),
        (" 李 四 ", "李*"),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_notice_rows_mask_names(county, dora, erin, programme):
    application = submitted(county, programme, clerk=dora)
    applications.approve_step(actor=erin, application=application, amount=Decimal("1000"))
    rows = notice_rows()
    assert rows == [
        {
            "name": "张*明",
            "union": "甲机械厂工会",
            "programme": str(programme),
            "amount": Decimal("1000.00"),
            "approved_on": TODAY,
            "notice_ends_on": TODAY + datetime.timedelta(days=4),
        }
    ]
    assert notice_rows(today=TODAY + datetime.timedelta(days=5)) == []
    other = make_programme(county, name="其他项目")
    assert notice_rows(programme=other) == []


# ---------------------------------------------------------------------------------------------
# Two reviewers at once (PostgreSQL: row locks)
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_once_approve_once(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises whole writes")
    clerk = make_user("dora", Role.CLERK, county.union_a)
    application = submitted(county, make_programme(county), clerk=clerk)
    reviewers = [make_user(f"rev{i}", Role.REVIEWER, county.county) for i in range(2)]
    barrier = threading.Barrier(len(reviewers))
    outcomes = []

    def approve(user):
        try:
            barrier.wait()
            applications.approve_step(actor=user, application=application)
            outcomes.append("approved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(r,)) for r in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["approved", "refused"]
    application.refresh_from_db()
    assert application.status == AidStatus.APPROVED
    assert application.steps.filter(status=StepStatus.APPROVED).count() == 1
