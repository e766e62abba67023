"""The points ledger: every points movement is one PointsEntry row written here, never edited.

Order of a write (core.ledgers.pay_once does 2–5):
1. the caller locks the account row (and, for a redemption, the reward row first: lock order is
   reward → account, so two redemptions never wait on each other crosswise);
2. an idempotency key already used answers with its row (same account and points) or is refused;
3. the check runs under the lock: the source not used before, the rule's daily and monthly caps,
   and the balance (the sum of the rows) plus this movement never below zero;
4. the row is inserted in a savepoint; 5. audited.

A source (a claim, a proposal, a competition result) awards at most once: its key
"<app>.<model>:<pk>" is unique in the table, and the check refuses it before the insert.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.workforce.models import PointsAccount, PointsEntry, PointsRule
from gonghui.workforce.models.points import EntryKind


def source_key(source) -> str:
    if isinstance(source, str):
        key = source.strip()
    else:
        meta = source._meta
        key = f"{meta.app_label}.{meta.model_name}:{source.pk}"
    if not key or len(key) > 100:
        raise ValidationError({"source": _("积分来源无效")})
    return key


def account_for(member) -> PointsAccount:
    """The member's account, opened on first use (a twin opened at the same moment wins)."""
    found = PointsAccount.objects.filter(member=member).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            account = PointsAccount.objects.create(member=member, union=member.union)
    except IntegrityError:
        return PointsAccount.objects.get(member=member)
    audit.record(actor=None, action=AuditAction.CREATE, obj=account,
                 after=audit.snapshot(account))  # fmt: skip
    return account


def lock_account(account) -> PointsAccount:
    return PointsAccount.objects.select_for_update().select_related("union", "member").get(
        pk=account.pk
    )


def balance(account) -> int:
    return PointsEntry.objects.filter(account=account).aggregate(s=Sum("points"))["s"] or 0


def _capped(account, rule, points: int, on: datetime.date) -> dict:
    awards = PointsEntry.objects.filter(account=account, rule=rule, kind=EntryKind.AWARD)
    errors = {}
    if rule.daily_cap is not None:
        today = awards.filter(on=on).aggregate(s=Sum("points"))["s"] or 0
        if today + points > rule.daily_cap:
            errors["points"] = _("超过该规则每日上限 %(c)d 分（当日已得 %(n)d 分）") % {
                "c": rule.daily_cap, "n": today}  # fmt: skip
    if rule.monthly_cap is not None and not errors:
        month = awards.filter(on__year=on.year, on__month=on.month).aggregate(s=Sum("points"))
        got = month["s"] or 0
        if got + points > rule.monthly_cap:
            errors["points"] = _("超过该规则每月上限 %(c)d 分（当月已得 %(n)d 分）") % {
                "c": rule.monthly_cap, "n": got}  # fmt: skip
    return errors


def write(*, actor, account, kind, points: int, on=None, rule=None, source=None, offsets=None,
          note="", idempotency_key=None) -> PointsEntry:  # fmt: skip
    """One movement on a locked account (see the module's docstring). `points` is signed."""
    on = on or timezone.localdate()
    key = source_key(source) if source is not None else None

    def check():
        if key and PointsEntry.objects.filter(source_key=key).exists():
            raise ValidationError({"source": _("该来源已计过积分，不能重复")})
        if offsets is not None and PointsEntry.objects.filter(offsets=offsets).exists():
            raise ValidationError({"entry": _("该笔积分已冲正或过期")})
        if rule is not None and kind == EntryKind.AWARD:
            errors = _capped(account, rule, points, on)
            if errors:
                raise ValidationError(errors)
        current = balance(account)
        if current + points < 0:
            raise ValidationError({"points": _("积分余额不足：现有 %(b)d 分，需要 %(n)d 分") % {
                "b": current, "n": -points}})  # fmt: skip

    return pay_once(
        actor=actor, model=PointsEntry, parent=account, amount=points,
        key=clean_key(idempotency_key), conflict=_("该幂等键已用于另一笔积分"), check=check,
        build=lambda: PointsEntry(account=account, kind=kind, points=points, on=on, rule=rule,
                                  source_key=key, offsets=offsets, note=(note or "")[:200],
                                  created_by=actor),
    )  # fmt: skip


def _rule_for(rule_item, member) -> PointsRule:
    if isinstance(rule_item, PointsRule):
        return rule_item
    rule = (
        PointsRule.objects.filter(union=member.union, item=rule_item, is_active=True)
        .order_by("pk").first()
    )  # fmt: skip
    if rule is None:
        raise ValidationError({"rule_item": _("所在工会没有启用该项目的积分规则")})
    return rule


@transaction.atomic
def award_for_source(*, rule_item, member, source, actor, points=None, on=None, note="",
                     idempotency_key=None) -> PointsEntry:  # fmt: skip
    """Award a member the points of a rule (a PointsRule, or an item code looked up among the
    member's union's active rules) for `source` (a model instance or a key): at most once per
    source. Other features (a competition's result) call this."""
    rule = _rule_for(rule_item, member)
    if actor is not None and not may_edit_org(actor, member.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if not rule.is_active:
        raise ValidationError({"rule": _("该积分规则已停用")})
    if rule.union_id != member.union_id:
        raise ValidationError({"rule": _("积分规则须为会员所在工会的规则")})
    account = lock_account(account_for(member))
    return write(actor=actor, account=account, kind=EntryKind.AWARD,
                 points=rule.points if points is None else int(points), on=on, rule=rule,
                 source=source, note=note or rule.name,
                 idempotency_key=idempotency_key)  # fmt: skip


@transaction.atomic
def reverse_entry(*, actor, entry, reason) -> PointsEntry:
    """Take back an award made in error (冲正): one reversal per award, never below zero."""
    entry = PointsEntry.objects.select_related("account__union").get(pk=entry.pk)
    if actor is None or not may_edit_org(actor, entry.account.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if entry.kind != EntryKind.AWARD:
        raise ValidationError({"entry": _("只能冲正获得的积分")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写冲正原因")})
    account = lock_account(entry.account)
    return write(actor=actor, account=account, kind=EntryKind.REVERSAL, points=-entry.points,
                 offsets=entry, note=reason)  # fmt: skip


def _months_later(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def expire_due(*, actor=None, today=None) -> int:
    """Expire awards past their rule's validity (过期): each once, never more than the balance
    left. Run periodically; each account's write is its own transaction."""
    today = today or timezone.localdate()
    awards = PointsEntry.objects.filter(
        kind=EntryKind.AWARD, rule__valid_months__gt=0, offset_by__isnull=True
    ).select_related("rule")
    done = 0
    for award in awards.iterator():
        if _months_later(award.on, award.rule.valid_months) > today:
            continue
        with transaction.atomic():
            account = lock_account(award.account)
            if PointsEntry.objects.filter(offsets=award).exists():
                continue
            points = min(award.points, balance(account))
            if points <= 0:
                continue
            write(actor=actor, account=account, kind=EntryKind.EXPIRY, points=-points,
                  offsets=award, on=today, note=_("积分过期"))  # fmt: skip
            done += 1
    return done
