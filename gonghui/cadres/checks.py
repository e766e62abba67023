"""Input checks the cadres services share. Each adds its message to `errors` under the field's
name, so a form or the API shows every problem at once beside its field."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gonghui.core.validators import name_error


def text(value, field: str, label: str, limit: int, errors: dict, *, required=False) -> str:
    value = "" if value is None else str(value).strip()
    if required and not value:
        errors[field] = _("请填写%(label)s") % {"label": label}
    elif len(value) > limit:
        errors[field] = _("%(label)s不能超过 %(n)d 个字（现有 %(len)d 个）") % {
            "label": label, "n": limit, "len": len(value),
        }  # fmt: skip
    return value


def person(value, field: str, label: str, errors: dict) -> str:
    value = text(value, field, label, 50, errors, required=True)
    if field not in errors and (error := name_error(value, label)):
        errors[field] = error
    return value


def whole(value, field: str, label: str, errors: dict, *, low=0, high=100, required=True):
    """A whole number in [low, high]; None when optional and empty."""
    if value in (None, ""):
        if required:
            errors[field] = _("请填写%(label)s") % {"label": label}
        return None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None:
        errors[field] = _("%(label)s应为整数") % {"label": label}
        return None
    if not low <= number <= high:
        errors[field] = _("%(label)s应在 %(low)d～%(high)d 之间") % {
            "label": label, "low": low, "high": high,
        }  # fmt: skip
    return number


def score(value, field: str, label: str, errors: dict, *, required=True, high=100):
    """A score with at most one decimal place in [0, high], as Decimal."""
    if value in (None, ""):
        if required:
            errors[field] = _("请填写%(label)s") % {"label": label}
        return None
    if isinstance(value, bool | float):
        value = str(value) if isinstance(value, float) else None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, TypeError):
        errors[field] = _("%(label)s应为数字") % {"label": label}
        return None
    if not number.is_finite() or number != number.quantize(Decimal("0.1")):
        errors[field] = _("%(label)s最多保留一位小数") % {"label": label}
        return None
    if not 0 <= number <= high:
        errors[field] = _("%(label)s应在 0～%(high)d 之间") % {"label": label, "high": high}
    return number


def date(value, field: str, label: str, errors: dict, *, required=True):
    if value in (None, ""):
        if required:
            errors[field] = _("请填写%(label)s") % {"label": label}
        return None
    if not isinstance(value, datetime.date):
        errors[field] = _("%(label)s应为日期") % {"label": label}
        return None
    return value


def month(value, field: str, errors: dict, *, today: datetime.date):
    """The first day of a month that has begun (a record is of work done)."""
    if not isinstance(value, datetime.date):
        errors[field] = _("请选择月份")
        return None
    first = value.replace(day=1)
    if first > today:
        errors[field] = _("%(m)s尚未开始，不能填报") % {"m": f"{first:%Y年%m月}"}
    return first


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
