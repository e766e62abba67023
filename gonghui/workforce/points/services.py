"""Rules, claims, rewards and redemptions: the only code that writes them. Points themselves are
written by points.ledger.

- A rule belongs to an enterprise union (基层工会); whoever may edit the union sets it.
- A claim (积分申报): the worker on the phone (actor None) or a clerk for them, with the
  evidence the rule needs; a clerk of the union approves it (never the clerk who entered it),
  which awards the rule's points with the claim as the source, or refuses it with a reason.
- A redemption (兑换): the worker (or a clerk for them) takes one of a reward's stock for its
  points, under the reward's lock then the account's (points.ledger's lock order); the clerk
  hands it out and the worker signs; a redemption not yet handed out may be cancelled, which
  returns the stock and the points.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, OrgKind
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.core.uploads import check_upload, store_document
from gonghui.core.validators import is_date
from gonghui.registry.choices import MemberStatus
from gonghui.workforce.models import ClaimEvidence, PointsClaim, PointsRule, Redemption, Reward
from gonghui.workforce.models.points import (
    ClaimStatus,
    EntryKind,
    Evidence,
    PointsItem,
    RedemptionStatus,
)
from gonghui.workforce.points import ledger

RULE_FIELDS = ("item", "name", "points", "evidence", "daily_cap", "monthly_cap", "valid_months",
               "is_active")  # fmt: skip
REWARD_FIELDS = ("name", "points", "stock", "is_active", "note")
MEMBER_UNIONS = (OrgKind.GRASSROOTS, OrgKind.JOINT_UNION)


def _created(actor, obj):
    audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))
    return obj


def _count(value, field, errors, *, optional=False, positive=False):
    if value in (None, "") and optional:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[field] = _("请填写整数")
        return None
    if number < (1 if positive else 0) or number > 1_000_000:
        errors[field] = _("应为 %(lo)d—1000000 之间的整数") % {"lo": 1 if positive else 0}
        return None
    return number


def _clean_rule(union, values: dict, *, rule=None) -> dict:
    errors: dict = {}
    out = dict(values)
    if out.get("item") not in PointsItem.values:
        errors["item"] = _("请选择积分项目")
    name = (out.get("name") or "").strip()
    if not name or len(name) > 100:
        errors["name"] = _("请填写规则名称（不超过100个字）")
    out["name"] = name
    out["points"] = _count(out.get("points"), "points", errors, positive=True)
    if out.get("evidence", Evidence.NONE) not in Evidence.values:
        errors["evidence"] = _("请选择所需材料")
    out.setdefault("evidence", Evidence.NONE)
    out["daily_cap"] = _count(out.get("daily_cap"), "daily_cap", errors, optional=True)
    out["monthly_cap"] = _count(out.get("monthly_cap"), "monthly_cap", errors, optional=True)
    out["valid_months"] = _count(out.get("valid_months") or 0, "valid_months", errors)
    out["is_active"] = bool(out.get("is_active", True))
    caps = out["daily_cap"], out["monthly_cap"]
    if caps[0] is not None and caps[1] is not None and caps[0] > caps[1]:
        errors["daily_cap"] = _("每日上限不能大于每月上限")
    twins = PointsRule.objects.filter(union=union, name=name).exclude(pk=getattr(rule, "pk", None))
    if name and twins.exists():
        errors["name"] = _("本工会已有同名规则")
    if errors:
        raise ValidationError(errors)
    return {k: out[k] for k in RULE_FIELDS}


def _enterprise_union(actor, union, field="union"):
    if union is None or union.kind not in MEMBER_UNIONS:
        raise ValidationError({field: _("请选择基层工会（企业工会）")})
    if not may_edit_org(actor, union):
        raise ValidationError({field: OUT_OF_SCOPE})


@transaction.atomic
def create_rule(*, actor, union, **values) -> PointsRule:
    _enterprise_union(actor, union)
    return _created(actor, PointsRule.objects.create(union=union, **_clean_rule(union, values)))


@transaction.atomic
def update_rule(*, actor, pointsrule, **values) -> PointsRule:
    rule = lock_for_edit(pointsrule, actor=actor, org_field="union")
    values.pop("union", None)
    current = {f: getattr(rule, f) for f in RULE_FIELDS}
    cleaned = _clean_rule(rule.union, {**current, **values}, rule=rule)
    before = audit.snapshot(rule)
    for field, value in cleaned.items():
        setattr(rule, field, value)
    return audit.saved(rule, actor=actor, before=before)


def _clean_reward(values: dict) -> dict:
    errors: dict = {}
    out = dict(values)
    name = (out.get("name") or "").strip()
    if not name or len(name) > 100:
        errors["name"] = _("请填写奖品名称（不超过100个字）")
    out["name"] = name
    out["points"] = _count(out.get("points"), "points", errors, positive=True)
    out["stock"] = _count(out.get("stock"), "stock", errors)
    out["is_active"] = bool(out.get("is_active", True))
    out["note"] = (out.get("note") or "").strip()[:200]
    if errors:
        raise ValidationError(errors)
    return {k: out[k] for k in REWARD_FIELDS}


@transaction.atomic
def create_reward(*, actor, union, **values) -> Reward:
    _enterprise_union(actor, union)
    cleaned = _clean_reward(values)
    if Reward.objects.filter(union=union, name=cleaned["name"]).exists():
        raise ValidationError({"name": _("本工会已有同名奖品")})
    return _created(actor, Reward.objects.create(union=union, **cleaned))


@transaction.atomic
def update_reward(*, actor, reward, **values) -> Reward:
    reward = lock_for_edit(reward, actor=actor, org_field="union")
    values.pop("union", None)
    cleaned = _clean_reward({**{f: getattr(reward, f) for f in REWARD_FIELDS}, **values})
    twins = Reward.objects.filter(union=reward.union, name=cleaned["name"]).exclude(pk=reward.pk)
    if twins.exists():
        raise ValidationError({"name": _("本工会已有同名奖品")})
    before = audit.snapshot(reward)
    for field, value in cleaned.items():
        setattr(reward, field, value)
    return audit.saved(reward, actor=actor, before=before)


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


def _attach(actor, claim, upload, rule) -> ClaimEvidence:
    checked = check_upload(upload)
    if rule.evidence == Evidence.PHOTO and not checked.content_type.startswith("image/"):
        raise ValidationError({"upload": _("该项目需要上传照片（JPG 或 PNG）")})
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = ClaimEvidence(
        claim=claim, kind=rule.get_evidence_display()[:50], original_name=name,
        content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
        uploaded_by=actor,
    )  # fmt: skip
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


@transaction.atomic
def submit_claim(*, actor=None, member, rule, description, occurred_on, uploads=()):
    """The worker's claim (actor None: the portal found the member by the worker's phone), or a
    clerk's for them."""
    errors: dict = {}
    if actor is not None and not may_edit_org(actor, member.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = _("只有在会会员可以申报积分")
    if rule is None or not rule.is_active or rule.union_id != member.union_id:
        errors["rule"] = _("请选择所在工会启用的积分规则")
    description = (description or "").strip()
    if not description or len(description) > 500:
        errors["description"] = _("请填写情况说明（不超过500个字）")
    if not is_date(occurred_on):
        errors["occurred_on"] = _("请填写发生日期")
    elif occurred_on > timezone.localdate():
        errors["occurred_on"] = _("发生日期不能晚于今天")
    uploads = [u for u in uploads if u]
    if rule is not None and rule.evidence != Evidence.NONE and not uploads:
        errors["upload"] = _("该项目需要上传%(kind)s") % {"kind": rule.get_evidence_display()}
    if errors:
        raise ValidationError(errors)
    account = ledger.account_for(member)
    claim = _created(actor, PointsClaim.objects.create(
        account=account, union=account.union, rule=rule, description=description,
        occurred_on=occurred_on, entered_by=actor,
    ))  # fmt: skip
    for upload in uploads:
        _attach(actor, claim, upload, rule)
    return claim


def _lock_claim(actor, claim) -> PointsClaim:
    claim = lock_for_edit(claim, actor=actor, org_field="union")
    if claim.status != ClaimStatus.PENDING:
        raise ValidationError(_("该申报已审核"))
    return claim


@transaction.atomic
def approve_claim(*, actor, claim) -> PointsClaim:
    claim = _lock_claim(actor, claim)
    if actor is not None and claim.entered_by_id == actor.pk:
        raise PermissionDenied(_("录入申报的人不能审核自己录入的申报"))
    entry = ledger.award_for_source(
        rule_item=claim.rule, member=claim.account.member, source=claim, actor=actor,
        on=claim.occurred_on, note=claim.rule.name,
    )  # fmt: skip
    before = audit.snapshot(claim)
    claim.status, claim.entry = ClaimStatus.APPROVED, entry
    claim.decided_by, claim.decided_at = actor, timezone.now()
    return audit.saved(claim, actor=actor, before=before)


@transaction.atomic
def refuse_claim(*, actor, claim, reason) -> PointsClaim:
    claim = _lock_claim(actor, claim)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写未通过原因")})
    before = audit.snapshot(claim)
    claim.status, claim.refusal_reason = ClaimStatus.REFUSED, reason[:200]
    claim.decided_by, claim.decided_at = actor, timezone.now()
    return audit.saved(claim, actor=actor, before=before)


# ---------------------------------------------------------------------------------------------
# Redemptions
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def redeem(*, actor=None, member, reward, idempotency_key=None) -> Redemption:
    """Take one of the reward's stock for its points. Lock order: reward, then account."""
    reward = Reward.objects.select_for_update().get(pk=reward.pk)
    if actor is not None and not may_edit_org(actor, member.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if reward.union_id != member.union_id:
        raise ValidationError({"reward": _("只能兑换所在工会的奖品")})
    if not reward.is_active:
        raise ValidationError({"reward": _("该奖品已停止兑换")})
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError({"member": _("只有在会会员可以兑换")})
    if reward.stock < 1:
        raise ValidationError({"reward": _("该奖品已兑完")})
    account = ledger.lock_account(ledger.account_for(member))
    redemption = Redemption.objects.create(
        reward=reward, account=account, union=account.union, points=reward.points
    )
    entry = ledger.write(actor=actor, account=account, kind=EntryKind.REDEEM, points=-reward.points,
                         source=redemption, note=reward.name,
                         idempotency_key=idempotency_key)  # fmt: skip
    redemption.entry = entry
    redemption.save(update_fields=["entry"])
    reward.stock -= 1
    reward.save(update_fields=["stock"])
    return _created(actor, redemption)


def _lock_redemption(actor, redemption) -> Redemption:
    redemption = lock_for_edit(redemption, actor=actor, org_field="union")
    if redemption.status != RedemptionStatus.PENDING:
        raise ValidationError(_("该兑换已处理"))
    return redemption


@transaction.atomic
def hand_out(*, actor, redemption, signed_by) -> Redemption:
    """The clerk hands the reward over; the worker signs (their name as written)."""
    redemption = _lock_redemption(actor, redemption)
    signed_by = (signed_by or "").strip()
    if not signed_by or len(signed_by) > 50:
        raise ValidationError({"signed_by": _("请填写领取人签名（不超过50个字）")})
    before = audit.snapshot(redemption)
    redemption.status, redemption.signed_by = RedemptionStatus.HANDED_OUT, signed_by
    redemption.handed_by, redemption.handed_at = actor, timezone.now()
    return audit.saved(redemption, actor=actor, before=before)


@transaction.atomic
def cancel_redemption(*, actor, redemption, reason) -> Redemption:
    reward = Reward.objects.select_for_update().get(pk=redemption.reward_id)
    redemption = _lock_redemption(actor, redemption)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写取消原因")})
    account = ledger.lock_account(redemption.account)
    ledger.write(actor=actor, account=account, kind=EntryKind.REFUND, points=redemption.points,
                 offsets=redemption.entry, note=reason)  # fmt: skip
    reward.stock += 1
    reward.save(update_fields=["stock"])
    before = audit.snapshot(redemption)
    redemption.status, redemption.cancel_reason = RedemptionStatus.CANCELLED, reason[:200]
    return audit.saved(redemption, actor=actor, before=before)
