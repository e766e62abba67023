"""Proposals: submission, the panel's moves, the reason the worker reads, points on adoption
(once), implementation, the verified benefit, the rates per union and employer."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.workforce.models import PointsEntry, Proposal
from gonghui.workforce.models.points import PointsItem
from gonghui.workforce.models.proposals import ProposalChannel, ProposalStatus
from gonghui.workforce.points import ledger
from gonghui.workforce.points import services as points
from gonghui.workforce.proposals import queries, services

pytestmark = pytest.mark.django_db


def submit(county, member=None, **kw):
    fields = dict(category="idea", title="空压机余热回收", problem="散热浪费", idea="加装换热器")
    fields.update(kw)
    return services.submit_proposal(member=member or county.member_a, **fields)


def test_submission_checks_and_numbers(county, bob, charlie):
    with pytest.raises(ValidationError) as exc:
        submit(county, title="", idea="")
    assert {"title", "idea"} <= set(exc.value.message_dict)
    p = submit(county)
    assert p.status == ProposalStatus.RECEIVED and p.channel == ProposalChannel.PORTAL
    assert p.number == f"JY{p.submitted_on.year}-{p.pk:05d}" and p.employer == county.employer_a
    assert submit(county, actor=bob).channel == ProposalChannel.CLERK
    with pytest.raises(ValidationError):
        submit(county, actor=charlie)


def test_panel_moves_and_rejection_reason(county, frank, charlie):
    p = submit(county)
    with pytest.raises(PermissionDenied):
        services.start_review(actor=charlie, proposal=p)
    services.start_review(actor=frank, proposal=p)  # a reviewer of town A
    with pytest.raises(ValidationError):
        services.start_review(actor=frank, proposal=p)
    with pytest.raises(ValidationError):
        services.reject(actor=frank, proposal=p, reason=" ")
    services.reject(actor=frank, proposal=p, reason="投入过大")
    p.refresh_from_db()
    assert p.status == ProposalStatus.REJECTED and p.reject_reason == "投入过大"
    with pytest.raises(ValidationError):
        services.adopt(actor=frank, proposal=p)


def test_adoption_awards_points_once_by_rule(county, bob, frank):
    points.create_rule(actor=None, union=county.union_a, item=PointsItem.PROPOSAL,
                       name="建议采纳", points=20)  # fmt: skip
    p = submit(county)
    services.adopt(actor=frank, proposal=p, award_tier="second")
    entry = PointsEntry.objects.get()
    assert entry.points == 20 and entry.source_key == f"workforce.proposal:{p.pk}"
    with pytest.raises(ValidationError):  # the same source again
        ledger.award_for_source(rule_item=PointsItem.PROPOSAL, member=county.member_a,
                                source=p, actor=bob)  # fmt: skip
    assert ledger.balance(entry.account) == 20


def test_adoption_without_a_rule_awards_nothing(county, bob):
    services.adopt(actor=bob, proposal=submit(county))
    assert not PointsEntry.objects.exists()


def test_implement_and_verify_benefit(county, bob, frank):
    p = submit(county)
    with pytest.raises(ValidationError):
        services.verify_benefit(actor=bob, proposal=p, amount="100", verified_by_name="李")
    services.adopt(actor=bob, proposal=p)
    with pytest.raises(PermissionDenied):
        services.implement(actor=frank, proposal=p)  # a reviewer does not implement
    services.implement(actor=bob, proposal=p)
    with pytest.raises(ValidationError) as exc:
        services.verify_benefit(actor=bob, proposal=p, amount="1.234", verified_by_name="李会计")
    assert "amount" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.verify_benefit(actor=bob, proposal=p, amount="100", verified_by_name="")
    services.verify_benefit(actor=bob, proposal=p, amount="12,000.50", verified_by_name="李会计")
    p.refresh_from_db()
    assert p.status == ProposalStatus.IMPLEMENTED
    assert p.verified_benefit == Decimal("12000.50") and p.verified_by_name == "李会计"


def test_rates_per_union_and_employer(county, bob):
    a = [submit(county, title=f"建议{i}") for i in range(4)]
    services.adopt(actor=bob, proposal=a[0])
    services.adopt(actor=bob, proposal=a[1])
    services.implement(actor=bob, proposal=a[1])
    services.reject(actor=None, proposal=a[2], reason="不可行")
    submit(county, member=county.member_b)
    rows = {r["name"]: r for r in queries.rates(Proposal.objects.all(), "union")}
    assert rows["甲机械厂工会"]["total"] == 4 and rows["甲机械厂工会"]["adopted"] == 2
    assert rows["甲机械厂工会"]["adoption_rate"] == 50.0
    assert rows["甲机械厂工会"]["implementation_rate"] == 50.0
    assert rows["乙茶叶公司工会"]["adoption_rate"] == 0.0
    by_employer = {r["name"]: r for r in queries.rates(Proposal.objects.all(), "employer")}
    assert by_employer["甲机械厂"]["implemented"] == 1
