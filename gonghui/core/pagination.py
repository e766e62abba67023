"""Keyset pagination: pages by (sort field, id) so page 20,000 costs what page 1 costs."""

import base64
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet


def encode_cursor(value, pk: int) -> str:
    raw = json.dumps([None if value is None else str(value), pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, int] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return value, int(pk)
    except (ValueError, TypeError, json.JSONDecodeError):
        return None  # a tampered or stale cursor starts again from the first page


@dataclass
class KeysetPage:
    object_list: list
    has_next: bool
    has_previous: bool
    next_cursor: str | None
    previous_cursor: str | None


def _after(field: str, descending: bool, value, pk: int) -> Q:
    op = "lt" if descending else "gt"
    if field == "pk":
        return Q(**{f"pk__{op}": pk})
    # The leading `field >= value` is implied by the rest; it is there so the database can
    # start an index range scan at the cursor instead of filtering every earlier row.
    bound = Q(**{f"{field}__{op}e": value})
    return bound & (Q(**{f"{field}__{op}": value}) | Q(**{field: value, f"pk__{op}": pk}))


def _typed_cursor(queryset: QuerySet, field: str, cursor) -> tuple | None:
    """The cursor's value as the field's Python type, or None (first page) if it is not one."""
    if cursor is None:
        return None
    value, pk = cursor
    if field == "pk":
        return value, pk
    try:
        model_field = queryset.model._meta.get_field(field)
        value = model_field.to_python(value)
    except (ValidationError, FieldDoesNotExist, TypeError, ValueError):
        return None
    return (value, pk) if value is not None else None


def paginate(
    queryset: QuerySet, *, sort: str, after: str | None, before: str | None, size: int
) -> KeysetPage:
    """`sort` is a non-null field name, optionally with a leading '-'."""
    descending = sort.startswith("-")
    field = sort.lstrip("-")
    forward = [sort, "-pk" if descending else "pk"] if field != "pk" else [sort]
    backward = [f.removeprefix("-") if f.startswith("-") else f"-{f}" for f in forward]
    raw = decode_cursor(before) if before else decode_cursor(after) if after else None
    cursor = _typed_cursor(queryset, field, raw)
    going_back = bool(before and cursor)

    qs = queryset
    if cursor:
        value, pk = cursor
        qs = qs.filter(_after(field, descending != going_back, value, pk))
    rows = list(qs.order_by(*(backward if going_back else forward))[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if going_back:
        rows.reverse()

    def cursor_of(obj):
        return encode_cursor(getattr(obj, field) if field != "pk" else obj.pk, obj.pk)

    has_next = more if not going_back else True
    has_previous = bool(cursor) and (more if going_back else True)
    return KeysetPage(
        object_list=rows,
        has_next=has_next and bool(rows),
        has_previous=has_previous and bool(rows),
        next_cursor=cursor_of(rows[-1]) if rows else None,
        previous_cursor=cursor_of(rows[0]) if rows else None,
    )
