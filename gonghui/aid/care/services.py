"""Seasonal care campaigns (四送): the only code that writes campaigns and their visit lists.

A campaign belongs to the organisation that runs it and lists recipients of the unions below it.
A recipient row is a visit waiting to happen until `record_visit` fills in when, by whom, and the
cash and goods (valued) given; only then does it count in the figures. Every change is audited.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import CareSeason
from gonghui.aid.models import CareCampaign, CareVisit, HardshipFile
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.money import collect_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.registry.choices import MemberStatus

# Member columns never needed here: the ciphertext stays in the database.
CIPHERTEXT = ("member__id_number", "member__phone")


def money(value, field: str, label: str, errors: dict) -> Decimal | None:
    """Yuan, not negative, blank meaning none given (core.money's one parser)."""
    return collect_yuan(value, field=field, errors=errors, label=label, required=False)


# ---------------------------------------------------------------------------------------------
# Campaigns
# ---------------------------------------------------------------------------------------------

CAMPAIGN_FIELDS = ("organisation", "season", "name", "year", "starts_on", "ends_on", "budget")


def _check_campaign(actor, fields: dict) -> dict:
    errors: dict = {}
    organisation = fields.get("organisation")
    if organisation is None:
        errors["organisation"] = _("请选择主办工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    if fields.get("season") not in CareSeason.values:
        errors["season"] = _("请选择活动类别")
    if not (fields.get("name") or "").strip():
        errors["name"] = _("请填写活动名称")
    if not fields.get("year"):
        errors["year"] = _("请填写年度")
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts is None:
        errors["starts_on"] = _("请填写开始日期")
    if ends is None:
        errors["ends_on"] = _("请填写结束日期")
    elif starts is not None and ends < starts:
        errors["ends_on"] = _("结束日期（%(end)s）不能早于开始日期（%(start)s）") % {
            "end": ends,
            "start": starts,
        }
    fields["budget"] = money(fields.get("budget"), "budget", _("筹集资金"), errors)
    return errors


@transaction.atomic
def create_campaign(*, actor, **fields) -> CareCampaign:
    fields = {k: fields.get(k) for k in CAMPAIGN_FIELDS}
    errors = _check_campaign(actor, fields)
    if errors:
        raise ValidationError(errors)
    fields["name"] = fields["name"].strip()
    campaign = CareCampaign.objects.create(**fields)
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=campaign, after=audit.snapshot(campaign)
    )
    return campaign


@transaction.atomic
def update_campaign(*, actor, campaign: CareCampaign, **fields) -> CareCampaign:
    campaign = lock_for_edit(campaign, actor=actor)
    merged = {k: fields.get(k, getattr(campaign, k)) for k in CAMPAIGN_FIELDS}
    errors = _check_campaign(actor, merged)
    _check_visits_inside(campaign, merged, errors)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(campaign)
    merged["name"] = merged["name"].strip()
    for key, value in merged.items():
        setattr(campaign, key, value)
    audit.saved(campaign, actor=actor, before=before)
    return campaign


def _check_visits_inside(campaign: CareCampaign, fields: dict, errors: dict) -> None:
    """New dates must still hold every visit already recorded."""
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if errors.get("starts_on") or errors.get("ends_on") or starts is None or ends is None:
        return
    visited = campaign.visits.visited()
    outside = visited.exclude(visited_on__gte=starts, visited_on__lte=ends).count()
    if outside:
        errors["starts_on"] = _("已有 %(n)d 条走访记录的日期不在新的活动日期内") % {"n": outside}


# ---------------------------------------------------------------------------------------------
# The visit list
# ---------------------------------------------------------------------------------------------


def _check_union(actor, campaign: CareCampaign, union, errors: dict) -> None:
    if union is None:
        errors["union"] = _("请选择慰问对象所在工会")
    elif not may_edit_org(actor, union):
        errors["union"] = OUT_OF_SCOPE
    elif not union.path.startswith(campaign.organisation.path):
        errors["union"] = _("%(union)s不在本活动主办单位%(org)s的范围内") % {
            "union": union.name,
            "org": campaign.organisation.name,
        }


def _check_member(campaign, union, member, hardship_file, errors: dict) -> None:
    if member is not None and union is not None and "union" not in errors:
        if not member.union.path.startswith(union.path):
            errors["member"] = _("%(name)s不是%(union)s或其下级工会的会员") % {
                "name": member.name,
                "union": union.name,
            }
        elif member.status != MemberStatus.ACTIVE:
            errors["member"] = _("%(name)s的会籍状态为“%(status)s”，不能列入慰问名单") % {
                "name": member.name,
                "status": member.get_status_display(),
            }
        elif campaign.visits.filter(member=member).exists():
            errors["member"] = _("%(name)s已在本活动的慰问名单中") % {"name": member.name}
    if hardship_file is not None and member is not None and hardship_file.member_id != member.pk:
        errors["hardship_file"] = _("该困难职工档案不属于%(name)s") % {"name": member.name}


@transaction.atomic
def add_recipient(
    *,
    actor,
    campaign: CareCampaign,
    union,
    member=None,
    hardship_file: HardshipFile | None = None,
    recipient_name: str = "",
    recipient_note: str = "",
) -> CareVisit:
    """One recipient on the list. The member's own name is used when a member is given; a
    household on file brings its member with it, and a member on file brings their file (so the
    household is counted)."""
    if member is None and hardship_file is not None:
        member = hardship_file.member
    elif member is not None and hardship_file is None:
        hardship_file = HardshipFile.objects.on_file().filter(member=member).first()
    errors: dict = {}
    _check_union(actor, campaign, union, errors)
    _check_member(campaign, union, member, hardship_file, errors)
    name = member.name if member is not None else (recipient_name or "").strip()
    if not name:
        errors["recipient_name"] = _("请填写慰问对象姓名，或选择会员")
    if errors:
        raise ValidationError(errors)
    visit = CareVisit(
        campaign=campaign,
        union=union,
        member=member,
        hardship_file=hardship_file,
        recipient_name=name[:50],
        recipient_note=(recipient_note or "").strip()[:100],
    )
    try:
        with transaction.atomic():
            visit.save()
    except IntegrityError:  # the same member added at the same moment by someone else
        raise ValidationError(
            {"member": _("%(name)s已在本活动的慰问名单中") % {"name": name}}
        ) from None
    audit.record(actor=actor, action=AuditAction.CREATE, obj=visit, after=audit.snapshot(visit))
    return visit


@transaction.atomic
def add_filed_households(*, actor, campaign: CareCampaign, union) -> list[CareVisit]:
    """Every household on file in the union's subtree not yet on the list, in one insert."""
    errors: dict = {}
    _check_union(actor, campaign, union, errors)
    if errors:
        raise ValidationError(errors)
    listed = CareVisit.objects.filter(campaign=campaign, member__isnull=False).values("member_id")
    files = (
        HardshipFile.objects.on_file()
        .filter(union__path__startswith=union.path)
        .exclude(member_id__in=listed)
        .exclude(member__status__in=[MemberStatus.TRANSFERRED_OUT, MemberStatus.LEFT])
        .select_related("member", "union")
        .defer(*CIPHERTEXT)
        .order_by("union__path", "pk")
    )
    visits = [
        CareVisit(
            campaign=campaign,
            union=file.union,
            member=file.member,
            hardship_file=file,
            recipient_name=file.member.name[:50],
            recipient_note=_("建档困难职工（%(level)s）") % {"level": file.get_level_display()},
        )
        for file in files
    ]
    if not visits:
        return []
    try:
        with transaction.atomic():
            created = CareVisit.objects.bulk_create(visits, batch_size=1000)
    except IntegrityError:  # someone added one of them at the same moment
        raise ValidationError({"union": _("名单刚被他人修改，请刷新后重试")}) from None
    audit.record_bulk_create(actor=actor, objs=created)
    return created


def _editable_visit(actor, visit: CareVisit) -> CareVisit:
    """The visit locked, with the campaign; refuses someone without an editing role at its
    union."""
    visit = (
        CareVisit.objects.select_for_update(of=("self",))
        .select_related("campaign", "union")
        .get(pk=visit.pk)
    )
    if not may_edit_org(actor, visit.union):
        raise ValidationError({"union": OUT_OF_SCOPE})
    return visit


def _check_visit_date(visit: CareVisit, visited_on, errors: dict) -> None:
    campaign = visit.campaign
    if visited_on is None:
        errors["visited_on"] = _("请填写走访日期")
    elif visited_on > timezone.localdate():
        errors["visited_on"] = _("走访日期（%(day)s）不能晚于今天") % {"day": visited_on}
    elif not campaign.starts_on <= visited_on <= campaign.ends_on:
        errors["visited_on"] = _("走访日期（%(day)s）应在活动日期 %(start)s 至 %(end)s 之内") % {
            "day": visited_on,
            "start": campaign.starts_on,
            "end": campaign.ends_on,
        }


@transaction.atomic
def record_visit(
    *,
    actor,
    visit: CareVisit,
    visited_on: datetime.date | None,
    visitors: str,
    cash,
    goods: str = "",
    goods_value,
) -> CareVisit:
    """Record (or correct) what was given, when and by whom."""
    visit = _editable_visit(actor, visit)
    errors: dict = {}
    _check_visit_date(visit, visited_on, errors)
    visitors = (visitors or "").strip()
    goods = (goods or "").strip()
    if not visitors:
        errors["visitors"] = _("请填写走访人")
    elif len(visitors) > 100:
        errors["visitors"] = _("走访人不能超过100个字")
    if len(goods) > 200:
        errors["goods"] = _("慰问物资不能超过200个字")
    cash = money(cash, "cash", _("慰问金"), errors)
    goods_value = money(goods_value, "goods_value", _("物资折价"), errors)
    if goods_value and not goods and "goods_value" not in errors:
        errors["goods"] = _("填写了物资折价，请注明慰问物资")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(visit)
    visit.visited_on = visited_on
    visit.visitors = visitors
    visit.cash = cash
    visit.goods = goods
    visit.goods_value = goods_value
    visit.recorded_by = actor if getattr(actor, "pk", None) else None
    audit.saved(visit, actor=actor, before=before)
    return visit


@transaction.atomic
def remove_recipient(*, actor, visit: CareVisit) -> None:
    """Take someone off the list; a recorded visit stays (it has been given)."""
    visit = _editable_visit(actor, visit)
    if visit.visited_on is not None:
        raise ValidationError(
            {"visited_on": _("%(name)s已于 %(day)s 走访，不能移出名单") % {
                "name": visit.recipient_name, "day": visit.visited_on}}
        )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.DELETE, obj=visit, before=audit.snapshot(visit))
    visit.delete()
