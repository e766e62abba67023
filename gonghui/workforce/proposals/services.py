"""Proposals: the only code that writes them.

Who may do what:
- submit: the worker on the phone (actor None, the member found by their phone), or a clerk of
  the member's union (channel 经办人录入);
- the panel's steps (start the review, adopt with an award tier, reject with the reason the
  worker reads): an administrator, clerk or reviewer over the proposal's union, in the moves
  `TRANSITIONS` allows;
- implement and verify the benefit: an editor (admin, clerk) over the union.
Adoption awards the points of the union's active 合理化建议 rule, if it has one, with the
proposal as the source (once: points.ledger refuses a second award for the same source).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.money import parse_yuan
from gonghui.core.roles import Role
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.choices import MemberStatus
from gonghui.workforce.models import PointsRule, Proposal
from gonghui.workforce.models.points import PointsItem
from gonghui.workforce.models.proposals import (
    ADOPTED_STATES,
    AwardTier,
    ProposalCategory,
    ProposalChannel,
    ProposalStatus,
)
from gonghui.workforce.points import ledger

PANEL_ROLES = (Role.ADMIN, Role.CLERK, Role.REVIEWER)
S = ProposalStatus
TRANSITIONS = {
    "start_review": ({S.RECEIVED}, S.REVIEWING),
    "adopt": ({S.RECEIVED, S.REVIEWING}, S.ADOPTED),
    "reject": ({S.RECEIVED, S.REVIEWING}, S.REJECTED),
    "implement": ({S.ADOPTED}, S.IMPLEMENTED),
}


def clean_fields(*, category, title, problem, idea, expected_benefit="") -> dict:
    errors: dict = {}
    if category not in ProposalCategory.values:
        errors["category"] = _("请选择类别")
    values = {
        "title": (title or "").strip(),
        "problem": (problem or "").strip(),
        "idea": (idea or "").strip(),
        "expected_benefit": (expected_benefit or "").strip(),
    }
    if not values["title"] or len(values["title"]) > 100:
        errors["title"] = _("请填写题目（不超过100个字）")
    for field, label in (("problem", _("存在的问题")), ("idea", _("建议或方案"))):
        if not values[field]:
            errors[field] = _("请填写%(f)s") % {"f": label}
        elif len(values[field]) > 2000:
            errors[field] = _("不能超过2000个字")
    if len(values["expected_benefit"]) > 2000:
        errors["expected_benefit"] = _("不能超过2000个字")
    if errors:
        raise ValidationError(errors)
    return {"category": category, **values}


def _number(proposal) -> str:
    return f"JY{proposal.submitted_on.year}-{proposal.pk:05d}"


@transaction.atomic
def submit_proposal(*, actor=None, member, category, title, problem, idea, expected_benefit="",
                    submitted_on=None, channel=None) -> Proposal:  # fmt: skip
    if member is None or member.status != MemberStatus.ACTIVE:
        raise ValidationError({"member": _("只有在会会员可以提出建议")})
    if actor is not None and not may_edit_org(actor, member.union):
        raise ValidationError({"member": OUT_OF_SCOPE})
    values = clean_fields(category=category, title=title, problem=problem, idea=idea,
                          expected_benefit=expected_benefit)  # fmt: skip
    channel = channel or (ProposalChannel.PORTAL if actor is None else ProposalChannel.CLERK)
    submitted_on = submitted_on or timezone.localdate()
    if not is_date(submitted_on) or submitted_on > timezone.localdate():
        raise ValidationError({"submitted_on": _("提出日期不能晚于今天")})
    proposal = Proposal.objects.create(
        union=member.union, member=member, employer=member.employer, channel=channel,
        submitted_on=submitted_on, entered_by=actor, **values,
    )  # fmt: skip
    proposal.number = _number(proposal)
    proposal.save(update_fields=["number"])
    audit.record(actor=actor, action=AuditAction.CREATE, obj=proposal,
                 after=audit.snapshot(proposal))  # fmt: skip
    return proposal


def _lock(actor, proposal, roles) -> Proposal:
    row = Proposal.objects.select_for_update(of=("self",)).select_related("union").get(
        pk=proposal.pk
    )
    if not holds_role_at(actor, row.union, roles):
        raise PermissionDenied(OUT_OF_SCOPE)
    return row


def _step(actor, proposal, move, roles=PANEL_ROLES, **changes) -> Proposal:
    allowed, target = TRANSITIONS[move]
    proposal = _lock(actor, proposal, roles)
    if proposal.status not in allowed:
        raise ValidationError(
            _("当前状态为“%(s)s”，不能进行此操作") % {"s": proposal.get_status_display()}
        )
    before = audit.snapshot(proposal)
    proposal.status = target
    for field, value in changes.items():
        setattr(proposal, field, value)
    return audit.saved(proposal, actor=actor, before=before)


@transaction.atomic
def start_review(*, actor, proposal) -> Proposal:
    return _step(actor, proposal, "start_review")


def _award_points(actor, proposal):
    rule = PointsRule.objects.filter(
        union=proposal.union, item=PointsItem.PROPOSAL, is_active=True
    ).order_by("pk").first()  # fmt: skip
    if rule is None:
        return None
    return ledger.award_for_source(rule_item=rule, member=proposal.member, source=proposal,
                                   actor=actor, on=proposal.adopted_on)  # fmt: skip


@transaction.atomic
def adopt(*, actor, proposal, award_tier="", adopted_on=None) -> Proposal:
    if award_tier and award_tier not in AwardTier.values:
        raise ValidationError({"award_tier": _("请选择奖励等次")})
    adopted_on = adopted_on or timezone.localdate()
    proposal = _step(actor, proposal, "adopt", award_tier=award_tier or "", adopted_on=adopted_on)
    # A reviewer may decide but not write the union's points: the system writes them then.
    _award_points(actor if may_edit_org(actor, proposal.union) else None, proposal)
    return proposal


@transaction.atomic
def reject(*, actor, proposal, reason) -> Proposal:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写未采纳原因（职工可以看到）")})
    return _step(actor, proposal, "reject", reject_reason=reason[:200])


@transaction.atomic
def implement(*, actor, proposal, implemented_on=None) -> Proposal:
    on = implemented_on or timezone.localdate()
    if not is_date(on) or on > timezone.localdate():
        raise ValidationError({"implemented_on": _("实施日期不能晚于今天")})
    return _step(actor, proposal, "implement", roles=(Role.ADMIN, Role.CLERK), implemented_on=on)


@transaction.atomic
def verify_benefit(*, actor, proposal, amount, verified_by_name, verified_on=None) -> Proposal:
    proposal = lock_for_edit(proposal, actor=actor, org_field="union")
    if proposal.status not in ADOPTED_STATES:
        raise ValidationError(_("只有已采纳或已实施的建议可以核实效益"))
    amount = parse_yuan(amount, field="amount", label=_("核实效益"))
    name = (verified_by_name or "").strip()
    if not name or len(name) > 50:
        raise ValidationError({"verified_by_name": _("请填写效益核实人姓名")})
    before = audit.snapshot(proposal)
    proposal.verified_benefit, proposal.verified_by_name = amount, name
    proposal.verified_on = verified_on or timezone.localdate()
    return audit.saved(proposal, actor=actor, before=before)
