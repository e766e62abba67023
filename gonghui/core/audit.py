"""Writing the audit log. Services snapshot a record before and after a change and call `record`."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy

from gonghui.core.models import AuditAction, AuditEntry


def _display(obj: models.Model, field_name: str):
    field = obj._meta.get_field(field_name)
    if field.is_relation:
        related = getattr(obj, field_name)
        return str(related) if related is not None else None
    value = getattr(obj, field_name)
    if field.choices and value not in (None, ""):
        return str(getattr(obj, f"get_{field_name}_display")())
    if isinstance(value, datetime.date | Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model) -> dict:
    """The audited fields of `obj` as display values. Models list them in `audit_fields`; personal
    data is listed through its masked column so the log never holds it in clear."""
    return {name: _display(obj, name) for name in obj.audit_fields}


def diff(before: dict, after: dict) -> dict:
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def record(
    *,
    actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    changes: dict | None = None,
) -> AuditEntry | None:
    if changes is None:
        changes = diff(before or {}, after or {})
    if action == AuditAction.UPDATE and not changes:
        return None  # nothing changed: nothing to say
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        org_path=getattr(obj, "audit_org_path", "") or "",
        changes=changes,
    )


def updated(obj: models.Model, *, actor, before: dict) -> AuditEntry | None:
    """Log an update of `obj` against `before` (its snapshot before the change): what changed."""
    return record(
        actor=actor, action=AuditAction.UPDATE, obj=obj, before=before, after=snapshot(obj)
    )


def saved(obj: models.Model, *, actor, before: dict, **save_options) -> models.Model:
    """Save `obj` and log the update (the end of every service that edits a record, after
    core.scoping.lock_for_edit began it and the service's checks passed)."""
    obj.save(**save_options)
    updated(obj, actor=actor, before=before)
    return obj


# A worker acting in the portal (/m/) has no user account: their entries name the channel.
VIA = "渠道"
PORTAL = gettext_lazy("职工端")


def record_change(
    *, actor, action: str, obj: models.Model, before: dict | None = None, after: dict | None = None
) -> AuditEntry | None:
    """`record` from snapshots, for the services a worker reaches through the portal: there
    `actor` is None and the entry says it was the worker, through the portal."""
    changes = diff(before or {}, after or {})
    if actor is None:
        changes[VIA] = [None, str(PORTAL)]
    return record(actor=actor, action=action, obj=obj, changes=changes)


def record_bulk_create(*, actor, objs: Iterable[models.Model]) -> None:
    """One insert for many audit rows (imports, demo)."""
    entries = []
    for obj in objs:
        entries.append(
            AuditEntry(
                actor=actor if getattr(actor, "pk", None) else None,
                action=AuditAction.CREATE,
                content_type=ContentType.objects.get_for_model(obj),
                object_id=str(obj.pk),
                object_repr=str(obj)[:200],
                org_path=getattr(obj, "audit_org_path", "") or "",
                changes=diff({}, snapshot(obj)),
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=2000)  # tells the caches (core.versions)
