"""Carrying out a validated plan: the registry writes of an import, each one audited.

Organisations go one by one through the organisation services (files are small and the tree
rules live there). Employers are bulk-created and bulk-updated. Members are the big files: their
rows are computed in plain Python (no model instance per row) while they are written in one pass,
through COPY on PostgreSQL, and then one audit row per member in a second pass. Unchanged rows
write nothing and leave no audit entry.
"""

import datetime
import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg.copy import QueuedLibpqWriter

from gonghui.core import audit, pii, versions
from gonghui.core.models import AuditAction, AuditEntry, Organisation
from gonghui.core.pinyin import initials
from gonghui.core.services import orgs as org_services
from gonghui.core.sheets.rows import Errors, Plan, Progress, RowError
from gonghui.registry.choices import EmploymentForm, MemberSource, MemberStatus, OperatingStatus
from gonghui.registry.imports.validate import ORG_FIELDS, MemberUpdate, OrgRow
from gonghui.registry.models import Employer, Member

BATCH = 2000


class WriteFailed(Exception):
    """A service refused a row while writing (e.g. a change of kind its children forbid); the
    transaction is rolled back and the errors are reported like the validation's."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class Conflict(Exception):
    """The data changed between validation and writing; importing again sorts it out."""


def take_write_lock() -> None:
    """SQLite: make the import's transaction a writer with its first statement. In WAL mode a
    transaction that has read cannot start writing once another connection has written (the
    web pages write sessions on every request): it fails at once, whatever the busy timeout.
    PostgreSQL locks rows, not the database, and needs nothing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Member._meta.db_table)
            cursor.execute(f"UPDATE {table} SET id = id WHERE 0")  # takes the lock, changes nothing


def _entry(actor, action: str, obj, changes: dict, content_type=None) -> AuditEntry:
    """The row `gonghui.core.audit.record` writes, unsaved, for writing many at once."""
    return AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=content_type or ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        org_path=getattr(obj, "audit_org_path", "") or "",
        changes=changes,
    )


def _batches(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------------------------
# 工会组织
# ---------------------------------------------------------------------------------------------


def write_unions(plan: Plan, actor, errors: Errors, progress: Progress | None = None) -> None:
    """Updates first (a parent's new kind may be what allows a new child), then creations,
    parents before children."""
    total, done = len(plan.updates) + len(plan.creates), 0
    for row, existing, changes in plan.updates:
        _org_service(errors, row, org_services.update_organisation, organisation=existing,
                     actor=actor, **changes)  # fmt: skip
        done += 1
    created: dict[int, Organisation] = {}
    for entry in plan.creates:
        values = entry.row.values
        parent = entry.parent
        if isinstance(parent, OrgRow):
            parent = created.get(parent.row.number) or parent.existing
        fields = {f: values[f] for f in ORG_FIELDS if f in values and f != "kind"}
        org = _org_service(
            errors,
            entry.row,
            org_services.create_organisation,
            actor=actor,
            name=values["name"],
            kind=values["kind"],
            parent=parent,
            **fields,
        )
        created[entry.row.number] = org
        done += 1
        if progress:
            progress(done, total, _("写入"))


def _org_service(errors: Errors, row, service, **kwargs):
    try:
        return service(**kwargs)
    except ValidationError as exc:
        known = {c.field for c in errors.template.columns}
        for name, messages in exc.message_dict.items():
            for message in messages:
                errors.add(row, name if name in known else "", message)
        raise WriteFailed(errors.sorted()) from exc


# ---------------------------------------------------------------------------------------------
# 单位
# ---------------------------------------------------------------------------------------------


def write_units(plan: Plan, actor, errors: Errors, progress: Progress | None = None) -> None:
    now = timezone.now()
    new = []
    for values in plan.creates:
        employer = Employer(**values)
        employer.name_initials = initials(employer.name)
        new.append(employer)
    Employer.objects.bulk_create(new, batch_size=BATCH)
    audit.record_bulk_create(actor=actor, objs=new)
    if plan.updates:
        _update_employers(plan.updates, actor, now)


def _update_employers(updates: list, actor, now) -> None:
    pks = [current.pk for current, _changes in updates]
    locked = Employer.objects.select_for_update(of=("self",)).select_related("territory", "union")
    fresh = locked.in_bulk(pks)
    if len(fresh) != len(pks):
        raise Conflict
    entries, fields = [], {"updated_at", "name_initials"}
    today = timezone.localdate()
    for current, changes in updates:
        employer = fresh[current.pk]
        before = audit.snapshot(employer)
        had_union = employer.union_id is not None
        was_operating = employer.operating_status == OperatingStatus.OPERATING
        for name, value in changes.items():
            setattr(employer, name, value)
        if "union" in changes and _union_since_changed(employer, had_union, today):
            fields.add("union_since")
        if "operating_status" in changes and _closed_on_changed(employer, was_operating, today):
            fields.add("closed_on")
        employer.name_initials = initials(employer.name)
        employer.updated_at = now
        fields.update(changes)
        diff = audit.diff(before, audit.snapshot(employer))
        if diff:
            entries.append(_entry(actor, AuditAction.UPDATE, employer, diff))
    Employer.objects.bulk_update(list(fresh.values()), sorted(fields), batch_size=BATCH)
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH)


def _closed_on_changed(employer: Employer, was_operating: bool, today: datetime.date) -> bool:
    """As registry.services does: the import day is the day a closed employer stopped, for the
    figures as of a past date; operating again clears it."""
    operating = employer.operating_status == OperatingStatus.OPERATING
    if operating and employer.closed_on is not None:
        employer.closed_on = None
        return True
    if not operating and was_operating:
        employer.closed_on = today
        return True
    return False


def _union_since_changed(employer: Employer, had_union: bool, today: datetime.date) -> bool:
    """As registry.services does for one employer: an employer that gets its first union from
    the file was founded on the import day; one that loses it has no founding date. New rows
    keep it empty (historical data: when their union was founded is not known)."""
    if employer.union_id is not None and not had_union:
        employer.union_since = today
        return True
    if employer.union_id is None and had_union:
        employer.union_since = None
        return True
    return False


# ---------------------------------------------------------------------------------------------
# 会员
# ---------------------------------------------------------------------------------------------

# The member table's columns in the order NewMembers fills them.
MEMBER_COLUMNS = (
    "id",
    "name",
    "name_initials",
    "id_number",
    "id_hash",
    "id_masked",
    "id_last4",
    "gender",
    "birth_year",
    "phone",
    "phone_hash",
    "phone_masked",
    "union_id",
    "employer_id",
    "employment_form",
    "is_migrant_worker",
    "joined_on",
    "status",
    "left_on",
    "leave_reason",
    "source",
    "created_at",
    "updated_at",
)
AUDIT_COLUMNS = (
    "timestamp",
    "actor_id",
    "action",
    "content_type_id",
    "object_id",
    "object_repr",
    "org_path",
    "changes",
)


_json_text = json.encoder.encode_basestring_ascii  # what json.dumps does to a str, in C


class NewMembers:
    """The rows of the new members, computed while they are written (so on PostgreSQL the
    encryption and hashing overlap the server's work), and their audit entries alongside:
    exactly what Member.set_id_number / set_phone and gonghui.core.audit.snapshot produce.

    This loop runs once per member of a file of a hundred thousand: it calls no per-row helper
    that it can inline (the masks of the normalised numbers, the audit entry's JSON, whose
    constant parts are written once)."""

    def __init__(self, plan: Plan, progress: Progress | None = None):
        self.creates = plan.creates
        self.updates: list[MemberUpdate] = plan.updates
        self.progress = progress
        self.audit: list[tuple[str, str, str]] = []  # (object_repr, org_path, changes json)

    def __len__(self) -> int:
        return len(self.creates)

    def __iter__(self):
        now = timezone.now()
        encrypt, keyed_hash, text = pii.encrypter(), pii.keyed_hash, _json_text
        form_labels = {value: text(str(label)) for value, label in EmploymentForm.choices}
        standard = EmploymentForm.STANDARD.value
        active = MemberStatus.ACTIVE.value
        # audit.snapshot's fields in order; None values are left out, as audit.diff does.
        status_part = f', "status": [null, {text(str(MemberStatus.ACTIVE.label))}]'
        tail = status_part + ', "leave_reason": [null, ""]}'
        source = MemberSource.IMPORT.value
        audit_rows, progress, total = self.audit, self.progress, len(self.creates)
        union_names: dict[int, str] = {}
        for done, values in enumerate(self.creates, start=1):
            rid, name, union = values["id_number"], values["name"], values["union"]
            number = rid.number
            id_masked = number[:6] + "********" + number[-4:]  # mask_resident_id, normalised
            phone = values.get("phone") or ""
            phone_masked = phone[:3] + "****" + phone[-4:] if phone else ""  # mask_mobile
            employer = values.get("employer")
            form = values.get("employment_form") or standard
            migrant = bool(values.get("is_migrant_worker"))
            joined = values["joined_on"]
            yield (
                name,
                initials(name),
                encrypt(number),
                values["id_hash"],
                id_masked,
                number[-4:],
                rid.gender,
                rid.birth_date.year,
                encrypt(phone) if phone else "",
                keyed_hash(phone) if phone else "",
                phone_masked,
                union.pk,
                employer[0] if employer else None,
                form,
                migrant,
                joined,
                active,
                None,
                "",
                source,
                now,
                now,
            )
            union_json = union_names.get(union.pk)
            if union_json is None:
                union_json = union_names[union.pk] = text(union.name)
            changes = (
                f'{{"name": [null, {text(name)}], "id_masked": [null, "{id_masked}"], '
                f'"phone_masked": [null, "{phone_masked}"], "union": [null, {union_json}], '
                + (f'"employer": [null, {text(employer[1])}], ' if employer else "")
                + f'"employment_form": [null, {form_labels[form]}], '
                f'"is_migrant_worker": [null, {"true" if migrant else "false"}], '
                f'"joined_on": [null, "{joined}"]{tail}'
            )
            audit_rows.append((f"{name}（{id_masked}）"[:200], union.path, changes))
            if progress and done % BATCH == 0:
                progress(done, total, _("写入"))


def _member_line(row: tuple) -> str:
    """A row of NewMembers (with its id first) as COPY text. Only the name is free text; every
    other column is a number, a code, a date, a hash, a mask or base64, none of which COPY
    escapes (the masks and hashes are made here, the codes are the choices')."""
    (pk, name, initials_, id_number, id_hash, id_masked, last4, gender, birth_year, phone,
     phone_hash, phone_masked, union, employer, form, migrant, joined, status, _left, _reason,
     source, created, _updated) = row  # fmt: skip
    stamp = created.isoformat()
    return (
        f"{pk}\t{name.translate(_COPY_ESCAPES)}\t{initials_}\t{id_number}\t{id_hash}\t"
        f"{id_masked}\t{last4}\t{gender}\t{birth_year}\t{phone}\t{phone_hash}\t{phone_masked}\t"
        f"{union}\t{NULL if employer is None else employer}\t{form}\t{'t' if migrant else 'f'}\t"
        f"{joined.isoformat()}\t{status}\t\\N\t\t{source}\t{stamp}\t{stamp}"
    )


def _audit_line(row: tuple) -> str:
    stamp, actor_id, action, content_type, object_id, repr_, path, changes = row
    escapes = _COPY_ESCAPES
    return (
        f"{stamp}\t{NULL if actor_id is None else actor_id}\t{action}\t{content_type}\t"
        f"{object_id}\t{repr_.translate(escapes)}\t{path.translate(escapes)}\t"
        f"{changes.translate(escapes)}"
    )


def prepare_members(plan: Plan, progress: Progress | None = None) -> NewMembers:
    return NewMembers(plan, progress)


def write_members(members: NewMembers, actor, errors: Errors, progress=None) -> None:
    now = timezone.now()
    # COPY's line is text; SQLite's executemany adapts the datetime itself.
    stamp = now.isoformat() if connection.vendor == "postgresql" else now
    ids = insert_rows(Member, MEMBER_COLUMNS, members, count=len(members), line=_member_line)
    content_type = ContentType.objects.get_for_model(Member).pk
    actor_id = actor.pk if getattr(actor, "pk", None) else None
    create = AuditAction.CREATE.value
    insert_rows(
        AuditEntry,
        AUDIT_COLUMNS,
        (
            (stamp, actor_id, create, content_type, str(pk), repr_, path, changes)
            for pk, (repr_, path, changes) in zip(ids, members.audit, strict=True)
        ),
        count=len(ids),
        with_ids=False,
        line=_audit_line,
    )
    versions.audited_write()  # COPY sends no signal: the figures and the workbench count afresh
    if members.updates:
        _update_members(members.updates, actor, now)


def _update_members(updates: list[MemberUpdate], actor, now) -> None:
    entries, changed_fields, members = [], {"updated_at"}, []
    content_type = ContentType.objects.get_for_model(Member)
    employer_pks = {u.changes["employer"][0] for u in updates if u.changes.get("employer")}
    employers = Employer.objects.in_bulk(employer_pks)
    for batch in _batches(updates):
        locked = (
            Member.objects.select_for_update(of=("self",))
            .filter(status=MemberStatus.ACTIVE)
            .select_related("union", "employer")
            .defer("id_number", "phone")
        )
        fresh = locked.in_bulk([u.pk for u in batch])
        if len(fresh) != len(batch):
            raise Conflict
        for update in batch:
            member = fresh[update.pk]
            before = audit.snapshot(member)
            changed_fields.update(_apply_member(member, update.changes, employers))
            member.updated_at = now
            members.append(member)
            diff = audit.diff(before, audit.snapshot(member))
            if diff:
                entries.append(_entry(actor, AuditAction.UPDATE, member, diff, content_type))
    Member.objects.bulk_update(members, sorted(changed_fields), batch_size=BATCH)
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH)


def _apply_member(member: Member, changes: dict, employers: dict) -> set[str]:
    fields = set()
    for name, value in changes.items():
        if name == "phone":
            member.set_phone(value)
            fields.update({"phone", "phone_hash", "phone_masked"})
        elif name == "employer":
            member.employer = employers[value[0]] if value else None
            fields.add("employer")
        else:
            setattr(member, name, value)
            fields.add(name)
        if name == "name":
            member.name_initials = initials(value)
            fields.add("name_initials")
    return fields


# ---------------------------------------------------------------------------------------------
# Bulk insert: COPY on PostgreSQL, executemany elsewhere
# ---------------------------------------------------------------------------------------------


def insert_rows(model, columns: tuple[str, ...], rows, *, count: int, line, with_ids=True) -> list:
    """Insert `count` rows (values for `columns`, without "id" when `columns` starts with it)
    in one pass, consuming `rows` as they are written; returns the new primary keys when
    `with_ids`. On PostgreSQL the rows go through COPY, sent by a separate thread so that
    computing the next rows and the server's work on the last ones overlap, each as `line(row)`,
    the row as a line of COPY's text format built by the caller, who knows its columns' types."""
    if not count:
        return []
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        ids = _allocate_ids(cursor, model._meta.db_table, count) if with_ids else []
        if with_ids:
            rows = ((pk, *row) for pk, row in zip(ids, rows, strict=True))
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            sql = f"COPY {table} ({names}) FROM STDIN"
            with raw.copy(sql, writer=QueuedLibpqWriter(raw)) as copy:
                for chunk in copy_text(rows, line=line):
                    copy.write(chunk)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            batch = []
            for row in rows:
                batch.append(_adapt(row))
                if len(batch) >= 10 * BATCH:
                    cursor.executemany(sql, batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
    return ids


NULL = "\\N"  # COPY text's null
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(rows, *, line, lines_per_chunk: int = BATCH):
    """COPY's text format, a chunk of lines at a time: one write per chunk instead of
    psycopg's per-row adaptation, which was a quarter of a large import's time."""
    lines = []
    for row in rows:
        lines.append(line(row))
        if len(lines) >= lines_per_chunk:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"


def _allocate_ids(cursor, table: str, count: int) -> list[int]:
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]
    # SQLite writes one transaction at a time; the rows above the current maximum are ours.
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
    start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def _adapt(row: tuple) -> tuple:
    ops = connection.ops
    return tuple(
        ops.adapt_datetimefield_value(v)
        if isinstance(v, datetime.datetime)
        else ops.adapt_datefield_value(v)
        if isinstance(v, datetime.date)
        else v
        for v in row
    )
