"""Member-day benefits (会员日): the only code that writes merchants, their offers and
redemptions. Keyword-only, atomic, audited.

A merchant belongs to the organisation that signed it up and serves the members of the unions
below it. Its counter staff (operators, users without any role) redeem its offers by scanning the
member card's QR code; the discount given is a ledger row, once per idempotency key.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.models import BenefitOffer, Merchant, Redemption
from gonghui.aid.models.common import CENT
from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction, User
from gonghui.core.money import collect_yuan, parse_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.portal import cards

MERCHANT_FIELDS = ("organisation", "name", "address", "contact", "is_active")
OFFER_FIELDS = tuple(name for name in BenefitOffer.audit_fields if name != "merchant")
OPERATORS = "收银员账号"  # the audit's label for the operators relation


# ---------------------------------------------------------------------------------------------
# Merchants
# ---------------------------------------------------------------------------------------------


def _apply(obj, fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _clean_merchant(merchant: Merchant, *, actor, before_org_id) -> None:
    errors = {}
    if not merchant.name:
        errors["name"] = _("请填写商户名称")
    if merchant.organisation_id is None:
        errors["organisation"] = _("请选择主办工会")
    elif merchant.organisation_id != before_org_id and not may_edit_org(
        actor, merchant.organisation
    ):
        errors["organisation"] = OUT_OF_SCOPE
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_merchant(*, actor, **fields) -> Merchant:
    merchant = Merchant(is_active=True)
    _apply(merchant, fields, MERCHANT_FIELDS)
    _clean_merchant(merchant, actor=actor, before_org_id=None)
    merchant.save()
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=merchant, after=audit.snapshot(merchant)
    )
    return merchant


def _locked_merchant(actor, merchant: Merchant) -> Merchant:
    return lock_for_edit(merchant, actor=actor)


@transaction.atomic
def update_merchant(*, actor, merchant: Merchant, **fields) -> Merchant:
    merchant = _locked_merchant(actor, merchant)
    before, before_org_id = audit.snapshot(merchant), merchant.organisation_id
    _apply(merchant, fields, MERCHANT_FIELDS)
    _clean_merchant(merchant, actor=actor, before_org_id=before_org_id)
    audit.saved(merchant, actor=actor, before=before)
    return merchant


def _names(users) -> str:
    return "、".join(sorted(u.username for u in users)) or None


@transaction.atomic
def set_operators(*, actor, merchant: Merchant, users) -> Merchant:
    """The merchant's counter accounts become exactly `users`: active accounts holding no role."""
    merchant = _locked_merchant(actor, merchant)
    users = list(dict.fromkeys(users))
    inactive = [u.username for u in users if not u.is_active]
    if inactive:
        raise ValidationError(
            {"operators": _("账号已停用：%(names)s") % {"names": "、".join(inactive)}}
        )
    # Counter accounts are the merchant's own staff: a union account given a merchant's counter
    # would also see that merchant's ledger beyond its own scope.
    staff = sorted(
        User.objects.filter(pk__in=[u.pk for u in users], role_assignments__isnull=False)
        .values_list("username", flat=True)
        .distinct()
    )
    if staff:
        raise ValidationError(
            {
                "operators": _("工会工作人员账号不能设为收银员：%(names)s")
                % {"names": "、".join(staff)}
            }
        )
    before = _names(merchant.operators.all())
    merchant.operators.set(users)
    after = _names(users)
    if before != after:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=merchant,
            changes={OPERATORS: [before, after]},
        )
    return merchant


def users_by_username(text: str) -> list[User]:
    """Usernames separated by commas, spaces or new lines → users; unknown names are an error
    naming each of them (nothing a clerk typed is silently dropped)."""
    names = [n for n in text.replace("，", ",").replace("、", ",").replace("\n", ",").split(",")]
    names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    missing = [n for n in names if n not in found]
    if missing:
        raise ValidationError(
            {"operators": _("没有这些账号：%(names)s") % {"names": "、".join(missing)}}
        )
    return [found[n] for n in names]


# ---------------------------------------------------------------------------------------------
# Offers
# ---------------------------------------------------------------------------------------------


def _clean_window(offer: BenefitOffer, errors: dict) -> None:
    if offer.day_of_month is not None and not 1 <= offer.day_of_month <= 28:
        errors["day_of_month"] = _("会员日须为每月 1 至 28 日之间（或留空表示每天）")
    if not offer.valid_from:
        errors["valid_from"] = _("请填写开始日期")
    if not offer.valid_to:
        errors["valid_to"] = _("请填写结束日期")
    elif offer.valid_from and offer.valid_to < offer.valid_from:
        errors["valid_to"] = _("结束日期不能早于开始日期")
    if not offer.uses_per_member or offer.uses_per_member < 1:
        errors["uses_per_member"] = _("每人每个会员日限用次数至少为 1")


def _rate(value) -> Decimal | None:
    """A discount rate such as 0.80 (八折): a number with at most two places, else None."""
    try:
        rate = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return rate if rate.is_finite() and rate == rate.quantize(Decimal("0.01")) else None


def _clean_discount(offer: BenefitOffer, errors: dict) -> None:
    rate, cap = offer.discount_rate, offer.max_discount
    if rate in ("", None) and cap in ("", None):
        errors["discount_rate"] = _("请填写折扣率或每次优惠上限（至少一项）")
        return
    if rate not in ("", None):
        rate = _rate(rate)
        if rate is None or not Decimal("0") < rate < Decimal("1"):
            errors["discount_rate"] = _("折扣率须大于 0 且小于 1（如 0.80 表示八折）")
        offer.discount_rate = rate
    else:
        offer.discount_rate = None
    if cap not in ("", None):
        offer.max_discount = collect_yuan(
            cap, field="max_discount", errors=errors, label=_("每次优惠上限"), positive=True
        )
    else:
        offer.max_discount = None


def _save_offer(offer: BenefitOffer) -> None:
    offer.title = (offer.title or "").strip()
    errors: dict = {}
    if not offer.title:
        errors["title"] = _("请填写优惠内容")
    _clean_window(offer, errors)
    _clean_discount(offer, errors)
    if errors:
        raise ValidationError(errors)
    offer.save()


@transaction.atomic
def create_offer(*, actor, merchant: Merchant, **fields) -> BenefitOffer:
    if not may_edit_org(actor, merchant.organisation):
        raise PermissionDenied(_("您无权为该商户设置优惠"))
    offer = BenefitOffer(merchant=merchant)
    _apply(offer, fields, OFFER_FIELDS)
    _save_offer(offer)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=offer, after=audit.snapshot(offer))
    return offer


@transaction.atomic
def update_offer(*, actor, offer: BenefitOffer, **fields) -> BenefitOffer:
    offer = (
        BenefitOffer.objects.select_for_update()
        .select_related("merchant__organisation")
        .get(pk=offer.pk)
    )
    if not may_edit_org(actor, offer.merchant.organisation):
        raise PermissionDenied(_("您无权修改该优惠"))
    before = audit.snapshot(offer)
    _apply(offer, fields, OFFER_FIELDS)
    _save_offer(offer)
    audit.updated(offer, actor=actor, before=before)
    return offer


# ---------------------------------------------------------------------------------------------
# Redemption
# ---------------------------------------------------------------------------------------------


def token_from_scan(text: str) -> str:
    """What a scanner typed: the card's verification URL (…/m/verify/?t=TOKEN) or the bare
    token. Anything else is passed on as a token and refused by the card check."""
    text = (text or "").strip()
    if "?" in text or text.startswith(("http://", "https://", "/")):
        values = parse_qs(urlsplit(text).query).get("t")
        return values[0].strip() if values else ""
    return text


def discount_for(offer: BenefitOffer, amount_spent: Decimal) -> Decimal:
    """amount × (1 − rate), capped at max_discount; or max_discount alone; never more than was
    spent. Rounded half up to the fen."""
    if offer.discount_rate is not None:
        discount = amount_spent * (Decimal("1") - offer.discount_rate)
        if offer.max_discount is not None:
            discount = min(discount, offer.max_discount)
    else:
        discount = offer.max_discount or Decimal("0")
    return min(discount, amount_spent).quantize(CENT, rounding=ROUND_HALF_UP)


def operable_merchants(user):
    """The merchants whose counter `user` may work: theirs as an operator, or any of an
    organisation where they hold an editing role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Merchant.objects.none()
    return Merchant.objects.filter(
        Q(operators=user) | Q(pk__in=Merchant.objects.editable_by(user).values("pk"))
    ).distinct()


def may_operate(user, merchant: Merchant) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return merchant.operators.filter(pk=user.pk).exists() or may_edit_org(
        user, merchant.organisation
    )


def _card_member(card_token: str, merchant: Merchant):
    check = cards.check_card(token_from_scan(card_token))
    if not check.valid:
        raise ValidationError({"card_token": check.message})
    member = check.member
    if not member.union.path.startswith(merchant.organisation.path):
        raise ValidationError(
            {"card_token": _("该会员不在%(org)s的服务范围内") % {"org": merchant.organisation.name}}
        )
    return member


def _check_offer_today(offer: BenefitOffer, today) -> None:
    if not offer.merchant.is_active:
        raise ValidationError({"offer": _("该商户已停止合作")})
    if not offer.applies_on(today):
        raise ValidationError({"offer": _("该优惠今天不可用")})


def _check_uses(offer: BenefitOffer, member, today) -> None:
    used = Redemption.objects.filter(offer=offer, member=member, redeemed_on=today).count()
    if used >= offer.uses_per_member:
        raise ValidationError(
            {
                "card_token": _("该会员今天已使用本优惠 %(used)d 次，每人限用 %(limit)d 次")
                % {"used": used, "limit": offer.uses_per_member}
            }
        )


def _spent(amount_spent) -> Decimal:
    return parse_yuan(amount_spent, field="amount_spent", label=_("消费金额"), positive=True)


@transaction.atomic
def redeem(
    *, actor, offer: BenefitOffer, card_token: str, amount_spent, idempotency_key=None
) -> Redemption:
    key = clean_key(idempotency_key)
    # Uses of one offer queue on its row, so the count of today's uses is exact when two
    # counters scan the same card at once.
    offer = (
        BenefitOffer.objects.select_for_update()
        .select_related("merchant__organisation")
        .get(pk=offer.pk)
    )
    if not may_operate(actor, offer.merchant):
        raise PermissionDenied(_("您不是该商户的收银员"))
    amount = _spent(amount_spent)
    today = timezone.localdate()
    use: dict = {}

    def check() -> None:  # after the replay: a retried scan is not a second use
        _check_offer_today(offer, today)
        use["member"] = member = _card_member(card_token, offer.merchant)
        _check_uses(offer, member, today)
        use["discount"] = discount_for(offer, amount)
        if use["discount"] <= 0:
            raise ValidationError({"amount_spent": _("消费金额太小，优惠金额不足 0.01 元")})

    return pay_once(
        actor=actor, model=Redemption, parent=offer, amount=amount, key=key,
        conflict=_("该幂等键已用于另一项优惠（优惠或金额不同），请使用新的幂等键"), check=check,
        build=lambda: Redemption(
            offer=offer, member=use["member"], union=use["member"].union, redeemed_on=today,
            amount_spent=amount, discount=use["discount"], recorded_by=actor,
        ),
    )  # fmt: skip
