"""Input checks the stations services share. Each adds its message to `errors` under the field's
name, so a form or the API shows every problem at once next to its field; `raise_if` ends a
service's checking. Who may act on a station is decided here too (`may_keep`)."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gonghui.core.roles import Role
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role, may_edit_org

MAX_COUNT = 100_000  # people at one station on one day: beyond this it is a typing error
KEEPER_ROLES = frozenset({Role.STATION_KEEPER})


def text(fields: dict, field: str, label: str, limit: int, errors: dict, *, required=False) -> str:
    value = fields.get(field)
    value = "" if value is None else str(value).strip()
    if required and not value:
        errors[field] = _("请填写%(label)s") % {"label": label}
    elif len(value) > limit:
        errors[field] = _("%(label)s不能超过 %(n)d 个字（现有 %(len)d 个）") % {
            "label": label, "n": limit, "len": len(value),
        }  # fmt: skip
    return value


def choice(value, field: str, label: str, choices, errors: dict) -> str:
    if value not in choices.values:
        errors[field] = _("请选择%(label)s") % {"label": label}
    return value


def choices(values, field: str, label: str, options, errors: dict) -> list[str]:
    values = [v for v in (values or []) if v]
    bad = [v for v in values if v not in options.values]
    if bad:
        errors[field] = _("“%(bad)s”不是可选的%(label)s") % {"bad": "、".join(bad), "label": label}
    return [v for v in options.values if v in values]


def count(value, field: str, label: str, errors: dict, *, minimum: int = 0) -> int:
    if value in (None, ""):
        value = 0
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None:
        errors[field] = _("%(label)s应为整数") % {"label": label}
        return 0
    if number < minimum:
        errors[field] = _("%(label)s不能小于 %(n)d") % {"label": label, "n": minimum}
    elif number > MAX_COUNT:
        errors[field] = _("%(label)s不能大于 %(n)d") % {"label": label, "n": MAX_COUNT}
    return number


def coordinate(value, field: str, label: str, low: float, high: float, errors: dict):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        errors[field] = _("%(label)s应为数字（度），如 33.123456") % {"label": label}
        return None
    if not number.is_finite() or not (low <= number <= high):
        errors[field] = _("%(label)s应在 %(low)s 到 %(high)s 之间") % {
            "label": label, "low": low, "high": high,
        }  # fmt: skip
        return None
    return number.quantize(Decimal("0.000001"))


def time_value(value, field: str, label: str, errors: dict):
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    errors[field] = _("请填写%(label)s（时:分）") % {"label": label}
    return None


def date_value(value, field: str, label: str, errors: dict):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    errors[field] = _("请填写%(label)s") % {"label": label}
    return None


def union(actor, value, errors: dict, *, field: str = "union"):
    if value is None:
        errors[field] = _("请选择责任工会")
    elif not may_edit_org(actor, value):
        errors[field] = OUT_OF_SCOPE
    return value


def keeper_users(values, errors: dict, *, field: str = "keepers") -> list:
    from gonghui.core.models import User

    users = list(values or [])
    bad = [
        u for u in users
        if not isinstance(u, User) or not u.is_active or not holds_role(u, KEEPER_ROLES)
    ]  # fmt: skip
    if bad:
        errors[field] = _("站长须为持有“驿站管理员”角色的在用账号：%(names)s") % {
            "names": "、".join(str(u) for u in bad)
        }
    return users


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def is_keeper(actor, station) -> bool:
    if actor is None or not getattr(actor, "pk", None):
        return False
    return station.keepers.filter(pk=actor.pk).exists() or station.safety_officer_id == actor.pk


def may_manage(actor, station) -> bool:
    """Change the station itself (name, union, keepers …): the union's editors and above."""
    return actor is None or may_edit_org(actor, station.union)


def may_keep(actor, station) -> bool:
    """Keep the station day to day (hours, visits, watch, incidents, fixes, answers): its keepers
    and safety officer, and the union's editors and above. None is the system (demo)."""
    return actor is None or is_keeper(actor, station) or may_edit_org(actor, station.union)


def ensure_may_keep(actor, station) -> None:
    if not may_keep(actor, station):
        raise PermissionDenied(OUT_OF_SCOPE)


def ensure_may_manage(actor, station) -> None:
    if not may_manage(actor, station):
        raise PermissionDenied(OUT_OF_SCOPE)
