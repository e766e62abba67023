"""Democratic management per employer (职代会, 厂务公开): the only code that writes Democracy rows.

One row per employer, made on its first edit (no row reads as "not established"). Whoever may
edit the employer's town or park, or the union covering it, may edit the row (the employer's
own scoping, for an editing role). Every change is audited.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE
from gonghui.core.validators import is_date
from gonghui.registry.models import Employer
from gonghui.rights.models import Democracy

FIELDS = (
    "congress_established",
    "congress_established_on",
    "last_congress_on",
    "open_affairs_established",
    "open_affairs_established_on",
    "star_rating",
)
STARS = (0, 5)


def _check(fields: dict, today: datetime.date) -> dict:
    errors: dict = {}
    for flag in ("congress_established", "open_affairs_established"):
        value = fields.get(flag)
        if value in (None, ""):
            fields[flag] = value = False
        if not isinstance(value, bool):
            errors[flag] = _("应为“是”或“否”")
    labels = {
        "congress_established_on": _("职代会建立日期"),
        "last_congress_on": _("最近一次职代会日期"),
        "open_affairs_established_on": _("厂务公开实行日期"),
    }
    for name, label in labels.items():
        value = fields.get(name)
        if value in (None, ""):
            fields[name] = None
        elif not is_date(value):
            errors[name] = _("%(label)s格式不正确") % {"label": label}
        elif value > today:
            errors[name] = _("%(label)s（%(d)s）不能晚于今天") % {"label": label, "d": value}
    congress = fields.get("congress_established") is True
    if not congress:
        for name in ("congress_established_on", "last_congress_on"):
            if fields.get(name) and name not in errors:
                errors[name] = _("未建立职代会制度：不应填写%(label)s") % {"label": labels[name]}
    established, last = fields.get("congress_established_on"), fields.get("last_congress_on")
    if (
        is_date(established) and is_date(last) and last < established
        and "last_congress_on" not in errors
    ):  # fmt: skip
        errors["last_congress_on"] = _("最近一次职代会（%(l)s）不能早于职代会建立日期（%(e)s）") % {
            "l": last,
            "e": established,
        }
    open_on = fields.get("open_affairs_established_on")
    if (
        fields.get("open_affairs_established") is not True
        and open_on
        and ("open_affairs_established_on" not in errors)
    ):
        errors["open_affairs_established_on"] = _("未实行厂务公开：不应填写厂务公开实行日期")
    stars = fields.get("star_rating")
    if stars in (None, ""):
        fields["star_rating"] = stars = 0
    if isinstance(stars, bool) or not isinstance(stars, int):
        errors["star_rating"] = _("星级应为 0—5 的整数")
    elif not STARS[0] <= stars <= STARS[1]:
        errors["star_rating"] = _("星级应在 0—5 之间（现为 %(n)d）") % {"n": stars}
    return errors


def _editable_employer(actor, employer) -> Employer:
    pk = getattr(employer, "pk", employer)
    found = Employer.objects.all() if actor is None else Employer.objects.editable_by(actor)
    row = found.select_for_update(of=("self",)).select_related("territory").filter(pk=pk).first()
    if row is None:
        raise PermissionDenied(OUT_OF_SCOPE)
    return row


@transaction.atomic
def save_democracy(*, actor, employer=None, democracy=None, **fields) -> Democracy:
    """Set the employer's democratic-management record (created on the first save). Fields not
    given keep their value. (`democracy` is the name the generic API passes.)"""
    if employer is None and democracy is None:
        raise TypeError("save_democracy: employer or democracy")
    employer = _editable_employer(actor, employer if employer is not None else democracy.employer)
    fields.pop("employer", None)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"save_democracy: unknown fields {sorted(unknown)}")
    row = Democracy.objects.select_for_update().filter(employer=employer).first()
    current = row or Democracy(employer=employer)
    merged = {name: fields.get(name, getattr(current, name)) for name in FIELDS}
    errors = _check(merged, timezone.localdate())
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(row) if row else {}
    for name, value in merged.items():
        setattr(current, name, value)
    current.employer = employer
    current.updated_by = actor if getattr(actor, "pk", None) else None
    current.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE if row else AuditAction.CREATE, obj=current,
        before=before, after=audit.snapshot(current),
    )  # fmt: skip
    return current
