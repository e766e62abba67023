"""Collective contracts (集体合同): the only code that writes them and the employers they cover.

A contract belongs to the union that signed it (fixed once created: its history is that union's);
changing it, or the employers it covers, needs an editing role there or above (`may_edit_org`).
The employers covered are ones the actor sees. An enterprise contract (企业集体合同) covers one
employer; a regional or industry contract (区域性、行业性) covers many. Every change is audited,
the employers covered as a change of the contract ("覆盖企业").
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.models import Employer
from gonghui.rights.choices import ContractKind, ContractScope
from gonghui.rights.models import CollectiveContract, ContractEmployer

EDITABLE = (
    "title",
    "scope",
    "kind",
    "signed_on",
    "effective_on",
    "expires_on",
    "workers_covered",
    "filed_on",
)
TITLE_LENGTH = 200
MAX_WORKERS = 10_000_000  # more than any county has: beyond it a value is a typing error
COVERAGE = "覆盖企业"  # the audit log's name for the employers a contract covers


def _check_dates(fields: dict, errors: dict) -> None:
    """Signed ≤ effective ≤ expiry; filed (备案) not before signing."""
    labels = {
        "signed_on": _("签订日期"),
        "effective_on": _("生效日期"),
        "expires_on": _("到期日期"),
    }
    for name, label in labels.items():
        if not is_date(fields.get(name)):
            errors[name] = _("请填写%(label)s") % {"label": label}
    signed, effective, expires = (fields.get(n) for n in labels)
    if "effective_on" not in errors and "expires_on" not in errors and effective > expires:
        errors["expires_on"] = _("到期日期（%(e)s）不能早于生效日期（%(s)s）") % {
            "e": expires, "s": effective}  # fmt: skip
    if "signed_on" not in errors and "effective_on" not in errors and signed > effective:
        errors["effective_on"] = _("生效日期（%(e)s）不能早于签订日期（%(s)s）") % {
            "e": effective, "s": signed}  # fmt: skip
    filed = fields.get("filed_on")
    if filed in (None, ""):
        fields["filed_on"] = None
    elif not is_date(filed):
        errors["filed_on"] = _("备案日期格式不正确")
    elif "signed_on" not in errors and filed < signed:
        errors["filed_on"] = _("备案日期（%(f)s）不能早于签订日期（%(s)s）") % {
            "f": filed, "s": signed}  # fmt: skip


def _check(fields: dict) -> dict:
    """Every problem at once, each under its field; cleans `fields` in place."""
    errors: dict = {}
    fields["title"] = (fields.get("title") or "").strip()
    if not fields["title"]:
        errors["title"] = _("请填写合同名称")
    elif len(fields["title"]) > TITLE_LENGTH:
        errors["title"] = _("合同名称不能超过%(n)d个字") % {"n": TITLE_LENGTH}
    if fields.get("scope") not in ContractScope.values:
        errors["scope"] = _("请选择签订层级（企业、区域性或行业性）")
    if fields.get("kind") not in ContractKind.values:
        errors["kind"] = _("请选择合同类别")
    workers = fields.get("workers_covered")
    if workers in (None, ""):
        fields["workers_covered"] = workers = 0
    if isinstance(workers, bool) or not isinstance(workers, int):
        errors["workers_covered"] = _("覆盖职工数应为整数")
    elif workers < 0:
        errors["workers_covered"] = _("覆盖职工数不能为负数")
    elif workers > MAX_WORKERS:
        errors["workers_covered"] = _("覆盖职工数过大")
    _check_dates(fields, errors)
    return errors


def _visible_employers(actor, employers) -> list[Employer]:
    """The employers as rows the actor sees (duplicates dropped, order kept); an error under
    `employers` for one out of sight (the same message whether it exists or not)."""
    ids = list(dict.fromkeys(getattr(e, "pk", e) for e in employers))
    found = Employer.objects.all() if actor is None else Employer.objects.visible_to(actor)
    rows = {e.pk: e for e in found.filter(pk__in=ids)}
    if len(rows) != len(ids):
        raise ValidationError({"employers": _("所选企业不存在或不在您的管理范围内")})
    return [rows[pk] for pk in ids]


def _enterprise_check(scope: str, count: int) -> None:
    if scope == ContractScope.ENTERPRISE and count > 1:
        raise ValidationError(
            {"employers": _("企业集体合同只能覆盖一家企业（现为 %(n)d 家）；"
                            "覆盖多家企业请选择区域性或行业性集体合同") % {"n": count}}
        )  # fmt: skip


def _names(employers) -> str:
    return "、".join(e.name for e in employers)


@transaction.atomic
def create_contract(*, actor, organisation, employers=(), created_by=None, **fields):
    """A new contract of `organisation`, covering `employers` (ids or rows) from the start."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"create_contract: unknown fields {sorted(unknown)}")
    fields = {name: fields.get(name) for name in EDITABLE}
    errors = _check(fields)
    if organisation is None:
        errors["organisation"] = _("请选择签订合同的工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    if errors:
        raise ValidationError(errors)
    covered = _visible_employers(actor, employers)
    _enterprise_check(fields["scope"], len(covered))
    contract = CollectiveContract.objects.create(
        organisation=organisation, created_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )  # fmt: skip
    ContractEmployer.objects.bulk_create(
        ContractEmployer(contract=contract, employer=e) for e in covered
    )
    after = audit.snapshot(contract)
    if covered:
        after[COVERAGE] = _names(covered)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=contract, after=after)
    return contract


def _locked(actor, contract: CollectiveContract) -> CollectiveContract:
    """The contract under a row lock (its coverage changes one at a time), if the actor may."""
    return lock_for_edit(contract, actor=actor)


@transaction.atomic
def update_contract(*, actor, collectivecontract=None, contract=None, **fields):
    """Change any of EDITABLE. (`collectivecontract` is the name the generic API passes.)"""
    contract = _locked(actor, contract or collectivecontract)
    organisation = fields.pop("organisation", contract.organisation)
    employers = fields.pop("employers", None)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"update_contract: unknown fields {sorted(unknown)}")
    merged = {name: fields.get(name, getattr(contract, name)) for name in EDITABLE}
    errors = _check(merged)
    if getattr(organisation, "pk", organisation) != contract.organisation_id:
        errors["organisation"] = _("签订合同的工会在登记后不能更改")
    if errors:
        raise ValidationError(errors)
    current = list(contract.coverage.select_related("employer").order_by("pk"))
    count = len(current) if employers is None else len(set(getattr(e, "pk", e) for e in employers))
    if merged["scope"] == ContractScope.ENTERPRISE and count > 1:
        raise ValidationError(
            {"scope": _("该合同已覆盖 %(n)d 家企业，不能改为企业集体合同（只能覆盖一家）") % {
                "n": count}}
        )  # fmt: skip
    before = audit.snapshot(contract)
    for name, value in merged.items():
        setattr(contract, name, value)
    audit.saved(contract, actor=actor, before=before)
    if employers is not None:
        _replace_employers(actor, contract, current, employers)
    return contract


def _replace_employers(actor, contract, current: list, employers) -> None:
    """Set the covered employers to exactly `employers` (the API's full list)."""
    wanted = _visible_employers(actor, employers)
    have = {row.employer_id: row for row in current}
    gone = [row.employer for pk, row in have.items() if pk not in {e.pk for e in wanted}]
    new = [e for e in wanted if e.pk not in have]
    _forbid_out_of_sight_removal(actor, gone)
    ContractEmployer.objects.filter(contract=contract, employer__in=gone).delete()
    ContractEmployer.objects.bulk_create(
        ContractEmployer(contract=contract, employer=e) for e in new
    )
    _record_coverage(actor, contract, added=new, removed=gone)


def _forbid_out_of_sight_removal(actor, employers) -> None:
    if actor is None or not employers:
        return
    seen = set(
        Employer.objects.visible_to(actor)
        .filter(pk__in=[e.pk for e in employers])
        .values_list("pk", flat=True)
    )
    if len(seen) != len(employers):
        raise ValidationError({"employers": _("不能移除不在您管理范围内的覆盖企业")})


def _record_coverage(actor, contract, *, added=(), removed=()) -> None:
    if not added and not removed:
        return
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=contract,
        changes={COVERAGE: [_names(removed) or None, _names(added) or None]},
    )  # fmt: skip


@transaction.atomic
def add_employers(*, actor, contract: CollectiveContract, employers) -> list[Employer]:
    """Cover more employers; those already covered are skipped. Returns the ones added."""
    contract = _locked(actor, contract)
    if not employers:
        raise ValidationError({"employers": _("请选择要覆盖的企业")})
    chosen = _visible_employers(actor, employers)
    have = set(contract.coverage.values_list("employer_id", flat=True))
    new = [e for e in chosen if e.pk not in have]
    _enterprise_check(contract.scope, len(have) + len(new))
    ContractEmployer.objects.bulk_create(
        ContractEmployer(contract=contract, employer=e) for e in new
    )
    _record_coverage(actor, contract, added=new)
    return new


@transaction.atomic
def remove_employer(*, actor, coverage: ContractEmployer) -> None:
    """Take one employer off a contract."""
    contract = _locked(actor, coverage.contract)
    coverage = ContractEmployer.objects.select_related("employer").get(pk=coverage.pk)
    _record_coverage(actor, contract, removed=[coverage.employer])
    coverage.delete()
