"""The rules of hardship files: who enters, who decides (the level above, never the submitter),
returning needs a reason, the yearly review and its due list, lifting and removing, one open file
per member, bad input refused with nothing changed, and every change audited."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from gonghui.aid.hardship import services as hardship
from gonghui.aid.models import HardshipFile
from gonghui.aid.tests.hardship_helpers import enter_file, file_fields
from gonghui.conftest import make_user
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role
from gonghui.registry.services import create_member

pytestmark = pytest.mark.django_db


def entries(file):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(HardshipFile), object_id=str(file.pk)
    )


@pytest.fixture
def file_a(county, dora):
    return enter_file(dora, county.member_a)


# ---------------------------------------------------------------------------------------------
# entering
# ---------------------------------------------------------------------------------------------


def test_create_is_pending_with_household_and_audit(county, dora, file_a):
    assert file_a.status == "pending"
    assert file_a.union == county.union_a and file_a.submitted_by == dora
    assert file_a.causes == "illness,schooling"
    assert file_a.income_per_head == Decimal("600.00")
    assert [m.name for m in file_a.household.order_by("pk")] == ["王某", "张小某"]
    entry = entries(file_a).get()
    assert entry.actor == dora and "家庭成员" in entry.changes


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"causes": []}, "causes"),
        ({"causes": ["illness", "bogus"]}, "causes"),
        ({"household_size": 0}, "household_size"),
        ({"household_size": 2}, "household_size"),  # two household members + the worker
        ({"monthly_income": Decimal("-1")}, "monthly_income"),
        ({"monthly_income": "abc"}, "monthly_income"),
        ({"local_line": Decimal("1.234")}, "local_line"),
        ({"level": "planet"}, "level"),
        ({"household": [{"name": "", "relation": "子女"}]}, "household"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(county, dora, overrides, field):
    with pytest.raises(ValidationError) as caught:
        enter_file(dora, county.member_a, **overrides)
    assert field in caught.value.message_dict
    assert not HardshipFile.objects.exists()
    assert not AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(HardshipFile)
    ).exists()


def test_member_must_be_active(county, dora):
    county.member_a.status = "left"
    county.member_a.save()
    with pytest.raises(ValidationError) as caught:
        enter_file(dora, county.member_a)
    assert "不是在会会员" in caught.value.message_dict["member"][0]


def test_only_an_editor_of_the_members_union_enters(county, charlie, frank):
    for outsider in (charlie, frank):  # another town; a reviewer without an editing role
        with pytest.raises(PermissionDenied):
            enter_file(outsider, county.member_a)
    assert not HardshipFile.objects.exists()


def test_one_open_file_per_member(county, dora, bob, file_a):
    with pytest.raises(ValidationError) as caught:
        enter_file(bob, county.member_a)
    assert "不能重复建档" in caught.value.message_dict["member"][0]
    file_a.status = "lifted"
    file_a.save()
    assert enter_file(bob, county.member_a).status == "pending"  # a closed file is no obstacle


def test_update_while_pending_or_returned_only(county, dora, frank, file_a):
    updated = hardship.update_file(actor=dora, file=file_a, **file_fields(household=[]))
    assert updated.household.count() == 0
    hardship.decide_file(actor=frank, file=file_a, approve=True)
    with pytest.raises(ValidationError) as caught:
        hardship.update_file(actor=dora, file=file_a, **file_fields())
    assert "status" in caught.value.message_dict


# ---------------------------------------------------------------------------------------------
# deciding
# ---------------------------------------------------------------------------------------------


def test_level_above_files_it(county, frank, file_a):
    decided = hardship.decide_file(actor=frank, file=file_a, approve=True)
    today = timezone.localdate()
    assert decided.status == "filed" and decided.decided_by == frank
    assert decided.filed_on == decided.reviewed_on == today
    assert entries(file_a).count() == 2


def test_county_reviewer_may_decide_too(county, erin, file_a):
    assert hardship.decide_file(actor=erin, file=file_a, approve=True).status == "filed"


def test_same_level_cannot_decide(county, file_a):
    # A reviewer of union_a itself is not the level above.
    peer = make_user("peer", Role.REVIEWER, county.union_a)
    with pytest.raises(PermissionDenied):
        hardship.decide_file(actor=peer, file=file_a, approve=True)
    assert HardshipFile.objects.get(pk=file_a.pk).status == "pending"


def test_submitter_cannot_decide(county, bob):
    # bob (town A clerk) may enter for union_a and holds a reviewing role above it: still no.
    file = enter_file(bob, county.member_a)
    with pytest.raises(PermissionDenied, match="录入人"):
        hardship.decide_file(actor=bob, file=file, approve=True)
    assert HardshipFile.objects.get(pk=file.pk).status == "pending"


def test_outsiders_cannot_decide(county, charlie, lena, stan, file_a):
    for outsider in (charlie, lena, stan):
        with pytest.raises(PermissionDenied):
            hardship.decide_file(actor=outsider, file=file_a, approve=True)


def test_return_needs_a_reason(county, frank, file_a):
    with pytest.raises(ValidationError) as caught:
        hardship.decide_file(actor=frank, file=file_a, approve=False, reason="  ")
    assert "reason" in caught.value.message_dict
    assert HardshipFile.objects.get(pk=file_a.pk).status == "pending"
    returned = hardship.decide_file(actor=frank, file=file_a, approve=False, reason="缺收入证明")
    assert returned.status == "returned" and returned.status_reason == "缺收入证明"


def test_returned_file_corrected_waits_again(county, dora, frank, file_a):
    hardship.decide_file(actor=frank, file=file_a, approve=False, reason="缺收入证明")
    again = hardship.update_file(actor=dora, file=file_a, **file_fields())
    assert again.status == "pending" and again.status_reason == ""
    assert hardship.decide_file(actor=frank, file=again, approve=True).status == "filed"


def test_decided_file_cannot_be_decided_again(county, frank, erin, file_a):
    hardship.decide_file(actor=frank, file=file_a, approve=True)
    with pytest.raises(ValidationError):
        hardship.decide_file(actor=erin, file=file_a, approve=False, reason="x")


# ---------------------------------------------------------------------------------------------
# the yearly review
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def filed(county, frank, file_a):
    return hardship.decide_file(actor=frank, file=file_a, approve=True)


def age(file, days: int):
    HardshipFile.objects.filter(pk=file.pk).update(
        reviewed_on=timezone.localdate() - datetime.timedelta(days=days)
    )


def test_due_list(county, dora, frank, filed):
    assert not HardshipFile.objects.review_due().exists()
    age(filed, 365)
    assert not HardshipFile.objects.review_due().exists()  # exactly a year: not yet late
    age(filed, 366)
    assert list(HardshipFile.objects.review_due()) == [filed]
    hardship.review_file(actor=frank, file=filed, outcome="keep", monthly_income="1500")
    kept = HardshipFile.objects.get(pk=filed.pk)
    assert kept.reviewed_on == timezone.localdate() and kept.status == "filed"
    assert kept.monthly_income == Decimal("1500.00") and kept.income_per_head == Decimal("500.00")
    assert not HardshipFile.objects.review_due().exists()


def test_lift(county, frank, filed):
    lifted = hardship.review_file(actor=frank, file=filed, outcome="lift")
    assert lifted.status == "lifted" and lifted.closed_on == timezone.localdate()
    assert not HardshipFile.objects.on_file().exists()


def test_remove_needs_a_reason(county, frank, filed):
    with pytest.raises(ValidationError) as caught:
        hardship.review_file(actor=frank, file=filed, outcome="remove")
    assert "reason" in caught.value.message_dict
    assert HardshipFile.objects.get(pk=filed.pk).status == "filed"
    removed = hardship.review_file(actor=frank, file=filed, outcome="remove", reason="已调离本县")
    assert removed.status == "removed" and removed.status_reason == "已调离本县"
    assert removed.closed_on == timezone.localdate()


def test_review_only_by_the_level_above_and_only_on_file(county, dora, charlie, frank, file_a):
    with pytest.raises(ValidationError):  # still pending
        hardship.review_file(actor=frank, file=file_a, outcome="keep")
    hardship.decide_file(actor=frank, file=file_a, approve=True)
    for outsider in (dora, charlie):
        with pytest.raises(PermissionDenied):
            hardship.review_file(actor=outsider, file=file_a, outcome="keep")


def test_review_bad_outcome_and_size(county, frank, filed):
    with pytest.raises(ValidationError) as caught:
        hardship.review_file(actor=frank, file=filed, outcome="maybe", household_size=1)
    assert {"outcome", "household_size"} <= set(caught.value.message_dict)


def test_each_step_is_audited(county, frank, filed):
    hardship.review_file(actor=frank, file=filed, outcome="lift")
    actions = list(entries(filed).order_by("pk").values_list("action", flat=True))
    assert actions == ["create", "update", "update"]
    last = entries(filed).order_by("pk").last()
    assert last.actor == frank and "status" in last.changes


# ---------------------------------------------------------------------------------------------
# one open file per member, whatever arrives at once
# ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_entries_file_once(county, dora, bob):
    import threading

    from django.db import connections

    barrier, results = threading.Barrier(2), []

    def enter(actor):
        try:
            barrier.wait()
            enter_file(actor, county.member_a)
            results.append("ok")
        except ValidationError as exc:
            results.append(exc.message_dict["member"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enter, args=(u,)) for u in (dora, bob)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and results.count("ok") == 1
    assert HardshipFile.objects.filter(member=county.member_a).count() == 1


def test_a_member_of_another_union_is_out_of_scope_for_dora(county, dora):
    other = create_member(
        actor=None, name="李乙二", id_number="420324199003070028", union=county.union_b,
        employer=county.employer_b, joined_on=datetime.date(2024, 1, 1),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        enter_file(dora, other)


def test_nobody_who_entered_or_corrected_a_file_decides_it(county, bob, frank):
    """bob enters, a colleague corrects, bob corrects again: neither of them may decide it, the
    reviewer frank still may."""
    from gonghui.conftest import make_user

    colleague = make_user("bob2", Role.CLERK, county.town_a)
    file = enter_file(bob, county.member_a)
    hardship.update_file(actor=colleague, file=file, **file_fields(cause_note="补充说明"))
    hardship.update_file(actor=bob, file=file, **file_fields(cause_note="再次补充"))
    file.refresh_from_db()
    for person in (bob, colleague):
        with pytest.raises(PermissionDenied):
            hardship.decide_file(actor=person, file=file, approve=True)
    hardship.decide_file(actor=frank, file=file, approve=True)
    file.refresh_from_db()
    assert file.status == "filed" and file.decided_by == frank
