"""The only code that writes catalogues and returns. Every write is audited.

Catalogue (指标目录): one per county and year, kept by an administrator of the county federation:
seeded with the shipped indicators (catalogue_seed), or copied from an earlier year and edited
(indicators added or changed, checks added or removed). A year's edits touch that year's
catalogue only, so other years' returns keep their own indicators.

Return (统计年报), one per union and catalogue. Life cycle:
  填报中 (draft) --submit--> 待负责人签发 (submitted) --sign--> 已签发 (signed)
  --accept--> 上级已审核 (accepted);
  submitted / signed / accepted --send_back (note)--> 退回修改 (returned) --submit--> …
- opened and filled by an editing role (admin, clerk) at the union or above (代为填报);
  prefilled on opening and on refresh (取数): an indicator with the 逐级汇总 aggregation is the sum
  of the signed returns of the union's direct children that hold it, once any has signed;
  otherwise it is its source's number for the union's subtree; otherwise (手工填报) what was
  entered.
- submitted when every hand cell is filled and every logic check passes;
- signed by the union's head: an administrator or reviewer holding the role at the union itself;
  the checks run again. Signed returns are locked;
- accepted or sent back (with a note the union sees) by the level above: an editing or reviewing
  role above the union, holding none at the union or below it. Sending back unlocks it.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, Organisation, OrgKind
from gonghui.core.roles import EDIT_ROLES, Role
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at, may_edit_org
from gonghui.returns import catalogue_seed, checks, indicators
from gonghui.returns.choices import EDITABLE, FINAL, Aggregation, Form, Op, Origin
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.models import Catalogue, Indicator, Return, Rule, Value

CATALOGUE_ROLES = frozenset({Role.ADMIN})
SIGN_ROLES = frozenset({Role.ADMIN, Role.REVIEWER})
REVIEW_ROLES = EDIT_ROLES | {Role.REVIEWER}
GRASSROOTS_KINDS = (OrgKind.GRASSROOTS, OrgKind.JOINT_UNION)
MAX_VALUE = Decimal("99999999999999")


def forms_of(union: Organisation) -> list[str]:
    """A grassroots union files the 基层工会 form; a union above also the 基层以上工会 form."""
    return [Form.GRASSROOTS] if union.kind in GRASSROOTS_KINDS else [Form.GRASSROOTS, Form.UPPER]


def files_returns(union: Organisation) -> bool:
    return union.kind != OrgKind.GROUP


# ---------------------------------------------------------------------------------------------
# Catalogues
# ---------------------------------------------------------------------------------------------


def may_keep_catalogue(actor, county: Organisation) -> bool:
    return holds_role_at(actor, county, CATALOGUE_ROLES)


def _ensure_keeper(actor, catalogue: Catalogue) -> None:
    if not may_keep_catalogue(actor, catalogue.organisation):
        raise PermissionDenied(_("指标目录由县总工会管理员维护"))


def _year(year, errors: dict):
    try:
        year = int(year)
    except (TypeError, ValueError):
        errors["year"] = _("年度须为整数")
        return None
    if not 2000 <= year <= 2100:
        errors["year"] = _("年度须在 2000 至 2100 之间")
    return year


def _new_catalogue(actor, county, year, note) -> Catalogue:
    errors: dict = {}
    if county is None or county.kind != OrgKind.COUNTY_FEDERATION:
        errors["organisation"] = _("指标目录由县总工会制定")
    elif not may_keep_catalogue(actor, county):
        errors["organisation"] = OUT_OF_SCOPE
    year = _year(year, errors)
    if not errors and Catalogue.objects.filter(organisation=county, year=year).exists():
        errors["year"] = _("%(y)d 年的指标目录已存在") % {"y": year}
    if errors:
        raise ValidationError(errors)
    catalogue = Catalogue.objects.create(organisation=county, year=year, note=note[:200])
    audit.record(actor=actor, action=AuditAction.CREATE, obj=catalogue,
                 after=audit.snapshot(catalogue))  # fmt: skip
    return catalogue


def _bulk_audit(actor, objs) -> None:
    for obj in objs:
        audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))


@transaction.atomic
def seed_catalogue(*, actor, county, year) -> Catalogue:
    """The year's catalogue with the indicators and checks Gonghui ships."""
    catalogue = _new_catalogue(actor, county, year, _("系统预置指标"))
    rows = Indicator.objects.bulk_create([
        Indicator(catalogue=catalogue, code=code, label=label, source=source, form=form,
                  cell=_("第%(n)d行") % {"n": n}, unit=unit, aggregation=agg,
                  definition=definition, order=n)
        for n, (code, label, source, form, unit, agg, definition)
        in enumerate(catalogue_seed.INDICATORS, start=1)
    ])  # fmt: skip
    rules = Rule.objects.bulk_create([
        Rule(catalogue=catalogue, left=left, op=op, right=right, note=note)
        for left, op, right, note in catalogue_seed.RULES
    ])  # fmt: skip
    _bulk_audit(actor, [*rows, *rules])
    return catalogue


@transaction.atomic
def copy_catalogue(*, actor, catalogue: Catalogue, year) -> Catalogue:
    """A new year's catalogue with every indicator and check of `catalogue`."""
    _ensure_keeper(actor, catalogue)
    copy = _new_catalogue(actor, catalogue.organisation, year,
                          _("复制自 %(y)d 年") % {"y": catalogue.year})  # fmt: skip
    fields = ("code", "label", "definition", "source", "form", "cell", "unit", "aggregation",
              "order")  # fmt: skip
    rows = Indicator.objects.bulk_create([
        Indicator(catalogue=copy, **{f: getattr(i, f) for f in fields})
        for i in catalogue.indicators.all()
    ])  # fmt: skip
    rules = Rule.objects.bulk_create([
        Rule(catalogue=copy, left=r.left, op=r.op, right=r.right, note=r.note)
        for r in catalogue.rules.all()
    ])  # fmt: skip
    _bulk_audit(actor, [*rows, *rules])
    return copy


def _text(value, field, label, limit, errors, *, required=False) -> str:
    value = (value or "").strip() if isinstance(value, str) else str(value or "")
    if required and not value:
        errors[field] = _("请填写%(f)s") % {"f": label}
    elif len(value) > limit:
        errors[field] = _("%(f)s不能超过 %(n)d 个字") % {"f": label, "n": limit}
    return value


def _indicator_fields(catalogue, data: dict, current: Indicator | None) -> dict:
    errors: dict = {}
    clean = {
        "code": _text(data.get("code"), "code", _("指标代码"), 20, errors, required=True).upper(),
        "label": _text(data.get("label"), "label", _("指标名称"), 100, errors, required=True),
        "definition": _text(data.get("definition"), "definition", _("统计口径"), 2000, errors),
        "source": _text(data.get("source"), "source", _("数据来源"), 60, errors),
        "cell": _text(data.get("cell"), "cell", _("表中位置"), 40, errors, required=True),
        "unit": _text(data.get("unit") or "个", "unit", _("计量单位"), 10, errors),
        "form": data.get("form"),
        "aggregation": data.get("aggregation") or Aggregation.SUM,
        "order": data.get("order") or 0,
    }
    code = clean["code"]
    if code and (not code.isascii() or not code.replace("_", "").isalnum()):
        errors["code"] = _("指标代码只能由字母、数字组成，如 G09")
    elif (
        code
        and catalogue.indicators.filter(code=code).exclude(pk=getattr(current, "pk", None)).exists()
    ):
        errors["code"] = _("本年度目录中已有代码为 %(c)s 的指标") % {"c": code}
    if clean["source"] and clean["source"] not in indicators.sources():
        errors["source"] = _("“%(s)s”不是系统能计算的数字；手工填报请留空") % {"s": clean["source"]}
    if clean["form"] not in Form.values:
        errors["form"] = _("请选择所在表式")
    if clean["aggregation"] not in Aggregation.values:
        errors["aggregation"] = _("请选择汇总方式")
    try:
        clean["order"] = int(clean["order"])
        if not 0 <= clean["order"] <= 999:
            raise ValueError
    except (TypeError, ValueError):
        errors["order"] = _("序号须为 0 至 999 的整数")
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def add_indicator(*, actor, catalogue: Catalogue, **data) -> Indicator:
    _ensure_keeper(actor, catalogue)
    indicator = Indicator.objects.create(
        catalogue=catalogue, **_indicator_fields(catalogue, data, None)
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=indicator,
                 after=audit.snapshot(indicator))  # fmt: skip
    return indicator


@transaction.atomic
def update_indicator(*, actor, indicator: Indicator, **data) -> Indicator:
    indicator = Indicator.objects.select_for_update().select_related(
        "catalogue__organisation").get(pk=indicator.pk)  # fmt: skip
    _ensure_keeper(actor, indicator.catalogue)
    clean = _indicator_fields(indicator.catalogue, data, indicator)
    if clean["code"] != indicator.code and indicator.catalogue.rules.exists():
        used = [r for r in indicator.catalogue.rules.all()
                if indicator.code in checks.codes(r.left) + checks.codes(r.right)]  # fmt: skip
        if used:
            raise ValidationError({"code": _("逻辑校验“%(r)s”用到此代码，请先删除该校验") % {
                "r": used[0]}})  # fmt: skip
    before = audit.snapshot(indicator)
    for name, value in clean.items():
        setattr(indicator, name, value)
    return audit.saved(indicator, actor=actor, before=before)


@transaction.atomic
def add_rule(*, actor, catalogue: Catalogue, left, op, right, note="") -> Rule:
    _ensure_keeper(actor, catalogue)
    errors: dict = {}
    known = set(catalogue.indicators.values_list("code", flat=True))
    for field, label, value in (("left", _("左边指标"), left), ("right", _("右边指标"), right)):
        parts = [c.upper() for c in checks.codes(value or "")]
        unknown = [c for c in parts if c not in known]
        if not parts:
            errors[field] = _("请填写%(f)s的代码") % {"f": label}
        elif unknown:
            errors[field] = _("%(f)s：本年度目录中没有代码 %(c)s") % {
                "f": label, "c": "、".join(unknown)}  # fmt: skip
    if op not in Op.values:
        errors["op"] = _("请选择关系")
    note = _text(note, "note", _("说明"), 100, errors)
    if errors:
        raise ValidationError(errors)
    rule = Rule.objects.create(
        catalogue=catalogue, op=op, note=note,
        left="+".join(c.upper() for c in checks.codes(left)),
        right="+".join(c.upper() for c in checks.codes(right)),
    )  # fmt: skip
    audit.record(actor=actor, action=AuditAction.CREATE, obj=rule, after=audit.snapshot(rule))
    return rule


@transaction.atomic
def delete_rule(*, actor, rule: Rule) -> None:
    _ensure_keeper(actor, rule.catalogue)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=rule, before=audit.snapshot(rule))
    rule.delete()


# ---------------------------------------------------------------------------------------------
# Returns
# ---------------------------------------------------------------------------------------------


def county_catalogue(union: Organisation, year: int) -> Catalogue | None:
    county = union if union.kind == OrgKind.COUNTY_FEDERATION else (
        union.ancestors().filter(kind=OrgKind.COUNTY_FEDERATION).first())  # fmt: skip
    return Catalogue.objects.filter(organisation=county, year=year).first() if county else None


def _lock(ret: Return) -> Return:
    return (
        Return.objects.select_for_update(of=("self",))
        .select_related("union", "catalogue__organisation")
        .get(pk=ret.pk)
    )


def _step(ret, *, actor, to, **fields) -> Return:
    before = audit.snapshot(ret)
    ret.status = to
    for name, value in fields.items():
        setattr(ret, name, value)
    return audit.saved(ret, actor=actor, before=before)


@transaction.atomic
def open_return(*, actor, catalogue: Catalogue, union: Organisation) -> Return:
    """The union's return for the catalogue's year, created and prefilled (or the existing one)."""
    errors: dict = {}
    if not files_returns(union):
        errors["union"] = _("工会小组不单独填报统计年报")
    elif not union.path.startswith(catalogue.organisation.path):
        errors["union"] = _("%(u)s不在%(c)s的范围内") % {"u": union.name, "c": catalogue}
    if errors:
        raise ValidationError(errors)
    if not may_edit_org(actor, union):
        raise PermissionDenied(OUT_OF_SCOPE)
    ret, created = Return.objects.get_or_create(catalogue=catalogue, union=union)
    if created:
        audit.record(actor=actor, action=AuditAction.CREATE, obj=ret, after=audit.snapshot(ret))
        _prefill(ret)
    return ret


def child_returns(ret: Return):
    return Return.objects.filter(catalogue=ret.catalogue, union__parent=ret.union)


def _sums(ret: Return) -> dict | None:
    """{indicator code: sum} over the signed returns of the union's direct children, or None
    when none has signed."""
    signed = child_returns(ret).filter(status__in=FINAL)
    if not signed.exists():
        return None
    rows = (
        Value.objects.filter(ret__in=signed).values("indicator__code").annotate(total=Sum("value"))
    )
    return {row["indicator__code"]: row["total"] or Decimal(0) for row in rows}


def _prefill(ret: Return) -> None:
    """Compute every cell that is not entered by hand (see the module's docstring)."""
    numbers = indicators.numbers(ret.union, ret.catalogue.year)
    sums = _sums(ret) if ret.union.kind not in GRASSROOTS_KINDS else None
    current = {v.indicator_id: v for v in ret.values.all()}
    wanted = ret.catalogue.indicators.filter(form__in=forms_of(ret.union))
    for indicator in wanted:
        value = current.get(indicator.pk) or Value(ret=ret, indicator=indicator)
        # A code none of the children files (the 基层以上 form under grassroots unions) is the
        # union's own: computed or entered as if nothing below had signed.
        if sums and indicator.aggregation == Aggregation.SUM and indicator.code in sums:
            value.value, value.origin = sums[indicator.code], Origin.SUMMED
        elif indicator.source:
            value.value, value.origin = numbers.get(indicator.source, Decimal(0)), Origin.FIGURE
        else:
            if value.origin != Origin.HAND:
                value.value = None
            value.origin = Origin.HAND
        value.save()
    ret.values.exclude(indicator__in=wanted).delete()
    ret.prefilled_at = timezone.now()
    ret.save(update_fields=["prefilled_at"])


def _ensure_filler(actor, ret: Return) -> None:
    if not may_edit_org(actor, ret.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if ret.status not in EDITABLE:
        raise ValidationError({"status": _("年报%(s)s，已锁定，不能修改") % {
            "s": ret.get_status_display()}})  # fmt: skip


@transaction.atomic
def refresh_return(*, actor, ret: Return) -> Return:
    """取数 again: computed and summed cells from today's data; hand cells are kept."""
    ret = _lock(ret)
    _ensure_filler(actor, ret)
    before = {str(v.indicator.code): str(v.value) for v in ret.values.select_related("indicator")}
    _prefill(ret)
    after = {str(v.indicator.code): str(v.value) for v in ret.values.select_related("indicator")}
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=ret, before=before, after=after)
    return ret


def _amount(raw, label, code, errors) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        errors[code] = _("%(l)s（%(c)s）：“%(v)s”不是数字") % {"l": label, "c": code, "v": raw}
        return None
    if not value.is_finite() or value < 0 or value > MAX_VALUE:
        errors[code] = _("%(l)s（%(c)s）：须为不小于 0 的数") % {"l": label, "c": code}
    elif value != value.quantize(Decimal("0.01")):
        errors[code] = _("%(l)s（%(c)s）：最多两位小数") % {"l": label, "c": code}
    return value


@transaction.atomic
def enter_values(*, actor, ret: Return, values: dict) -> Return:
    """Fill the hand cells: `values` maps an indicator code to a number (blank: not yet filled).
    A code of a computed cell, or one the return does not hold, is refused."""
    ret = _lock(ret)
    _ensure_filler(actor, ret)
    cells = {v.indicator.code: v for v in ret.values.select_related("indicator")}
    errors: dict = {}
    clean = {}
    for code, raw in values.items():
        cell = cells.get(code)
        if cell is None:
            errors[code] = _("本年报没有代码为 %(c)s 的指标") % {"c": code}
        elif cell.origin != Origin.HAND:
            errors[code] = _("%(l)s（%(c)s）由系统%(o)s，不能手工修改") % {
                "l": cell.indicator.label, "c": code, "o": cell.get_origin_display()}  # fmt: skip
        else:
            clean[code] = _amount(raw, cell.indicator.label, code, errors)
    if errors:
        raise ValidationError(errors)
    before, after = {}, {}
    for code, value in clean.items():
        cell = cells[code]
        if cell.value != value:
            before[code], after[code] = str(cell.value), str(value)
            cell.value = value
            cell.save(update_fields=["value"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=ret, before=before, after=after)
    return ret


def cells_of(ret: Return) -> dict:
    return {
        v.indicator.code: (v.indicator.label, v.value)
        for v in ret.values.select_related("indicator")
    }


def check_messages(ret: Return) -> list[str]:
    """Every reason the return cannot go on: hand cells not filled, then failing checks."""
    cells = cells_of(ret)
    missing = [
        f"{v.indicator.label}（{v.indicator.code}）"
        for v in ret.values.select_related("indicator").order_by("indicator__form",
                                                                 "indicator__order")
        if v.origin == Origin.HAND and v.value is None
    ]  # fmt: skip
    messages = [_("请填写：%(m)s") % {"m": "、".join(missing)}] if missing else []
    return messages + checks.failures(ret.catalogue.rules.all(), cells)


def _ensure_checked(ret: Return) -> None:
    messages = check_messages(ret)
    if messages:
        raise ValidationError({"status": messages})


@transaction.atomic
def submit_return(*, actor, ret: Return) -> Return:
    ret = _lock(ret)
    _ensure_filler(actor, ret)
    _ensure_checked(ret)
    return _step(ret, actor=actor, to=Status.SUBMITTED, submitted_by=actor,
                 submitted_at=timezone.now())  # fmt: skip


def may_sign(actor, ret: Return) -> bool:
    """The union's head: an administrator or reviewer at the union itself."""
    if actor is None or actor.is_superuser:
        return actor is None or actor.is_superuser
    return actor.role_assignments.filter(organisation=ret.union, role__in=SIGN_ROLES).exists()


@transaction.atomic
def sign_return(*, actor, ret: Return) -> Return:
    ret = _lock(ret)
    if not may_sign(actor, ret):
        raise PermissionDenied(_("年报由本工会负责人（本级管理员或审核人）签发"))
    if ret.status != Status.SUBMITTED:
        raise ValidationError({"status": _("年报当前为“%(s)s”，不能签发") % {
            "s": ret.get_status_display()}})  # fmt: skip
    _ensure_checked(ret)
    return _step(ret, actor=actor, to=Status.SIGNED, signed_by=actor, signed_at=timezone.now())


def of_the_union(actor, union) -> bool:
    """Whether the actor holds any role at the union or below it."""
    if actor is None or actor.is_superuser:
        return False
    return actor.role_assignments.filter(organisation__path__startswith=union.path).exists()


def may_review(actor, ret: Return) -> bool:
    union = ret.union
    return (
        union.parent_id is not None
        and holds_role_at(actor, union.parent, REVIEW_ROLES)
        and not of_the_union(actor, union)
    )


@transaction.atomic
def accept_return(*, actor, ret: Return) -> Return:
    ret = _lock(ret)
    if not may_review(actor, ret):
        raise PermissionDenied(_("年报由上级工会审核"))
    if ret.status != Status.SIGNED:
        raise ValidationError({"status": _("年报当前为“%(s)s”，须签发后审核") % {
            "s": ret.get_status_display()}})  # fmt: skip
    return _step(ret, actor=actor, to=Status.ACCEPTED, reviewed_by=actor,
                 reviewed_at=timezone.now())  # fmt: skip


@transaction.atomic
def send_back(*, actor, ret: Return, note) -> Return:
    """退回: the level above unlocks the return with a note the union sees."""
    ret = _lock(ret)
    if not may_review(actor, ret):
        raise PermissionDenied(_("年报由上级工会退回"))
    errors: dict = {}
    note = _text(note, "note", _("退回意见"), 1000, errors, required=True)
    if ret.status not in (Status.SUBMITTED, *FINAL):
        errors["note"] = _("年报当前为“%(s)s”，不能退回") % {"s": ret.get_status_display()}
    if errors:
        raise ValidationError(errors)
    return _step(ret, actor=actor, to=Status.RETURNED, return_note=note, reviewed_by=actor,
                 reviewed_at=timezone.now())  # fmt: skip
