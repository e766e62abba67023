"""Hardship files (困难职工建档立卡): the only code that writes them.

The grassroots union (an editing role at the member's union or above) enters a file; it waits
(pending) for the level above: a reviewer, clerk or administrator at the union's parent or higher,
never whoever entered it, files it or returns it with a reason. A returned file is corrected and
waits again. A file on record is reviewed every year: kept (possibly with new figures), lifted
out of hardship (解困脱困) or removed with a reason. One open file per member.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import HardshipCause, HardshipLevel, HardshipStatus
from gonghui.aid.models import HardshipFile, HouseholdMember
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.money import collect_yuan
from gonghui.core.scoping import holds_role_at, lock_for_edit, may_edit_org
from gonghui.core.validators import name_error
from gonghui.registry.choices import MemberStatus
from gonghui.registry.membership_queries import REVIEW_ROLES

OPEN = (HardshipStatus.PENDING, HardshipStatus.FILED, HardshipStatus.RETURNED)
EDITABLE = (HardshipStatus.PENDING, HardshipStatus.RETURNED)
OUTCOMES = ("keep", "lift", "remove")
HOUSEHOLD_FIELDS = ("name", "relation", "birth_year", "occupation", "health", "monthly_income")


def one_open_message() -> str:
    return _("该职工已有在档或待审核的困难职工档案，不能重复建档")


# ---------------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------------


def money(value, field: str, errors: dict, label: str) -> Decimal | None:
    """Yuan, not negative (core.money's one parser), or a message on `field`."""
    return collect_yuan(value, field=field, errors=errors, label=label)


def clean_causes(causes, errors: dict) -> str:
    valid = set(HardshipCause.values)
    causes = [c for c in (causes or []) if c]
    bad = [c for c in causes if c not in valid]
    if bad:
        errors["causes"] = _("致困原因“%(c)s”无效") % {"c": "、".join(bad)}
    elif not causes:
        errors["causes"] = _("请至少选择一项致困原因")
    # Keep the choices' order, once each.
    return ",".join(c for c in HardshipCause.values if c in causes)


def clean_household(rows, errors: dict) -> list[dict]:
    cleaned, messages = [], []
    for index, row in enumerate(rows or [], start=1):
        row_errors: dict = {}
        name = (row.get("name") or "").strip()
        relation = (row.get("relation") or "").strip()
        if not name:
            row_errors["name"] = _("姓名必填")
        elif error := name_error(name, _("姓名")):
            row_errors["name"] = error
        if not relation:
            row_errors["relation"] = _("与职工关系必填")
        birth_year = row.get("birth_year") or None
        if birth_year is not None:
            try:
                birth_year = int(birth_year)
            except (TypeError, ValueError):
                birth_year = -1
            if not 1900 <= birth_year <= timezone.localdate().year:
                row_errors["birth_year"] = _("出生年份无效")
        income = money(row.get("monthly_income") or "0", "monthly_income", row_errors, _("月收入"))
        if row_errors:
            messages.append(
                _("家庭成员第%(n)d行：%(e)s") % {"n": index, "e": "；".join(row_errors.values())}
            )
            continue
        cleaned.append(
            {
                "name": name[:50],
                "relation": relation[:20],
                "birth_year": birth_year,
                "occupation": (row.get("occupation") or "").strip()[:50],
                "health": (row.get("health") or "").strip()[:50],
                "monthly_income": income,
            }
        )
    if messages:
        errors["household"] = messages
    return cleaned


def clean_size(size, household_count: int, errors: dict) -> int | None:
    try:
        size = int(size)
    except (TypeError, ValueError):
        errors["household_size"] = _("请填写家庭人口（整数）")
        return None
    if size < 1:
        errors["household_size"] = _("家庭人口至少为1人")
    elif size < household_count + 1:
        errors["household_size"] = _("家庭人口（%(n)d）少于登记的家庭成员加职工本人（%(m)d）") % {
            "n": size,
            "m": household_count + 1,
        }
    return size


def check_member(actor, member, errors: dict) -> None:
    if member is None:
        errors["member"] = _("请选择建档职工")
        return
    # Scope first: someone outside learns nothing about the member.
    if not may_edit_org(actor, member.union):
        raise PermissionDenied(_("该职工不在您的管理范围内"))
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = _("该职工不是在会会员，不能建档")
    elif HardshipFile.objects.filter(member=member, status__in=OPEN).exists():
        errors["member"] = one_open_message()


def clean_fields(fields: dict, errors: dict) -> dict:
    """The file's own fields (not member, status); household rows included."""
    household = clean_household(fields.get("household"), errors)
    out = {
        "level": fields.get("level") or HardshipLevel.COUNTY,
        "causes": clean_causes(fields.get("causes"), errors),
        "cause_note": (fields.get("cause_note") or "").strip(),
        "file_number": (fields.get("file_number") or "").strip(),
        "household_size": clean_size(fields.get("household_size"), len(household), errors),
        "monthly_income": money(
            fields.get("monthly_income"), "monthly_income", errors, _("家庭月收入")
        ),
        "local_line": money(fields.get("local_line"), "local_line", errors, _("当地认定标准")),
        "household": household,
    }
    if out["level"] not in HardshipLevel.values:
        errors["level"] = _("建档级别无效")
    if len(out["cause_note"]) > 500:
        errors["cause_note"] = _("困难情况说明不能超过500字")
    if len(out["file_number"]) > 30:
        errors["file_number"] = _("档案编号不能超过30个字符")
    return out


# ---------------------------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------------------------


def _save(file: HardshipFile) -> None:
    """Save; a concurrent file for the same member (the partial unique index) is a message."""
    try:
        with transaction.atomic():
            file.save()
    except IntegrityError as exc:
        raise ValidationError({"member": one_open_message()}) from exc


def _household_snapshot(file: HardshipFile) -> list[str]:
    return [
        f"{m.name}（{m.relation}）{m.birth_year or ''} {m.occupation} {m.health} {m.monthly_income}"
        for m in file.household.order_by("pk")
    ]


def _replace_household(file: HardshipFile, rows: list[dict]) -> None:
    file.household.all().delete()
    HouseholdMember.objects.bulk_create([HouseholdMember(file=file, **row) for row in rows])


def _record(actor, action, file, before: dict, before_household: list[str]) -> None:
    after = audit.snapshot(file)
    household = _household_snapshot(file)
    changes = audit.diff(before, after)
    if household != before_household:
        changes[_("家庭成员")] = [before_household or None, household or None]
    audit.record(actor=actor, action=action, obj=file, changes=changes)


@transaction.atomic
def create_file(*, actor, member, **fields) -> HardshipFile:
    errors: dict = {}
    check_member(actor, member, errors)
    cleaned = clean_fields(fields, errors)
    if errors:
        raise ValidationError(errors)
    household = cleaned.pop("household")
    file = HardshipFile(
        member=member,
        union=member.union,
        status=HardshipStatus.PENDING,
        submitted_by=actor,
        contributors=[actor.pk] if getattr(actor, "pk", None) else [],
        **cleaned,
    )
    _save(file)
    _replace_household(file, household)
    _record(actor, AuditAction.CREATE, file, {}, [])
    return file


def _locked(file: HardshipFile) -> HardshipFile:
    return (
        HardshipFile.objects.select_for_update().select_related("union", "member").get(pk=file.pk)
    )


@transaction.atomic
def update_file(*, actor, file: HardshipFile, **fields) -> HardshipFile:
    file = lock_for_edit(file, actor=actor, org_field="union")
    errors: dict = {}
    if file.status not in EDITABLE:
        errors["status"] = _("档案状态为“%(s)s”，不能修改（在档档案请通过年度复核更新）") % {
            "s": file.get_status_display()
        }
    cleaned = clean_fields(fields, errors)
    if errors:
        raise ValidationError(errors)
    before, before_household = audit.snapshot(file), _household_snapshot(file)
    household = cleaned.pop("household")
    for name, value in cleaned.items():
        setattr(file, name, value)
    # A corrected file waits for the level above again; whoever corrected it submitted it.
    file.status = HardshipStatus.PENDING
    file.status_reason = ""
    file.submitted_by = actor
    file.contributors = sorted({*file.contributors, actor.pk})
    _save(file)
    _replace_household(file, household)
    _record(actor, AuditAction.UPDATE, file, before, before_household)
    return file


def may_decide(user, file: HardshipFile) -> bool:
    """The level above the union, never whoever entered the file."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if file.submitted_by_id == user.pk or user.pk in file.contributors:
        return False
    parent = file.union.parent
    return parent is not None and holds_role_at(user, parent, REVIEW_ROLES)


def may_review_file(user, file: HardshipFile) -> bool:
    """The yearly review is the level above's too (and never by whoever entered the file)."""
    return may_decide(user, file)


@transaction.atomic
def decide_file(*, actor, file: HardshipFile, approve: bool, reason: str = "") -> HardshipFile:
    file = _locked(file)
    if file.submitted_by_id is not None and file.submitted_by_id == getattr(actor, "pk", None):
        raise PermissionDenied(_("录入人不能审核自己录入的档案"))
    if not may_decide(actor, file):
        raise PermissionDenied(_("只有上级工会的审核人可以审核该档案"))
    if file.status != HardshipStatus.PENDING:
        raise ValidationError(
            {"status": _("档案状态为“%(s)s”，不在待审核状态") % {"s": file.get_status_display()}}
        )
    reason = (reason or "").strip()
    before, household = audit.snapshot(file), _household_snapshot(file)
    today = timezone.localdate()
    if approve:
        file.status = HardshipStatus.FILED
        file.filed_on = file.reviewed_on = today
        file.status_reason = reason[:200]
    else:
        if not reason:
            raise ValidationError({"reason": _("退回时请填写退回原因")})
        file.status = HardshipStatus.RETURNED
        file.status_reason = reason[:200]
    file.decided_by = actor
    file.save()
    _record(actor, AuditAction.UPDATE, file, before, household)
    return file


@transaction.atomic
def review_file(
    *,
    actor,
    file: HardshipFile,
    outcome: str,
    reason: str = "",
    monthly_income=None,
    household_size=None,
) -> HardshipFile:
    file = _locked(file)
    if not may_review_file(actor, file):
        raise PermissionDenied(_("只有上级工会的审核人可以复核该档案"))
    errors: dict = {}
    if file.status != HardshipStatus.FILED:
        errors["status"] = _("只有在档档案可以复核（当前：%(s)s）") % {
            "s": file.get_status_display()
        }
    if outcome not in OUTCOMES:
        errors["outcome"] = _("请选择复核结果")
    reason = (reason or "").strip()
    if outcome == "remove" and not reason:
        errors["reason"] = _("移出档案时请填写原因")
    if monthly_income not in (None, ""):
        monthly_income = money(monthly_income, "monthly_income", errors, _("家庭月收入"))
    if household_size not in (None, ""):
        household_size = clean_size(household_size, file.household.count(), errors)
    if errors:
        raise ValidationError(errors)
    before, household = audit.snapshot(file), _household_snapshot(file)
    today = timezone.localdate()
    if monthly_income not in (None, ""):
        file.monthly_income = monthly_income
    if household_size not in (None, ""):
        file.household_size = household_size
    file.reviewed_on = today
    if outcome == "lift":
        file.status, file.closed_on = HardshipStatus.LIFTED, today
        file.status_reason = reason[:200] or _("年度复核：已解困脱困")
    elif outcome == "remove":
        file.status, file.closed_on = HardshipStatus.REMOVED, today
        file.status_reason = reason[:200]
    else:
        file.status_reason = reason[:200]
    file.decided_by = actor
    file.save()
    _record(actor, AuditAction.UPDATE, file, before, household)
    return file


def file_from_import(
    *, actor, member, fields: dict, filed_on: datetime.date, reviewed_on
) -> HardshipFile:
    """An existing file from a spreadsheet (checked row by row by gonghui.aid.hardship.imports):
    on record as given. The caller audits (in bulk) and holds the transaction."""
    household = fields.pop("household", [])
    file = HardshipFile(
        member=member,
        union=member.union,
        status=HardshipStatus.FILED,
        filed_on=filed_on,
        reviewed_on=reviewed_on or filed_on,
        submitted_by=actor,
        decided_by=actor,  # the level above puts an existing file on record (checked per row)
        **fields,
    )
    _save(file)
    _replace_household(file, household)
    return file
