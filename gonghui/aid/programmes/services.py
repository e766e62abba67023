"""Aid programmes (救助项目) and their kinds: the only code that writes them.

A programme belongs to the organisation that runs it; editing needs an editing role there (or
above). Its budget can be raised at any time but never lowered below what its payment ledger
already holds, read under a lock on the programme row (the same lock the payments take).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gonghui.aid.choices import eligibility_choices
from gonghui.aid.models import Payment, Programme, ProgrammeKind
from gonghui.aid.models.common import CENT, ZERO
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.money import collect_yuan
from gonghui.core.roles import Role
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org

# Sensible bounds; beyond them a value is a typing error, not a policy.
MAX_REVIEW_LEVELS = 6
MAX_NOTICE_DAYS = 90
YEARS = (2000, 2100)

EDITABLE = (
    "kind",
    "name",
    "year",
    "budget",
    "cap",
    "opens_on",
    "closes_on",
    "eligibility",
    "required_documents",
    "review_levels",
    "notice_days",
    "description",
    "is_active",
)


def to_money(value, field: str, errors: dict, *, positive: bool) -> Decimal | None:
    """Yuan (core.money's one parser); an error under `field` otherwise."""
    return collect_yuan(value, field=field, errors=errors, positive=positive)


def committed(programme: Programme) -> Decimal:
    """What the payment ledger holds for the programme (payments less reversals)."""
    total = Payment.objects.filter(programme=programme).aggregate(s=Sum("amount"))["s"]
    return (total or ZERO).quantize(CENT)


def paid(programme: Programme) -> Decimal:
    """What has reached the workers: direct payments and settled batch lines."""
    total = Payment.objects.filter(programme=programme).paid().aggregate(s=Sum("amount"))["s"]
    return (total or ZERO).quantize(CENT)


def _check_int(programme, field, low, high, errors, message) -> None:
    value = getattr(programme, field)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors[field] = message


def _check_dates(programme: Programme, errors: dict) -> None:
    for field in ("opens_on", "closes_on"):
        if not isinstance(getattr(programme, field), datetime.date):
            errors[field] = _("请填写日期")
    if "opens_on" in errors or "closes_on" in errors:
        return
    if programme.closes_on < programme.opens_on:
        errors["closes_on"] = _("申请截止日期不能早于申请开始日期")


def _clean(programme: Programme, errors: dict) -> None:
    """Every problem at once, each under its field."""
    programme.name = (programme.name or "").strip()
    programme.required_documents = "\n".join(programme.document_kinds)
    programme.description = (programme.description or "").strip()
    if not programme.name:
        errors["name"] = _("请填写项目名称")
    elif len(programme.name) > 100:
        errors["name"] = _("项目名称不能超过100个字")
    if programme.kind_id is None:
        errors["kind"] = _("请选择项目类别")
    if programme.eligibility not in dict(eligibility_choices()):
        errors["eligibility"] = _("请选择申请对象")
    _check_int(programme, "year", *YEARS, errors, _("年度应为 2000—2100 之间的年份"))
    _check_int(
        programme,
        "review_levels",
        1,
        MAX_REVIEW_LEVELS,
        errors,
        _("审核层级数应为 1—%(n)d") % {"n": MAX_REVIEW_LEVELS},
    )
    _check_int(
        programme,
        "notice_days",
        0,
        MAX_NOTICE_DAYS,
        errors,
        _("公示天数应为 0—%(n)d 天") % {"n": MAX_NOTICE_DAYS},
    )
    _check_dates(programme, errors)
    if any(len(kind) > 50 for kind in programme.document_kinds):
        errors["required_documents"] = _("每项材料名称不能超过50个字")


def _money_fields(programme: Programme, errors: dict) -> None:
    budget = to_money(programme.budget, "budget", errors, positive=False)
    cap = to_money(programme.cap, "cap", errors, positive=True)
    if budget is not None:
        programme.budget = budget
    if cap is not None:
        programme.cap = cap


@transaction.atomic
def create_programme(
    *,
    actor,
    organisation,
    kind,
    name,
    year,
    budget,
    cap,
    opens_on,
    closes_on,
    eligibility,
    required_documents="",
    review_levels=1,
    notice_days=5,
    description="",
    is_active=True,
) -> Programme:
    programme = Programme(
        organisation=organisation,
        kind=kind,
        name=name,
        year=year,
        budget=budget,
        cap=cap,
        opens_on=opens_on,
        closes_on=closes_on,
        eligibility=eligibility,
        required_documents=required_documents or "",
        review_levels=review_levels,
        notice_days=notice_days,
        description=description or "",
        is_active=bool(is_active),
    )
    errors: dict = {}
    if organisation is None:
        errors["organisation"] = _("请选择主办工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    _money_fields(programme, errors)
    _clean(programme, errors)
    if errors:
        raise ValidationError(errors)
    programme.save()
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=programme, after=audit.snapshot(programme)
    )
    return programme


@transaction.atomic
def update_programme(*, actor, programme: Programme, **fields) -> Programme:
    """Change any of EDITABLE. The organisation that runs a programme is fixed at creation:
    its applications' review chains end there."""
    programme = (
        Programme.objects.select_for_update(of=("self",))
        .select_related("organisation", "kind")
        .get(pk=programme.pk)
    )
    errors: dict = {}
    if not may_edit_org(actor, programme.organisation):
        raise PermissionDenied(_("您无权修改该项目"))
    organisation = fields.pop("organisation", programme.organisation)
    if getattr(organisation, "pk", organisation) != programme.organisation_id:
        errors["organisation"] = _("主办工会在项目创建后不能更改")
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"update_programme: unknown fields {sorted(unknown)}")
    before = audit.snapshot(programme)
    for name, value in fields.items():
        setattr(programme, name, value)
    _money_fields(programme, errors)
    _clean(programme, errors)
    if "budget" not in errors:
        spent = committed(programme)
        if programme.budget < spent:
            errors["budget"] = _("预算不能低于已发放（含待银行回单）的金额 %(spent)s 元") % {
                "spent": spent
            }
    if errors:
        raise ValidationError(errors)
    audit.saved(programme, actor=actor, before=before)
    return programme


def may_add_kind(actor) -> bool:
    """County administrators: the admin role at a root organisation (the county federation)."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    if actor.is_superuser:
        return True
    return actor.role_assignments.filter(
        role=Role.ADMIN, organisation__parent__isnull=True
    ).exists()


@transaction.atomic
def add_kind(*, actor, code, name) -> ProgrammeKind:
    if not may_add_kind(actor):
        raise PermissionDenied(_("只有县总工会管理员可以增加项目类别"))
    code = (code or "").strip().lower()
    name = (name or "").strip()
    errors = {}
    if not code:
        errors["code"] = _("请填写代码")
    elif slugify(code) != code or len(code) > 30:
        errors["code"] = _("代码只能由小写字母、数字、连字符和下划线组成，不超过30个字符")
    elif ProgrammeKind.objects.filter(code=code).exists():
        errors["code"] = _("该代码已被使用")
    if not name:
        errors["name"] = _("请填写名称")
    elif len(name) > 30:
        errors["name"] = _("名称不能超过30个字")
    elif ProgrammeKind.objects.filter(name=name).exists():
        errors["name"] = _("已有同名的项目类别")
    if errors:
        raise ValidationError(errors)
    last = ProgrammeKind.objects.aggregate(m=Max("sort_order"))["m"] or 0
    kind = ProgrammeKind(code=code, name=name, sort_order=min(last + 10, 32767))
    try:
        with transaction.atomic():
            kind.save()
    except IntegrityError as exc:  # added by someone else at the same moment
        raise ValidationError({"name": _("已有同名或同代码的项目类别")}) from exc
    audit.record(actor=actor, action=AuditAction.CREATE, obj=kind, after=audit.snapshot(kind))
    return kind
