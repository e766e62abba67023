"""Creating, changing and moving organisations. The only code that writes Organisation rows.

Every write takes a lock on its county's root row first, so writes to one county's tree happen
one at a time: two crossing moves cannot make a cycle, and a child cannot be created under a
parent whose path is being rewritten.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit, tree
from gonghui.core.models import AuditAction, AuditEntry, Organisation, OrgKind, OrgStatus
from gonghui.core.models.orgs import ALLOWED_CHILDREN, FALLBACK_KINDS, path_segment
from gonghui.core.roles import USER_ADMIN_ROLES
from gonghui.core.scoping import holds_role_at
from gonghui.core.validators import name_error, validate_credit_code

EDITABLE_FIELDS = (
    "name",
    "kind",
    "credit_code",
    "chair",
    "founded_on",
    "term_ends_on",
    "status",
    "takes_fallback_members",
    "sort_order",
)
UNION_CODE_PREFIX = "81"  # GB 32100: authority 8 (trade unions), category 1


def _lock_county(county_id: int | None) -> None:
    if county_id:
        list(Organisation.objects.select_for_update().filter(pk=county_id).values("pk"))


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
    errors = {}
    if org.credit_code:
        try:
            org.credit_code = validate_credit_code(org.credit_code)
        except ValidationError as exc:
            errors["credit_code"] = exc.messages
        else:
            if not org.credit_code.startswith(UNION_CODE_PREFIX):
                errors["credit_code"] = _("工会统一社会信用代码应以81开头")
    if not org.name:
        errors["name"] = _("请填写工会名称")
    chair = name_error((org.chair or "").strip(), _("工会主席"))
    if chair:
        errors["chair"] = chair  # a person's name: never a formula
    if org.takes_fallback_members and org.kind not in FALLBACK_KINDS:
        errors["takes_fallback_members"] = _("只有乡镇(街道)总工会和园区工会可以设为兜底入会")
    if org.founded_on and org.term_ends_on and org.term_ends_on < org.founded_on:
        errors["term_ends_on"] = _("任期届满日期不能早于成立日期")
    clash = Organisation.objects.filter(county_id=org.county_id, name=org.name).exclude(pk=org.pk)
    if org.county_id and clash.exists():
        errors["name"] = _("本县已有名为“%(name)s”的工会组织") % {"name": org.name}
    if errors:
        raise ValidationError(errors)


def _check_fallback_setter(actor, org: Organisation, at: Organisation | None) -> None:
    """Marking a town or park as taking fallback members (兜底入会) is the administrator's
    decision: an administrator at `at` (the organisation, or its parent when it is new) or above."""
    if at is not None and not holds_role_at(actor, at, USER_ADMIN_ROLES):
        raise ValidationError({"takes_fallback_members": _("兜底入会只能由管理员设置")})


def _check_may_sort(actor, org: Organisation) -> None:
    """The county's order of its towns and unions is the administrators' to set."""
    if not holds_role_at(actor, org, USER_ADMIN_ROLES):
        raise ValidationError({"sort_order": _("只有管理员可以调整排序号")})


def _save(org: Organisation, **kwargs) -> None:
    try:
        with transaction.atomic():
            org.save(**kwargs)
    except IntegrityError as exc:  # the same name saved concurrently
        raise ValidationError({"name": _("本县已有同名工会组织")}) from exc


@transaction.atomic
def create_organisation(*, actor, name: str, kind: str, parent: Organisation | None, **fields):
    if parent is not None:
        _lock_county(parent.county_id)
        parent = Organisation.objects.get(pk=parent.pk)  # its path as of the lock
    _check_parent(kind, parent)
    org = Organisation(name=name.strip(), kind=kind, parent=parent, **fields)
    if org.sort_order:
        _check_may_sort(actor, parent or org)
    org.county_id = parent.county_id if parent else None
    if org.takes_fallback_members:
        _check_fallback_setter(actor, org, parent)
    _check_fields(org)
    # The path holds the primary key, which exists only after the insert.
    org.path = f"tmp-{uuid.uuid4().hex}"
    _save(org)
    org.path = (parent.path if parent else "") + path_segment(org.pk)
    org.depth = parent.depth + 1 if parent else 0
    if parent is None:
        org.county_id = org.pk
    org.save(update_fields=["path", "depth", "county"])
    audit.record(actor=actor, action=AuditAction.CREATE, obj=org, after=audit.snapshot(org))
    return org


def _check_kind_change(org: Organisation, new_kind: str) -> None:
    _check_parent(new_kind, org.parent)
    bad_child = org.children.exclude(kind__in=ALLOWED_CHILDREN[OrgKind(new_kind)]).first()
    if bad_child:
        raise ValidationError(
            {
                "kind": _("下级组织“%(child)s”不能设在%(kind)s之下")
                % {"child": bad_child.name, "kind": OrgKind(new_kind).label}
            }
        )
    errors = tree.kind_change_errors(org, new_kind)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def update_organisation(
    *, actor, organisation: Organisation, inactive_since=None, **changes
) -> Organisation:
    """`inactive_since`: the day it went dormant or was dissolved, when it does now (default
    today); figures as of an earlier date still count it."""
    _lock_county(organisation.county_id)
    org = Organisation.objects.select_related("parent").get(pk=organisation.pk)
    before = audit.snapshot(org)
    was_active = org.status == OrgStatus.ACTIVE
    old_kind, old_fallback, old_order = org.kind, org.takes_fallback_members, org.sort_order
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} cannot be changed here")
        setattr(org, name, value.strip() if isinstance(value, str) else value)
    if org.takes_fallback_members != old_fallback:
        _check_fallback_setter(actor, org, org)
    if org.kind != old_kind or org.takes_fallback_members != old_fallback:
        # Who may hold members changes with either (the registry's guard: not while they do).
        _check_kind_change(org, org.kind)
    if org.sort_order != old_order:
        _check_may_sort(actor, org)
    _keep_inactive_since(org, was_active, inactive_since)
    _check_fields(org)
    _save(org)
    audit.updated(org, actor=actor, before=before)
    return org


def _keep_inactive_since(org: Organisation, was_active: bool, day) -> None:
    if org.status == OrgStatus.ACTIVE:
        org.inactive_since = None
    elif was_active:
        today = timezone.localdate()
        if day is not None and day > today:
            raise ValidationError({"status": _("休眠或撤销日期不能晚于今天")})
        org.inactive_since = day or today


def _rewrite_prefix(queryset, field: str, old: str, new: str, **extra) -> None:
    queryset.filter(**{f"{field}__startswith": old}).update(
        **{field: Concat(Value(new), Substr(field, len(old) + 1, Length(field)))}, **extra
    )


@transaction.atomic
def move_organisation(*, actor, organisation: Organisation, new_parent: Organisation):
    """Move a whole subtree under `new_parent` with one UPDATE of the paths."""
    _lock_county(organisation.county_id)
    org = Organisation.objects.get(pk=organisation.pk)
    new_parent = Organisation.objects.get(pk=new_parent.pk)
    if new_parent.path.startswith(org.path):
        raise ValidationError({"parent": _("不能移动到自身或其下级组织之下")})
    if new_parent.county_id != org.county_id:
        raise ValidationError({"parent": _("不能移动到其他县")})
    _check_parent(org.kind, new_parent)
    before = audit.snapshot(org)
    old_path, new_path = org.path, new_parent.path + path_segment(org.pk)
    depth_change = new_parent.depth + 1 - org.depth
    _rewrite_prefix(
        Organisation.objects, "path", old_path, new_path, depth=F("depth") + depth_change
    )
    # The log's scoping path follows the records, so their history moves with them.
    _rewrite_prefix(AuditEntry.objects, "org_path", old_path, new_path)
    Organisation.objects.filter(pk=org.pk).update(parent=new_parent)
    org.refresh_from_db()
    audit.record(
        actor=actor,
        action=AuditAction.MOVE,
        obj=org,
        before=before,
        after=audit.snapshot(org),
    )
    return org
