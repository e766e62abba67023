"""The only code that writes law firms (律师事务所) and counsel (律师、调解员、工会法律工作者).

A firm works with a union under a contract (合作协议, start and end dates). A counsel is a lawyer
of a firm, a mediator, or a union legal officer, owned by an organisation (usually the county
federation), with a patch (分片包干): the town federations and the industries (GB/T 4754
sections) they answer for; a case there offers them first (gonghui.rights.cases.queries).

Who may write: a clerk or administrator (EDIT roles) of the owning organisation or above. A
counsel's login is opened here in one step (`create_counsel(..., username=, password=)`, or
later `open_account`) through gonghui.core.services.users: the account holds the `lawyer` role
at the counsel's organisation, so opening one needs an administrator there or above (a clerk
may register a counsel without a login; a mediator often has none). The username must be free
and the initial password passes Django's password validators, as on core's user page.

Deactivating (`set_counsel_active`) keeps the counsel's cases (nothing is reassigned or
hidden) and keeps the login and its role: the counsel may still have open cases to finish or to
hand over, and sees only the cases assigned to them. An inactive counsel is no longer offered
for assignment and the case service refuses them. Closing the login itself is an
administrator's step on the user page (core:user_set_active), which the counsel's page links.

Every write is in the audit log; the towns of a patch, a many-to-many, are recorded with it.
"""

import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, Organisation, OrgKind, User
from gonghui.core.roles import Role
from gonghui.core.scoping import lock_for_edit, may_see_org
from gonghui.core.services import users
from gonghui.core.validators import validate_credit_code
from gonghui.registry.choices import Industry
from gonghui.rights.choices import CounselKind
from gonghui.rights.models import Counsel, LawFirm
from gonghui.rights.service import checks

FIRM_FIELDS = (
    "name", "credit_code", "licence_no", "contact", "address", "phone",
    "contract_starts_on", "contract_ends_on", "is_active",
)  # fmt: skip
COUNSEL_FIELDS = ("kind", "name", "firm", "licence_no", "phone", "towns", "industries")


# ---------------------------------------------------------------------------------------------
# Law firms
# ---------------------------------------------------------------------------------------------


def _optional_date(value, field: str, label: str, errors: dict) -> datetime.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, datetime.date):
        errors[field] = _("%(label)s应为日期") % {"label": label}
        return None
    return value


def _check_firm(fields: dict, errors: dict, *, organisation, pk=None) -> dict:
    clean = {
        "name": checks.text(fields, "name", _("律所名称"), 200, errors, required=True),
        "licence_no": checks.text(fields, "licence_no", _("执业许可证号"), 30, errors),
        "contact": checks.text(fields, "contact", _("联系人"), 50, errors),
        "address": checks.text(fields, "address", _("地址"), 200, errors),
        "phone": checks.text(fields, "phone", _("联系电话"), 30, errors),
        "is_active": checks.boolean(
            fields.get("is_active", True), "is_active", _("合作中"), errors
        ),
    }
    code = checks.text(fields, "credit_code", _("统一社会信用代码"), 18, errors)
    if code and "credit_code" not in errors:
        try:
            code = validate_credit_code(code)
        except ValidationError as exc:
            errors["credit_code"] = exc.messages
    clean["credit_code"] = code
    starts = _optional_date(
        fields.get("contract_starts_on"), "contract_starts_on", _("合作协议起始日"), errors
    )
    ends = _optional_date(
        fields.get("contract_ends_on"), "contract_ends_on", _("合作协议终止日"), errors
    )
    if starts and ends and ends < starts:
        errors["contract_ends_on"] = _("合作协议终止日（%(end)s）不能早于起始日（%(start)s）") % {
            "end": ends,
            "start": starts,
        }
    clean.update(contract_starts_on=starts, contract_ends_on=ends)
    if clean["name"] and organisation is not None and "name" not in errors:
        same = LawFirm.objects.filter(organisation=organisation, name=clean["name"])
        if pk:
            same = same.exclude(pk=pk)
        if same.exists():
            errors["name"] = _("%(org)s已登记律所“%(name)s”") % {
                "org": organisation.name,
                "name": clean["name"],
            }
    return clean


@transaction.atomic
def create_firm(*, actor, organisation, name, **fields) -> LawFirm:
    """Register a firm with `organisation` (the union that contracts it)."""
    errors: dict = {}
    checks.organisation(actor, organisation, errors)
    unknown = set(fields) - set(FIRM_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    clean = _check_firm({**fields, "name": name}, errors, organisation=organisation)
    checks.raise_if(errors)
    firm = LawFirm.objects.create(organisation=organisation, **clean)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=firm, after=audit.snapshot(firm))
    return firm


@transaction.atomic
def update_firm(*, actor, firm: LawFirm, **changes) -> LawFirm:
    """Change a firm's particulars or contract; its organisation stays."""
    firm = lock_for_edit(firm, actor=actor)
    errors: dict = {}
    checks.fixed_organisation(firm.organisation, changes, errors)
    changes.pop("organisation", None)
    unknown = set(changes) - set(FIRM_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    merged = {name: changes.get(name, getattr(firm, name)) for name in FIRM_FIELDS}
    clean = _check_firm(merged, errors, organisation=firm.organisation, pk=firm.pk)
    checks.raise_if(errors)
    before = audit.snapshot(firm)
    for name, value in clean.items():
        setattr(firm, name, value)
    firm.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=firm, before=before, after=audit.snapshot(firm)
    )
    return firm


# ---------------------------------------------------------------------------------------------
# Counsel: checks
# ---------------------------------------------------------------------------------------------


def own_town(organisation: Organisation) -> Organisation | None:
    """The town federation an organisation is, or lies under (None above town level)."""
    if organisation.kind == OrgKind.TOWN_FEDERATION:
        return organisation
    return organisation.ancestors().filter(kind=OrgKind.TOWN_FEDERATION).last()


def parse_industries(value, errors: dict, *, field: str = "industries") -> str:
    """GB/T 4754 section letters as one string in the standard's order ("CG"), from a string
    ("c, g", "CG") or a list of letters; an unknown letter is named."""
    if value is None:
        return ""
    if isinstance(value, str):
        letters = [ch for ch in value.upper() if not (ch.isspace() or ch in ",，、;；/")]
    else:
        letters = [str(item).strip().upper() for item in value]
    bad = [ch for ch in dict.fromkeys(letters) if ch not in Industry.values]
    if bad:
        errors[field] = _("包干行业“%(bad)s”不是国民经济行业门类（A～T）") % {"bad": "、".join(bad)}
        return ""
    chosen = set(letters)
    return "".join(code for code in Industry.values if code in chosen)


def _check_towns(organisation, towns, errors: dict) -> list[Organisation]:
    """Town federations inside the organisation's subtree, or the organisation's own town."""
    towns = list(dict.fromkeys(towns or ()))
    if organisation is None:
        return towns
    mine = own_town(organisation)
    bad = [
        town
        for town in towns
        if not isinstance(town, Organisation)
        or town.kind != OrgKind.TOWN_FEDERATION
        or not (town.path.startswith(organisation.path) or (mine and town.pk == mine.pk))
    ]
    if bad:
        errors["towns"] = _(
            "%(towns)s不在%(org)s的包干范围内（只能选本级及下级的乡镇（街道）总工会）"
        ) % {"towns": "、".join(str(t) for t in bad), "org": organisation.name}
    return towns


def _check_firm_choice(actor, organisation, firm, errors: dict):
    if firm is None or organisation is None:
        return firm
    if not may_see_org(actor, firm.organisation) or not checks.same_line(
        firm.organisation.path, organisation.path
    ):
        errors["firm"] = _("律所“%(firm)s”不在所属工会的上下级范围内") % {"firm": firm.name}
    return firm


def _check_counsel(actor, organisation, fields: dict, errors: dict) -> dict:
    clean = {
        "kind": checks.choice(fields.get("kind"), "kind", _("类别"), CounselKind, errors),
        "name": checks.name(fields, "name", _("姓名"), 50, errors),
        "licence_no": checks.text(fields, "licence_no", _("执业证号"), 30, errors),
        "firm": _check_firm_choice(actor, organisation, fields.get("firm"), errors),
        "towns": _check_towns(organisation, fields.get("towns"), errors),
        "industries": parse_industries(fields.get("industries"), errors),
    }
    return clean


def _check_account(actor, organisation, username: str, password: str, errors: dict) -> None:
    """The login a counsel is given: an administrator's grant, a free username and a password
    that passes the validators."""
    if organisation is not None and not users.can_grant_at(actor, organisation):
        errors["username"] = _("开设登录账号须由所属工会（或上级）的管理员办理")
        return
    if len(username) > 150:
        errors["username"] = _("用户名不能超过 150 个字符")
    else:
        try:
            User._meta.get_field("username").run_validators(username)
        except ValidationError as exc:
            errors["username"] = exc.messages
    if "username" not in errors and User.objects.filter(username__iexact=username).exists():
        errors["username"] = _("用户名“%(u)s”已被使用") % {"u": username}
    if not password:
        errors["password"] = _("请设置初始密码")
    else:
        try:
            validate_password(password, User(username=username))
        except ValidationError as exc:
            errors["password"] = exc.messages


def _set_phone(counsel: Counsel, phone, errors: dict) -> None:
    try:
        counsel.set_phone((phone or "").strip())
    except ValidationError as exc:
        errors["phone"] = exc.messages


def _audit_counsel(actor, action, counsel, before: dict | None, before_towns: list[str]) -> None:
    after = audit.snapshot(counsel)
    changes = audit.diff(before or {}, after)
    towns = sorted(str(t) for t in counsel.towns.all())
    if towns != before_towns:
        changes["towns"] = ["、".join(before_towns) or None, "、".join(towns) or None]
    if action == AuditAction.UPDATE and not changes:
        return
    audit.record(actor=actor, action=action, obj=counsel, changes=changes)


def _link_user(counsel: Counsel, user: User, errors: dict) -> None:
    """An existing account (e.g. the demo's lawyer): free of any other counsel, given the lawyer
    role at the counsel's organisation if it lacks one there or above."""
    taken = Counsel.objects.filter(user=user).exclude(pk=counsel.pk).first()
    if taken is not None:
        errors["user"] = _("账号 %(u)s 已关联%(c)s") % {"u": user.username, "c": taken.name}


def _grant_lawyer(actor, user: User, organisation) -> None:
    paths = [org.path for org in [*organisation.ancestors(), organisation]]
    held = user.role_assignments.filter(role=Role.LAWYER, organisation__path__in=paths).exists()
    if not held:
        users.grant_role(actor=actor, user=user, role=Role.LAWYER, organisation=organisation)


# ---------------------------------------------------------------------------------------------
# Counsel: writes
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_counsel(
    *,
    actor,
    organisation,
    name,
    kind=CounselKind.LAWYER,
    firm=None,
    licence_no="",
    phone="",
    towns=(),
    industries="",
    is_active=True,
    username="",
    password="",
    user=None,
) -> Counsel:
    """Register a counsel and, with `username` and `password`, open their login in the same
    step (role lawyer at `organisation`); or link an existing account (`user`). Without either
    the counsel has no login (a mediator the union's clerk works for)."""
    errors: dict = {}
    checks.organisation(actor, organisation, errors)
    fields = {"kind": kind, "name": name, "firm": firm, "licence_no": licence_no,
              "towns": towns, "industries": industries}  # fmt: skip
    clean = _check_counsel(actor, organisation, fields, errors)
    active = checks.boolean(is_active, "is_active", _("在册"), errors)
    username = (username or "").strip()
    if username and user is not None:
        errors["username"] = _("已选择现有账号，不能再开设新账号")
    elif username or password:
        if not username:
            errors["username"] = _("开设登录账号请填写用户名")
        else:
            _check_account(actor, organisation, username, password or "", errors)
    counsel = Counsel(
        organisation=organisation,
        kind=clean["kind"],
        name=clean["name"],
        firm=clean["firm"],
        licence_no=clean["licence_no"],
        industries=clean["industries"],
        is_active=active,
    )
    _set_phone(counsel, phone, errors)
    if user is not None:
        _link_user(counsel, user, errors)
    checks.raise_if(errors)
    if username:
        user = users.create_user(
            actor=actor, username=username, name=clean["name"], password=password,
            role=Role.LAWYER, organisation=organisation,
        )  # fmt: skip
    elif user is not None:
        _grant_lawyer(actor, user, organisation)
    counsel.user = user
    counsel.save()
    counsel.towns.set(clean["towns"])
    _audit_counsel(actor, AuditAction.CREATE, counsel, None, [])
    return counsel


@transaction.atomic
def update_counsel(*, actor, counsel: Counsel, **changes) -> Counsel:
    """Change a counsel's particulars and patch. The organisation stays; `is_active` goes
    through `set_counsel_active`'s rule; `username`/`password` open a login for a counsel who
    has none (`open_account`)."""
    counsel = lock_for_edit(counsel, actor=actor)
    errors: dict = {}
    checks.fixed_organisation(counsel.organisation, changes, errors)
    changes.pop("organisation", None)
    username = (changes.pop("username", "") or "").strip()
    password = changes.pop("password", "") or ""
    active = changes.pop("is_active", counsel.is_active)
    unknown = set(changes) - set(COUNSEL_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    merged = {
        name: changes.get(name, getattr(counsel, name))
        for name in ("kind", "name", "firm", "licence_no", "industries")
    }
    merged["towns"] = changes.get("towns", list(counsel.towns.all()))
    clean = _check_counsel(actor, counsel.organisation, merged, errors)
    active = checks.boolean(active, "is_active", _("在册"), errors)
    if username or password:
        if counsel.user_id:
            errors["username"] = _("已有登录账号 %(u)s") % {"u": counsel.user.username}
        elif not username:
            errors["username"] = _("开设登录账号请填写用户名")
        else:
            _check_account(actor, counsel.organisation, username, password, errors)
    before = audit.snapshot(counsel)
    before_towns = sorted(str(t) for t in counsel.towns.all())
    if "phone" in changes:
        _set_phone(counsel, changes["phone"], errors)
    checks.raise_if(errors)
    for name in ("kind", "name", "firm", "licence_no", "industries"):
        setattr(counsel, name, clean[name])
    counsel.is_active = active
    if username:
        counsel.user = users.create_user(
            actor=actor, username=username, name=clean["name"], password=password,
            role=Role.LAWYER, organisation=counsel.organisation,
        )  # fmt: skip
    counsel.save()
    counsel.towns.set(clean["towns"])
    _audit_counsel(actor, AuditAction.UPDATE, counsel, before, before_towns)
    return counsel


def open_account(*, actor, counsel: Counsel, username: str, password: str) -> Counsel:
    """Give a counsel registered without a login their account (an administrator's step)."""
    return update_counsel(actor=actor, counsel=counsel, username=username, password=password)


@transaction.atomic
def set_counsel_active(*, actor, counsel: Counsel, active: bool) -> Counsel:
    """Put a counsel on or off the roll (在册). Their cases and their login stay (see the module
    docstring); off the roll they are no longer offered for assignment."""
    counsel = lock_for_edit(counsel, actor=actor)
    if not isinstance(active, bool):
        raise ValidationError({"is_active": _("在册应为是或否")})
    if counsel.is_active == active:
        return counsel
    before = audit.snapshot(counsel)
    counsel.is_active = active
    counsel.save(update_fields=["is_active"])
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=counsel, before=before,
        after=audit.snapshot(counsel),
    )  # fmt: skip
    return counsel
