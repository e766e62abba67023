"""Checking every row of a spreadsheet before anything is written.

Three steps: the header row against the template and every cell through its column's parser
(both in `core.sheets.rows`); then each kind's rules over all rows at once, with bulk look-ups
(organisations by name, employers by credit code, members by ID hash) instead of a query per row.
Every problem becomes a `RowError` (row, column, reason); the result is a plan of creates and
updates that `write` carries out.

Scope: a referenced organisation or employer must be one the actor may edit; one outside that
scope is reported exactly like one that does not exist. A relation a row leaves as it is may lie
outside the scope (an exported file re-imports), as in the services.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import pii
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.models.orgs import (
    ALLOWED_CHILDREN,
    COVERING_KINDS,
    TERRITORIAL_KINDS,
    admission_error,
)
from gonghui.core.services.orgs import UNION_CODE_PREFIX
from gonghui.core.sheets.cells import CellError
from gonghui.core.sheets.rows import (
    PROGRESS_EVERY,
    Errors,
    Plan,
    Row,
)
from gonghui.registry import services
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Employer, Member

LOOKUP_CHUNK = 5000


# ---------------------------------------------------------------------------------------------
# Look-ups shared by the kinds
# ---------------------------------------------------------------------------------------------


def _chunks(items: Iterable, size: int = LOOKUP_CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def editable_orgs(actor):
    """The organisations `actor` may attach records to; no actor is the system (all)."""
    return Organisation.objects.all() if actor is None else Organisation.objects.editable_by(actor)


def editable_employers(actor):
    return Employer.objects.all() if actor is None else Employer.objects.editable_by(actor)


def _not_found(name: str) -> str:
    return _("“%(name)s”不存在或不在您的管理范围内") % {"name": name}


class OrgNames:
    """Organisations by name, among those the actor may edit: one query for a whole file."""

    def __init__(self, actor, names: Iterable[str]):
        self.by_name: dict[str, list[Organisation]] = defaultdict(list)
        for chunk in _chunks({n for n in names if n}):
            for org in editable_orgs(actor).filter(name__in=chunk).select_related("parent"):
                self.by_name[org.name].append(org)

    def find(self, name: str) -> Organisation | None:
        """The one organisation of that name; None if none. Names are unique within a county,
        so more than one means several counties, which only the system can see."""
        found = self.by_name.get(name, [])
        if len(found) > 1:
            raise CellError(_("多个县都有名为“%(name)s”的组织，无法确定") % {"name": name})
        return found[0] if found else None


def _resolve(
    row: Row,
    name_field: str,
    orgs: OrgNames,
    errors: Errors,
    *,
    current: Organisation | None = None,
    kinds=None,
    kind_message: str = "",
    check=None,
):
    """The organisation a row names in `name_field`, None for an empty cell, or MISSING after
    reporting why. The current relation is kept even outside the actor's scope. `kinds` (with
    `kind_message`) or `check(org) -> message or ""` says which organisations the column takes."""
    name = row.values.get(name_field)
    if name is None:
        return None
    if current is not None and current.name == name:
        return current
    try:
        org = orgs.find(name)
    except CellError as exc:
        errors.add(row, name_field, exc.args[0])
        return MISSING
    if org is None:
        errors.add(row, name_field, _not_found(name))
        return MISSING
    if kinds is not None and org.kind not in kinds:
        errors.add(row, name_field, kind_message)
        return MISSING
    if check is not None and (message := check(org)):
        errors.add(row, name_field, message)
        return MISSING
    return org


MISSING = object()


def _changes(current, values: dict, fields: Iterable[str]) -> dict:
    """{field: new value} for the fields whose value differs from the record's. A field whose
    column is not in the file is left as it is."""
    changed = {}
    for name in fields:
        if name not in values:
            continue
        new = values[name]
        old = getattr(current, current._meta.get_field(name).attname)
        if (new.pk if isinstance(new, Organisation) else new) != old:
            changed[name] = new
    return changed


def _duplicates(rows: list[Row], key_field: str, errors: Errors, message: str) -> None:
    """A key (credit code, name) twice in one file: the later rows are wrong."""
    first: dict = {}
    for row in rows:
        key = row.values.get(key_field)
        if key is None:
            continue
        key = getattr(key, "number", key)
        if key in first:
            errors.add(row, key_field, message % {"row": first[key]})
        else:
            first[key] = row.number


# ---------------------------------------------------------------------------------------------
# 单位 (employers)
# ---------------------------------------------------------------------------------------------

UNIT_FIELDS = (
    "credit_code",
    "name",
    "territory",
    "union",
    "industry",
    "ownership",
    "headcount",
    "has_party_branch",
    "founded_on",
    "operating_status",
)


def validate_units(rows: list[Row], actor, errors: Errors, progress=None) -> Plan:
    plan = Plan(rows=len(rows))
    orgs = OrgNames(actor, (r.values.get(f) for r in rows for f in ("territory", "union")))
    codes = {r.values["credit_code"] for r in rows if r.values.get("credit_code")}
    existing: dict[str, Employer] = {}
    for chunk in _chunks(codes):
        related = Employer.objects.filter(credit_code__in=chunk).select_related(
            "territory", "union"
        )
        existing.update({e.credit_code: e for e in related})
    editable = set()
    for chunk in _chunks(e.pk for e in existing.values()):
        editable.update(editable_employers(actor).filter(pk__in=chunk).values_list("pk", flat=True))
    _duplicates(rows, "credit_code", errors, _("与第%(row)d行的统一社会信用代码重复"))
    today = timezone.localdate()
    for row in rows:
        values = row.values
        current = existing.get(values.get("credit_code"))
        if current is not None and current.pk not in editable:
            errors.add(row, "credit_code", services._duplicate_message(actor, current))
            current = None
        territory = _resolve(
            row,
            "territory",
            orgs,
            errors,
            current=current.territory if current else None,
            kinds=TERRITORIAL_KINDS,
            kind_message=_("属地工会须为乡镇(街道)总工会或园区工会"),
        )
        union = _resolve(
            row,
            "union",
            orgs,
            errors,
            current=current.union if current else None,
            kinds=COVERING_KINDS,
            kind_message=_("所在工会须为基层工会或联合基层工会"),
        )
        founded = values.get("founded_on")
        if founded and founded > today:
            errors.add(row, "founded_on", _("成立日期不能晚于今天"))
        if row.bad:
            continue
        if "union" in values:
            values["union"] = union
        values["territory"] = territory
        _plan_record(plan, current, values, UNIT_FIELDS)
    return plan


def _plan_record(plan: Plan, current, values: dict, fields: tuple[str, ...]) -> None:
    if current is None:
        plan.creates.append(values)
        return
    changes = _changes(current, values, fields)
    if changes:
        plan.updates.append((current, changes))
    else:
        plan.unchanged += 1


# ---------------------------------------------------------------------------------------------
# 工会组织 (organisations)
# ---------------------------------------------------------------------------------------------

ORG_FIELDS = ("kind", "credit_code", "chair", "founded_on", "term_ends_on", "status")


@dataclass
class OrgRow:
    row: Row
    existing: Organisation | None
    parent: object = None  # an Organisation, an OrgRow of this file, or None


def _counties(actor) -> list[int]:
    return list(editable_orgs(actor).values_list("county_id", flat=True).distinct())


def validate_unions(rows: list[Row], actor, errors: Errors, progress=None) -> Plan:
    plan = Plan(rows=len(rows))
    _duplicates(rows, "name", errors, _("与第%(row)d行的工会名称重复"))
    in_file = {}
    for row in rows:
        in_file.setdefault(row.values.get("name"), row)
    in_file.pop(None, None)
    orgs = OrgNames(actor, [*in_file, *(r.values.get("parent") for r in rows)])
    taken = _names_taken_elsewhere(actor, in_file, orgs)
    entries: dict[str, OrgRow] = {}
    for name, row in in_file.items():
        try:
            existing = orgs.find(name)
        except CellError as exc:
            errors.add(row, "name", exc.args[0])
            continue
        if existing is None and name in taken:
            errors.add(row, "name", _("本县已有同名工会组织，且不在您的管理范围内"))
        entries[name] = OrgRow(row, existing)
    for entry in entries.values():
        _check_org_row(entry, entries, orgs, actor, errors)
    order = _creation_order(entries, errors)
    if errors:
        return plan
    for entry in order:
        values = entry.row.values
        if entry.existing is None:
            plan.creates.append(entry)
            continue
        changes = _changes(entry.existing, values, ORG_FIELDS)
        if changes:
            plan.updates.append((entry.row, entry.existing, changes))
        else:
            plan.unchanged += 1
    return plan


def _names_taken_elsewhere(actor, in_file: dict, orgs: OrgNames) -> set[str]:
    """Names of the file already used in the actor's county by organisations they cannot edit:
    names are unique within a county, so such a row can neither create nor update."""
    if actor is None:
        return set()
    counties = _counties(actor)
    mine = [o.pk for found in orgs.by_name.values() for o in found]
    taken = set()
    for chunk in _chunks(in_file):
        taken.update(
            Organisation.objects.filter(county_id__in=counties, name__in=chunk)
            .exclude(pk__in=mine)
            .values_list("name", flat=True)
        )
    return taken


def _kind_of(parent) -> str | None:
    if isinstance(parent, OrgRow):
        return parent.row.values.get("kind")
    return parent.kind if parent is not None else None


def _name_of(parent) -> str:
    return parent.row.values["name"] if isinstance(parent, OrgRow) else parent.name


def _check_org_row(entry: OrgRow, entries: dict, orgs: OrgNames, actor, errors: Errors) -> None:
    row, existing, values = entry.row, entry.existing, entry.row.values
    kind = values.get("kind")
    parent_name = values.get("parent")
    if kind == OrgKind.COUNTY_FEDERATION:
        if parent_name:
            errors.add(row, "parent", _("县总工会不填上级工会"))
        elif existing is None and not (actor is None or actor.is_superuser):
            errors.add(row, "kind", _("只有系统管理员可以新建县总工会"))
    if kind != OrgKind.COUNTY_FEDERATION and not parent_name and kind is not None:
        errors.add(row, "parent", _("请填写上级工会"))
    if parent_name and kind != OrgKind.COUNTY_FEDERATION:
        entry.parent = _org_parent(entry, parent_name, entries, orgs, errors)
        if entry.parent is not MISSING:
            _check_parent_kind(entry, errors)
    code = values.get("credit_code")
    if code and not code.startswith(UNION_CODE_PREFIX):
        errors.add(row, "credit_code", _("工会统一社会信用代码应以81开头"))
    founded, term_end = values.get("founded_on"), values.get("term_ends_on")
    if founded and term_end and term_end < founded:
        errors.add(row, "term_ends_on", _("任期届满日期不能早于成立日期"))


def _org_parent(entry: OrgRow, parent_name: str, entries: dict, orgs: OrgNames, errors: Errors):
    row, existing = entry.row, entry.existing
    if parent_name == row.values.get("name"):
        errors.add(row, "parent", _("上级工会不能是自身"))
        return MISSING
    in_file = entries.get(parent_name)
    if existing is not None:
        # Importing never moves an organisation: the parent must be the one it has.
        current = existing.parent
        target = in_file.existing if in_file else None
        if current is not None and current.name == parent_name and (target in (None, current)):
            return in_file or current  # the file's row, whose kind may change with the import
        errors.add(
            row,
            "parent",
            _(
                "该组织已存在，上级工会是“%(current)s”；导入不会移动组织，"
                "如为另一组织请改名，如需调整上级请在组织页面使用“移动”"
            )
            % {"current": current.name if current else "—"},
        )
        return MISSING
    if in_file is not None:
        return in_file
    return _resolve(row, "parent", orgs, errors)


def _check_parent_kind(entry: OrgRow, errors: Errors) -> None:
    kind, parent_kind = entry.row.values.get("kind"), _kind_of(entry.parent)
    if kind is None or parent_kind is None or entry.parent is None:
        return
    if kind not in ALLOWED_CHILDREN[OrgKind(parent_kind)]:
        errors.add(
            entry.row,
            "kind",
            _("%(parent)s（%(parent_kind)s）下不能设立%(kind)s")
            % {
                "parent": _name_of(entry.parent),
                "parent_kind": OrgKind(parent_kind).label,
                "kind": OrgKind(kind).label,
            },
        )


def _creation_order(entries: dict, errors: Errors) -> list[OrgRow]:
    """Parents before children; a ring of new rows naming each other is an error."""
    order: list[OrgRow] = []
    state: dict[int, str] = {}

    def visit(entry: OrgRow, trail: list[OrgRow]) -> None:
        key = entry.row.number
        if state.get(key) == "done":
            return
        if state.get(key) == "visiting":
            for member in trail[trail.index(entry) :]:
                errors.add(member.row, "parent", _("上级工会关系形成循环"))
            return
        state[key] = "visiting"
        if isinstance(entry.parent, OrgRow):
            visit(entry.parent, [*trail, entry])
        state[key] = "done"
        order.append(entry)

    for entry in entries.values():
        visit(entry, [])
    return order


# ---------------------------------------------------------------------------------------------
# 会员 (members)
# ---------------------------------------------------------------------------------------------

MEMBER_FIELDS = ("name", "employer", "employment_form", "is_migrant_worker", "joined_on")
MEMBER_LOOKUP = (
    "pk",
    "id_hash",
    "union_id",
    "status",
    "name",
    "phone_hash",
    "employer_id",
    "employer__credit_code",
    "employment_form",
    "is_migrant_worker",
    "joined_on",
)


@dataclass
class MemberUpdate:
    pk: int
    changes: dict


def _active_members(hashes: Iterable[str]) -> dict[str, dict]:
    """The active membership of each ID hash, anywhere: one query per chunk of hashes (on
    PostgreSQL one array parameter, which the server parses far faster than an IN list)."""
    found = {}
    active = Member.objects.filter(status=MemberStatus.ACTIVE).order_by()
    postgres = connection.vendor == "postgresql"
    for chunk in _chunks(hashes, 50_000 if postgres else LOOKUP_CHUNK):
        if postgres:
            table = connection.ops.quote_name(Member._meta.db_table)
            match = RawSQL(f"{table}.id_hash = ANY(%s)", (chunk,), output_field=BooleanField())
            rows = active.filter(match)
        else:
            rows = active.filter(id_hash__in=chunk)
        found.update({m["id_hash"]: m for m in rows.values(*MEMBER_LOOKUP)})
    return found


def _employers_by_code(actor, codes: Iterable[str]) -> dict[str, tuple[int, str]]:
    found = {}
    for chunk in _chunks(codes):
        rows = editable_employers(actor).filter(credit_code__in=chunk)
        found.update({c: (pk, n) for c, pk, n in rows.values_list("credit_code", "pk", "name")})
    return found


class _TwinMessages:
    """Where else a person is an active member is told only to who may see that union."""

    def __init__(self, actor):
        self.actor = actor
        self.cache: dict[int, str] = {}

    def __call__(self, union_id: int) -> str:
        if union_id not in self.cache:
            twin = Member(union=Organisation.objects.get(pk=union_id))
            self.cache[union_id] = services._twin_message(self.actor, twin)
        return self.cache[union_id]


def validate_members(rows: list[Row], actor, errors: Errors, progress=None) -> Plan:
    plan = Plan(rows=len(rows))
    if progress:
        progress(0, len(rows), _("核对"))
    keyed_hash = pii.keyed_hash
    for row in rows:
        rid = row.values.get("id_number")
        if rid is not None:
            row.values["id_hash"] = keyed_hash(rid.number)
    _duplicates(rows, "id_number", errors, _("与第%(row)d行是同一人（身份号码相同）"))
    orgs = OrgNames(actor, {r.values.get("union") for r in rows})
    employers = _employers_by_code(actor, {r.values.get("employer") for r in rows} - {None})
    active = _active_members(r.values["id_hash"] for r in rows if "id_hash" in r.values)
    twin_message = _TwinMessages(actor)
    unions: dict[str, object] = {}
    future_msg = _("入会日期不能晚于今天")
    employer_msg = _("该信用代码的单位未登记，或不在您的管理范围内")
    today = timezone.localdate()
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        values = row.values
        name = values.get("union")
        if name not in unions:
            unions[name] = _resolve(row, "union", orgs, errors, check=admission_error)
        elif unions[name] is MISSING:
            _resolve(row, "union", orgs, errors, check=admission_error)
        union = unions[name]
        twin = active.get(values.get("id_hash"))
        code = values.get("employer")
        if code is not None:
            employer = employers.get(code)
            if employer is None and twin and twin["employer__credit_code"] == code:
                employer = (twin["employer_id"], "")  # kept as it is, even outside the scope
            if employer is None:
                errors.add(row, "employer", employer_msg)
            values["employer"] = employer
        joined = values.get("joined_on")
        if joined is not None and joined > today:
            errors.add(row, "joined_on", future_msg)
        if twin and union not in (None, MISSING) and twin["union_id"] != union.pk:
            errors.add(row, "id_number", twin_message(twin["union_id"]))
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total, _("核对"))
        if row.bad:
            continue
        values["union"] = union
        if twin is None:
            plan.creates.append(values)
            continue
        changes = _member_changes(twin, values)
        if changes:
            plan.updates.append(MemberUpdate(twin["pk"], changes))
        else:
            plan.unchanged += 1
    return plan


def _member_changes(current: dict, values: dict) -> dict:
    changed = {}
    for name in MEMBER_FIELDS:
        if name not in values:
            continue
        new, old = values[name], current[f"{name}_id" if name == "employer" else name]
        if name == "employer":
            new = new[0] if new else None
        if new != old:
            changed[name] = values[name]
    if "phone" in values:
        phone = values["phone"]
        if (pii.keyed_hash(phone) if phone else "") != current["phone_hash"]:
            changed["phone"] = phone
    return changed


VALIDATORS = {"unions": validate_unions, "units": validate_units, "members": validate_members}
