"""Input checks shared by the services of the service area (counsel, service points and rota,
receptions, outreach). Each adds its message to an `errors` dict under the field's name, so that a
form or the API shows every problem at once, next to the field it is about."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.core.validators import name_error

# Beyond this a count is a typing error, not a fact (a county has some hundred thousand workers).
MAX_COUNT = 1_000_000


def same_line(path_a: str, path_b: str) -> bool:
    """Whether two organisations lie on one line of the tree (one is the other or above it):
    a county's lawyer serves a town's point, a town's lawyer the county's centre, but town A's
    lawyer never town B's point."""
    return path_a.startswith(path_b) or path_b.startswith(path_a)


def text(fields: dict, field: str, label: str, limit: int, errors: dict, *, required=False) -> str:
    value = fields.get(field)
    value = "" if value is None else str(value).strip()
    if required and not value:
        errors[field] = _("请填写%(label)s") % {"label": label}
    elif len(value) > limit:
        errors[field] = _("%(label)s不能超过 %(n)d 个字（现有 %(len)d 个）") % {
            "label": label,
            "n": limit,
            "len": len(value),
        }
    return value


def name(fields: dict, field: str, label: str, limit: int, errors: dict) -> str:
    """A required person's name, refused when it begins as a spreadsheet formula."""
    value = text(fields, field, label, limit, errors, required=True)
    if field not in errors and (error := name_error(value, label)):
        errors[field] = error
    return value


def count(value, field: str, label: str, errors: dict, *, minimum: int = 0) -> int:
    """A whole number between `minimum` and MAX_COUNT (not a bool, not 1.5, not "一")."""
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


def choice(value, field: str, label: str, choices, errors: dict) -> str:
    if value not in choices.values:
        errors[field] = _("请选择%(label)s") % {"label": label}
    return value


def past_date(value, field: str, label: str, errors: dict) -> datetime.date | None:
    """A date no later than today (what happened, not what is planned)."""
    if not isinstance(value, datetime.date):
        errors[field] = _("请填写%(label)s") % {"label": label}
        return None
    if value > timezone.localdate():
        errors[field] = _("%(label)s（%(day)s）不能晚于今天") % {"label": label, "day": value}
    return value


def organisation(actor, value, errors: dict, *, field: str = "organisation"):
    if value is None:
        errors[field] = _("请选择所属工会")
    elif not may_edit_org(actor, value):
        errors[field] = OUT_OF_SCOPE
    return value


def boolean(value, field: str, label: str, errors: dict) -> bool:
    if not isinstance(value, bool):
        errors[field] = _("%(label)s应为是或否") % {"label": label}
        return True
    return value


def fixed_organisation(current, changes: dict, errors: dict) -> None:
    """The owning organisation is set at creation: an edit may resend it, not change it."""
    new = changes.get("organisation", current)
    if new is not None and new != current:
        errors["organisation"] = _("所属工会创建后不能更改")


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
