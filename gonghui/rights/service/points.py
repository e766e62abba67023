"""Service points (维权服务点): the county's legal-aid centre (法律援助中心) and its outposts at the
court, the HR bureau, the industrial park and the towns. The only code that writes them.

A point belongs to a union (usually the county federation or a town federation); its clerks and
administrators (and those above) add, edit and deactivate it. A point is never deleted: its rota
and its receptions stay; a deactivated one leaves the portal and the forms. Every write is audited.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import lock_for_edit
from gonghui.rights.choices import PointKind
from gonghui.rights.models import ServicePoint
from gonghui.rights.service import checks

FIELDS = ("name", "kind", "address", "phone", "hours", "is_active")


def _clean(fields: dict, errors: dict) -> dict:
    return {
        "name": checks.text(fields, "name", _("服务点名称"), 100, errors, required=True),
        "kind": checks.choice(fields.get("kind"), "kind", _("服务点类型"), PointKind, errors),
        "address": checks.text(fields, "address", _("地址"), 200, errors),
        "phone": checks.text(fields, "phone", _("联系电话"), 30, errors),
        "hours": checks.text(fields, "hours", _("接待时间"), 100, errors),
        "is_active": checks.boolean(fields.get("is_active", True), "is_active", _("启用"), errors),
    }


def _unique_name(organisation, name: str, errors: dict, *, exclude=None) -> None:
    same = ServicePoint.objects.filter(organisation=organisation, name=name)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if name and "name" not in errors and same.exists():
        errors["name"] = _("%(org)s已有名为“%(name)s”的服务点") % {
            "org": organisation.name,
            "name": name,
        }


@transaction.atomic
def create_point(*, actor, organisation, **fields) -> ServicePoint:
    errors: dict = {}
    checks.organisation(actor, organisation, errors)
    values = _clean(fields, errors)
    if organisation is not None:
        _unique_name(organisation, values["name"], errors)
    checks.raise_if(errors)
    point = ServicePoint.objects.create(organisation=organisation, **values)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=point, after=audit.snapshot(point))
    return point


@transaction.atomic
def update_point(*, actor, point: ServicePoint, **fields) -> ServicePoint:
    """Change what the point shows (name, kind, address, phone, hours, on/off); its union stays."""
    point = lock_for_edit(point, actor=actor)
    errors: dict = {}
    checks.fixed_organisation(point.organisation, fields, errors)
    merged = {name: fields.get(name, getattr(point, name)) for name in FIELDS}
    values = _clean(merged, errors)
    _unique_name(point.organisation, values["name"], errors, exclude=point.pk)
    checks.raise_if(errors)
    before = audit.snapshot(point)
    for name, value in values.items():
        setattr(point, name, value)
    point.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=point, before=before,
        after=audit.snapshot(point),
    )  # fmt: skip
    return point


def deactivate_point(*, actor, point: ServicePoint) -> ServicePoint:
    """The point closes: off the portal and the forms; its rota and receptions stay."""
    return update_point(actor=actor, point=point, is_active=False)
