"""Honour kinds, cycles, quotas and share rules: the only code that writes them.

A kind and its cycles belong to the organisation that awards them (the county federation for
its own honours) and are changed by whoever may edit there. A cycle moves OPEN (推荐中) →
VETTING (审查评审) → NOTICE (公示) → DECIDED (已表彰); `advance_cycle` takes the first step and
`nominations.publish_notice` the second, both refused while a share rule fails on the
nomination list (queries.rule_shares). DECIDED is reached when the last candidate is decided.
"""

import string
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.money import parse_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit, may_edit_org
from gonghui.workforce.choices import (
    Comparison,
    Criterion,
    CycleStatus,
    Level,
    NominationStatus,
    Subject,
)
from gonghui.workforce.honours import queries
from gonghui.workforce.models import CycleQuota, HonourCycle, HonourKind, Nomination, ShareRule

KIND_FIELDS = (
    "code", "name", "level", "subject", "cycle_years", "certificate_format",
    "yearly_allowance", "is_active",
)  # fmt: skip
CYCLE_FIELDS = ("name", "closes_on")
FORMAT_FIELDS = {"code", "year", "seq"}


def check_certificate_format(value: str) -> str | None:
    """Why a certificate-number format cannot serve, or None. Only {code}, {year} and {seq}
    (with a width such as {seq:04d}); {seq} must be there, or every number would be the same."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        return _("格式有误（花括号不配对）")
    names = [name for _text, name, _spec, _conv in parts if name is not None]
    if "seq" not in names:
        return _("须含序号 {seq}")
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in FORMAT_FIELDS or conversion:
            return _("只能使用 {code}、{year}、{seq}")
        if spec and not (spec.endswith("d") and spec[:-1].isdigit() and len(spec) <= 3):
            return _("序号宽度应写成 {seq:04d} 的形式")
    if len(value.format(code="X" * 20, year=2026, seq=1)) > 60:
        return _("生成的编号过长")
    return None


def _check_kind(fields: dict) -> dict:
    errors: dict = {}
    for name in ("code", "name", "certificate_format"):
        fields[name] = (fields.get(name) or "").strip()
    if not fields["name"]:
        errors["name"] = _("请填写名称")
    if not fields["code"] or not fields["code"].isascii() or not fields["code"].isalnum():
        errors["code"] = _("代码只能由字母和数字组成")
    if fields.get("level") not in Level.values:
        errors["level"] = _("请选择级别")
    if fields.get("subject") not in Subject.values:
        errors["subject"] = _("请选择授予对象")
    years = fields.get("cycle_years")
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 10:
        errors["cycle_years"] = _("评选周期应为 1—10 年")
    problem = check_certificate_format(fields["certificate_format"])
    if problem:
        errors["certificate_format"] = problem
    try:
        fields["yearly_allowance"] = parse_yuan(
            fields.get("yearly_allowance"), label=_("每年津贴"), required=False
        )
    except ValidationError as exc:
        errors["yearly_allowance"] = exc.messages[0]
    fields["is_active"] = bool(fields.get("is_active", True))
    return errors


@transaction.atomic
def create_kind(*, actor, organisation, **fields) -> HonourKind:
    fields = {name: fields.get(name) for name in KIND_FIELDS}
    fields.setdefault("is_active", True)
    if fields["is_active"] is None:
        fields["is_active"] = True
    if not fields.get("certificate_format"):
        fields["certificate_format"] = "{code}{year}-{seq:04d}"
    errors = _check_kind(fields)
    if organisation is None or not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    elif HonourKind.objects.filter(organisation=organisation, code=fields["code"]).exists():
        errors["code"] = _("代码“%(c)s”已被使用") % {"c": fields["code"]}
    if errors:
        raise ValidationError(errors)
    kind = HonourKind.objects.create(organisation=organisation, **fields)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=kind, after=audit.snapshot(kind))
    return kind


@transaction.atomic
def update_kind(*, actor, honourkind, **fields) -> HonourKind:
    kind = lock_for_edit(honourkind, actor=actor)
    fields.pop("organisation", None)
    merged = {name: fields.get(name, getattr(kind, name)) for name in KIND_FIELDS}
    errors = _check_kind(merged)
    if merged["code"] != kind.code and kind.honours.exists():
        errors["code"] = _("已有证书按此代码编号，不能更改代码")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(kind)
    for name, value in merged.items():
        setattr(kind, name, value)
    return audit.saved(kind, actor=actor, before=before)


# ---------------------------------------------------------------------------------------------
# Cycles
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_cycle(*, actor, kind, year, name="", closes_on=None) -> HonourCycle:
    errors: dict = {}
    if kind is None:
        raise ValidationError({"kind": _("请选择荣誉类别")})
    if not may_edit_org(actor, kind.organisation):
        errors["kind"] = OUT_OF_SCOPE
    elif not kind.is_active:
        errors["kind"] = _("该荣誉类别已停用")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        errors["year"] = _("年度应为 2000—2100 之间的年份")
    elif HonourCycle.objects.filter(kind=kind, year=year).exists():
        errors["year"] = _("%(y)d年的%(k)s评选已经建立") % {"y": year, "k": kind}
    name = (name or "").strip() or f"{year}年{kind.name}评选"
    if len(name) > 100:
        errors["name"] = _("不能超过100个字")
    if errors:
        raise ValidationError(errors)
    cycle = HonourCycle.objects.create(
        kind=kind, organisation=kind.organisation, year=year, name=name, closes_on=closes_on
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=cycle, after=audit.snapshot(cycle))
    return cycle


def _locked_cycle(actor, cycle) -> HonourCycle:
    return lock_for_edit(cycle, actor=actor)


def _open_cycle(actor, cycle) -> HonourCycle:
    cycle = _locked_cycle(actor, cycle)
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError(_("评选已进入“%(s)s”，名额和比例要求不能再改") % {
            "s": cycle.get_status_display()})  # fmt: skip
    return cycle


@transaction.atomic
def set_quota(*, actor, cycle, organisation, quota) -> CycleQuota:
    cycle = _open_cycle(actor, cycle)
    errors: dict = {}
    if organisation is None or not organisation.path.startswith(cycle.organisation.path):
        errors["organisation"] = _("分配单位须在评选组织之下")
    if not isinstance(quota, int) or isinstance(quota, bool) or not 0 <= quota <= 1000:
        errors["quota"] = _("名额应为 0—1000 之间的整数")
    if errors:
        raise ValidationError(errors)
    row = CycleQuota.objects.filter(cycle=cycle, organisation=organisation).first()
    if row is None:
        row = CycleQuota.objects.create(cycle=cycle, organisation=organisation, quota=quota)
        audit.record(actor=actor, action=AuditAction.CREATE, obj=row, after=audit.snapshot(row))
    else:
        before = audit.snapshot(row)
        row.quota = quota
        audit.saved(row, actor=actor, before=before)
    return row


@transaction.atomic
def set_rule(*, actor, cycle, criterion, comparison, percent) -> ShareRule:
    cycle = _open_cycle(actor, cycle)
    errors: dict = {}
    if criterion not in Criterion.values:
        errors["criterion"] = _("请选择条件")
    if comparison not in Comparison.values:
        errors["comparison"] = _("请选择要求")
    try:
        percent = Decimal(str(percent).strip().rstrip("%"))
        if not Decimal(0) <= percent <= Decimal(100) or percent != percent.quantize(
            Decimal("0.01")
        ):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["percent"] = _("比例应为 0—100 之间的数，最多两位小数")
    if errors:
        raise ValidationError(errors)
    rule, created = ShareRule.objects.get_or_create(
        cycle=cycle, criterion=criterion, comparison=comparison, defaults={"percent": percent}
    )
    if created:
        audit.record(actor=actor, action=AuditAction.CREATE, obj=rule, after=audit.snapshot(rule))
    else:
        before = audit.snapshot(rule)
        rule.percent = percent
        audit.saved(rule, actor=actor, before=before)
    return rule


@transaction.atomic
def remove_rule(*, actor, rule) -> None:
    _open_cycle(actor, rule.cycle)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=rule, before=audit.snapshot(rule))
    rule.delete()


def rules_problem(cycle: HonourCycle) -> str | None:
    failing = queries.failing_rules(cycle)
    if not failing:
        return None
    return _("比例要求未达到：%(rules)s") % {
        "rules": "；".join(
            _("%(rule)s（当前 %(p)s%%）") % {"rule": s.rule, "p": s.percent} for s in failing
        )
    }


@transaction.atomic
def advance_cycle(*, actor, cycle) -> HonourCycle:
    """推荐截止，进入审查评审: the list must meet every share rule and nothing may still be on
    its way up (it would arrive after the list was fixed). Done by the cycle's organisation."""
    cycle = HonourCycle.objects.select_for_update().select_related("organisation").get(pk=cycle.pk)
    if not queries.acts_for_cycle(actor, cycle):
        raise PermissionDenied(OUT_OF_SCOPE)
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError(_("评选当前为“%(s)s”，不能进入审查评审") % {
            "s": cycle.get_status_display()})  # fmt: skip
    errors = []
    waiting = Nomination.objects.filter(cycle=cycle, status=NominationStatus.REVIEWING).count()
    if waiting:
        errors.append(_("还有 %(n)d 个推荐在逐级审核中") % {"n": waiting})
    if not Nomination.objects.filter(cycle=cycle, status=NominationStatus.CANDIDATE).exists():
        errors.append(_("还没有报送到评选组织的候选人"))
    problem = rules_problem(cycle)
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError({"status": errors})
    before = audit.snapshot(cycle)
    cycle.status = CycleStatus.VETTING
    return audit.saved(cycle, actor=actor, before=before)


def ensure_cycle_editor(actor, cycle) -> None:
    ensure_may_edit_org(actor, cycle.organisation)


def save_unique(obj, *, field: str, message: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc
