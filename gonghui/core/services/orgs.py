"""Creating, changing and moving organisations. The only code that writes Organisation rows."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, Organisation, OrgKind
from gonghui.core.models.orgs import ALLOWED_CHILDREN, path_segment
from gonghui.core.validators import validate_credit_code

EDITABLE_FIELDS = ("name", "kind", "credit_code", "chair", "founded_on", "term_ends_on", "status")


def _check_parent(kind: str, parent: Organisation | None) -> None:
    if kind == OrgKind.COUNTY_FEDERATION:
        if parent is not None:
            raise ValidationError({"parent": _("县总工会不能有上级工会")})
        return
    if parent is None:
        raise ValidationError({"parent": _("请选择上级工会")})
    if kind not in ALLOWED_CHILDREN[OrgKind(parent.kind)]:
        raise ValidationError(
            {
                "parent": _("%(parent)s（%(parent_kind)s）下不能设立%(kind)s")
                % {
                    "parent": parent.name,
                    "parent_kind": parent.get_kind_display(),
                    "kind": OrgKind(kind).label,
                }
            }
        )


def _check_fields(org: Organisation) -> None:
    if org.credit_code:
        org.credit_code = validate_credit_code(org.credit_code)
    if org.founded_on and org.term_ends_on and org.term_ends_on < org.founded_on:
        raise ValidationError({"term_ends_on": _("任期届满日期不能早于成立日期")})
    county_id = org.county_id
    clash = Organisation.objects.filter(county_id=county_id, name=org.name).exclude(pk=org.pk)
    if county_id and clash.exists():
        raise ValidationError({"name": _("本县已有名为“%(name)s”的工会组织") % {"name": org.name}})


@transaction.atomic
def create_organisation(*, actor, name: str, kind: str, parent: Organisation | None, **fields):
    _check_parent(kind, parent)
    org = Organisation(name=name.strip(), kind=kind, parent=parent, **fields)
    org.county_id = parent.county_id if parent else None
    _check_fields(org)
    # The path holds the primary key, which exists only after the insert.
    org.path = f"tmp-{uuid.uuid4().hex}"
    org.save()
    org.path = (parent.path if parent else "") + path_segment(org.pk)
    org.depth = parent.depth + 1 if parent else 0
    if parent is None:
        org.county_id = org.pk
    org.save(update_fields=["path", "depth", "county"])
    audit.record(actor=actor, action=AuditAction.CREATE, obj=org, after=audit.snapshot(org))
    return org


@transaction.atomic
def update_organisation(*, actor, organisation: Organisation, **changes) -> Organisation:
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = audit.snapshot(org)
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} cannot be changed here")
        setattr(org, name, value.strip() if isinstance(value, str) else value)
    if "kind" in changes:
        _check_parent(org.kind, org.parent)
        bad_child = org.children.exclude(kind__in=ALLOWED_CHILDREN[OrgKind(org.kind)]).first()
        if bad_child:
            raise ValidationError(
                {
                    "kind": _("下级组织“%(child)s”不能设在%(kind)s之下")
                    % {"child": bad_child.name, "kind": OrgKind(org.kind).label}
                }
            )
    _check_fields(org)
    org.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=org, before=before, after=audit.snapshot(org)
    )
    return org


@transaction.atomic
def move_organisation(*, actor, organisation: Organisation, new_parent: Organisation):
    """Move a whole subtree under `new_parent` with one UPDATE of the paths."""
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    new_parent = Organisation.objects.get(pk=new_parent.pk)
    if new_parent.path.startswith(org.path):
        raise ValidationError({"parent": _("不能移动到自身或其下级组织之下")})
    if new_parent.county_id != org.county_id:
        raise ValidationError({"parent": _("不能移动到其他县")})
    _check_parent(org.kind, new_parent)
    before = audit.snapshot(org)
    old_path, new_path = org.path, new_parent.path + path_segment(org.pk)
    depth_change = new_parent.depth + 1 - org.depth
    Organisation.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1, Length("path"))),
        depth=F("depth") + depth_change,
    )
    Organisation.objects.filter(pk=org.pk).update(parent=new_parent)
    org.refresh_from_db()
    audit.record(
        actor=actor, action=AuditAction.MOVE, obj=org, before=before, after=audit.snapshot(org)
    )
    return org
