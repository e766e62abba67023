"""Enterprise grids (网格+企业) and monitoring points: the only code that writes them.

A grid belongs to an organisation (usually a town) and holds employers of that organisation's
subtree or territory, one grid per employer (a big one alone, small ones together). Its members
are the people who walk it (网格长, 网格员, 企业联络员). A monitoring point (劳动关系监测点) sits
at an employer of a grid and files a report each month (gonghui.rights.risk.reports).

Every write needs a clerk or administrator of the grid's organisation (or above) and is audited.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, RoleAssignment
from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit, may_edit_org
from gonghui.registry.models import Employer
from gonghui.rights.choices import GridRole
from gonghui.rights.models import Grid, GridEmployer, GridMember, MonitoringPoint
from gonghui.rights.risk import services as risk

GRID_FIELDS = ("organisation", "name", "code", "is_active")
POINT_FIELDS = ("contact_name", "reporter", "established_on", "report_due_day", "is_active")


# ---------------------------------------------------------------------------------------------
# Grids
# ---------------------------------------------------------------------------------------------


def _check_grid(actor, fields: dict) -> dict:
    errors: dict = {}
    organisation = fields.get("organisation")
    if organisation is None:
        errors["organisation"] = _("请选择网格所属工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    name = (fields.get("name") or "").strip()
    if not name:
        errors["name"] = _("请填写网格名称")
    elif len(name) > 100:
        errors["name"] = _("网格名称不能超过 100 个字")
    if len((fields.get("code") or "").strip()) > 30:
        errors["code"] = _("网格编号不能超过 30 个字符")
    if not errors:
        same = Grid.objects.filter(organisation=organisation, name=name)
        if fields.get("pk"):
            same = same.exclude(pk=fields["pk"])
        if same.exists():
            errors["name"] = _("%(org)s已有名为“%(name)s”的网格") % {
                "org": organisation.name,
                "name": name,
            }
    return errors


@transaction.atomic
def create_grid(*, actor, organisation, name, code="", is_active=True) -> Grid:
    fields = {"organisation": organisation, "name": name, "code": code}
    errors = _check_grid(actor, fields)
    if errors:
        raise ValidationError(errors)
    grid = Grid.objects.create(
        organisation=organisation,
        name=name.strip(),
        code=(code or "").strip(),
        is_active=bool(is_active),
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=grid, after=audit.snapshot(grid))
    return grid


@transaction.atomic
def update_grid(*, actor, grid: Grid, **fields) -> Grid:
    """Rename, renumber, switch on or off. The organisation stays: a grid's employers were
    checked against it."""
    grid = lock_for_edit(grid, actor=actor)
    organisation = fields.pop("organisation", grid.organisation)
    if organisation != grid.organisation:
        raise ValidationError({"organisation": _("网格的所属工会不能更改，请新建网格")})
    merged = {k: fields.get(k, getattr(grid, k)) for k in GRID_FIELDS if k != "organisation"}
    errors = _check_grid(actor, {**merged, "organisation": organisation, "pk": grid.pk})
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(grid)
    grid.name = merged["name"].strip()
    grid.code = (merged["code"] or "").strip()
    grid.is_active = bool(merged["is_active"])
    audit.saved(grid, actor=actor, before=before)
    return grid


# ---------------------------------------------------------------------------------------------
# A grid's employers
# ---------------------------------------------------------------------------------------------


def in_grid_area(grid: Grid, employer: Employer) -> bool:
    """The employer lies in the grid organisation's territory or is covered by a union below it."""
    path = grid.organisation.path
    union = employer.union
    return employer.territory.path.startswith(path) or (
        union is not None and union.path.startswith(path)
    )


@transaction.atomic
def add_employer(*, actor, grid: Grid, employer: Employer) -> GridEmployer:
    grid = Grid.objects.select_related("organisation").get(pk=grid.pk)
    ensure_may_edit_org(actor, grid.organisation)
    if employer is None:
        raise ValidationError({"employer": _("请选择企业")})
    if actor is not None and not Employer.objects.visible_to(actor).filter(pk=employer.pk).exists():
        raise ValidationError({"employer": OUT_OF_SCOPE})
    if not in_grid_area(grid, employer):
        raise ValidationError(
            {"employer": _("%(e)s不在%(org)s的辖区内，不能划入本网格")
             % {"e": employer.name, "org": grid.organisation.name}}
        )  # fmt: skip
    _check_not_in_grid(actor, employer)
    try:
        with transaction.atomic():
            membership = GridEmployer.objects.create(grid=grid, employer=employer)
    except IntegrityError:  # put in another grid at the same moment
        _check_not_in_grid(actor, employer)
        raise
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=membership,
        after={"grid": str(grid), "employer": employer.name},
    )
    risk.evaluate_employers(employer_ids=[employer.pk])
    return membership


def _check_not_in_grid(actor, employer: Employer) -> None:
    """One grid per employer. The message names the other grid to someone who may see it."""
    current = GridEmployer.objects.filter(employer=employer).select_related("grid").first()
    if current is None:
        return
    visible = actor is None or Grid.objects.visible_to(actor).filter(pk=current.grid_id).exists()
    if visible:
        message = _("%(e)s已在网格“%(g)s”中，一家企业只能属于一个网格") % {
            "e": employer.name,
            "g": current.grid.name,
        }
    else:
        message = _("%(e)s已在其他工会的网格中，一家企业只能属于一个网格") % {"e": employer.name}
    raise ValidationError({"employer": message})


@transaction.atomic
def remove_employer(*, actor, membership: GridEmployer) -> None:
    membership = GridEmployer.objects.select_related("grid__organisation", "employer").get(
        pk=membership.pk
    )
    ensure_may_edit_org(actor, membership.grid.organisation)
    point = MonitoringPoint.objects.filter(
        grid=membership.grid, employer=membership.employer, is_active=True
    ).exists()
    if point:
        raise ValidationError(
            _("%(e)s设有启用中的监测点，请先停用监测点再移出网格") % {"e": membership.employer.name}
        )
    audit.record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=membership,
        before={"grid": str(membership.grid), "employer": membership.employer.name},
    )
    membership.delete()


# ---------------------------------------------------------------------------------------------
# Grid members
# ---------------------------------------------------------------------------------------------


def _check_account(user, organisations, field: str, errors: dict) -> None:
    """A linked account must hold a role at one of `organisations` or below: a town cannot make
    someone else's staff its reporter."""
    if user is None:
        return
    paths = [org.path for org in organisations if org is not None]
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(organisation__path__startswith=path)
    if not RoleAssignment.objects.filter(q, user=user).exists():
        errors[field] = _("账号 %(u)s 不在%(org)s或其下级组织中") % {
            "u": user.username,
            "org": organisations[0].name,
        }


@transaction.atomic
def add_member(*, actor, grid: Grid, name, role, phone="", user=None) -> GridMember:
    grid = Grid.objects.select_related("organisation").get(pk=grid.pk)
    ensure_may_edit_org(actor, grid.organisation)
    errors: dict = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("请填写姓名")
    elif len(name) > 50:
        errors["name"] = _("姓名不能超过 50 个字")
    if role not in GridRole.values:
        errors["role"] = _("请选择网格职务")
    _check_account(user, [grid.organisation], "user", errors)
    member = GridMember(grid=grid, name=name, role=role or "", user=user)
    try:
        member.set_phone((phone or "").strip())
    except ValidationError as exc:
        errors["phone"] = exc.messages
    if errors:
        raise ValidationError(errors)
    member.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=member, after=audit.snapshot(member))
    return member


@transaction.atomic
def remove_member(*, actor, member: GridMember) -> None:
    member = GridMember.objects.select_related("grid__organisation").get(pk=member.pk)
    ensure_may_edit_org(actor, member.grid.organisation)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=member, before=audit.snapshot(member))
    member.delete()


# ---------------------------------------------------------------------------------------------
# Monitoring points
# ---------------------------------------------------------------------------------------------


def _check_point(point_fields: dict, grid: Grid, employer: Employer, errors: dict) -> None:
    contact = (point_fields.get("contact_name") or "").strip()
    if not contact:
        errors["contact_name"] = _("请填写信息员姓名")
    elif len(contact) > 50:
        errors["contact_name"] = _("信息员姓名不能超过 50 个字")
    established = point_fields.get("established_on")
    if not isinstance(established, datetime.date):
        errors["established_on"] = _("请填写设立日期")
    due_day = point_fields.get("report_due_day")
    try:
        due_day = int(due_day)
    except (TypeError, ValueError):
        due_day = None
    if due_day is None or not 1 <= due_day <= 28:
        errors["report_due_day"] = _("月报截止日须为次月 1 日至 28 日之间")
    point_fields["report_due_day"] = due_day
    _check_account(
        point_fields.get("reporter"), [grid.organisation, employer.union], "reporter", errors
    )


@transaction.atomic
def create_point(
    *,
    actor,
    grid: Grid,
    employer: Employer,
    contact_name,
    established_on,
    reporter=None,
    report_due_day=10,
    is_active=True,
) -> MonitoringPoint:
    """A point at an employer of the grid (one point per employer)."""
    grid = Grid.objects.select_related("organisation").get(pk=grid.pk)
    ensure_may_edit_org(actor, grid.organisation)
    if employer is None or not GridEmployer.objects.filter(grid=grid, employer=employer).exists():
        raise ValidationError({"employer": _("监测点须设在本网格的企业，请先将企业划入网格")})
    if MonitoringPoint.objects.filter(employer=employer).exists():
        raise ValidationError({"employer": _("%(e)s已设有监测点") % {"e": employer.name}})
    fields = {"contact_name": contact_name, "reporter": reporter,
              "established_on": established_on, "report_due_day": report_due_day}  # fmt: skip
    errors: dict = {}
    _check_point(fields, grid, employer, errors)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            point = MonitoringPoint.objects.create(
                grid=grid, employer=employer, contact_name=contact_name.strip(),
                reporter=reporter, established_on=established_on,
                report_due_day=fields["report_due_day"], is_active=bool(is_active),
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError({"employer": _("%(e)s已设有监测点") % {"e": employer.name}}) from None
    audit.record(actor=actor, action=AuditAction.CREATE, obj=point, after=audit.snapshot(point))
    risk.evaluate_employers(employer_ids=[employer.pk])
    return point


@transaction.atomic
def update_point(*, actor, point: MonitoringPoint, **fields) -> MonitoringPoint:
    """Change the contact, the reporter account, the dates, or switch it on/off. The employer
    and the grid stay (a new place is a new point)."""
    point = (
        MonitoringPoint.objects.select_for_update(of=("self",))
        .select_related("grid__organisation", "employer__union")
        .get(pk=point.pk)
    )
    ensure_may_edit_org(actor, point.grid.organisation)
    for fixed in ("employer", "grid"):
        if fixed in fields and fields.pop(fixed) != getattr(point, fixed):
            raise ValidationError({fixed: _("监测点的企业和网格不能更改")})
    merged = {k: fields.get(k, getattr(point, k)) for k in POINT_FIELDS}
    errors: dict = {}
    _check_point(merged, point.grid, point.employer, errors)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(point)
    point.contact_name = merged["contact_name"].strip()
    point.reporter = merged["reporter"]
    point.established_on = merged["established_on"]
    point.report_due_day = merged["report_due_day"]
    point.is_active = bool(merged["is_active"])
    audit.saved(point, actor=actor, before=before)
    risk.evaluate_employers(employer_ids=[point.employer_id])
    return point
