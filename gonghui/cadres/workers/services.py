"""The only code that writes social workers (工会社工) and their certificates.

A worker is registered by an editing role (admin, clerk) of the union they serve or above. Their
login is opened in the same step (`username`, `password`: an account holding `social_worker` at
the union served, which needs an administrator there, as core's user page does) or an existing
account is linked (`user`, e.g. the demo's). The union served is fixed at registration: a worker
moving to another union is registered anew there (their file stays with the union it was kept
in). Every write is audited.
"""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.cadres import checks
from gonghui.cadres.access import ensure, may_manage
from gonghui.cadres.choices import WorkerGrade
from gonghui.cadres.models import Certificate, SocialWorker
from gonghui.core import audit
from gonghui.core.models import AuditAction, User
from gonghui.core.roles import Role
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.core.services import users

FIELDS = (
    "name", "post", "grade", "employer_of_record", "contract_starts_on", "contract_ends_on",
    "is_active",
)  # fmt: skip


def _check(fields: dict, errors: dict) -> dict:
    clean = {
        "name": checks.person(fields.get("name"), "name", _("姓名"), errors),
        "post": checks.text(fields.get("post"), "post", _("岗位"), 50, errors, required=True),
        "employer_of_record": checks.text(
            fields.get("employer_of_record"), "employer_of_record", _("劳动合同单位"), 100, errors
        ),
        "contract_starts_on": checks.date(
            fields.get("contract_starts_on"), "contract_starts_on", _("合同起始日"), errors,
            required=False,
        ),
        "contract_ends_on": checks.date(
            fields.get("contract_ends_on"), "contract_ends_on", _("合同终止日"), errors,
            required=False,
        ),
    }  # fmt: skip
    grade = fields.get("grade") or WorkerGrade.JUNIOR
    if grade not in WorkerGrade.values:
        errors["grade"] = _("请选择岗位等级")
    clean["grade"] = grade
    active = fields.get("is_active", True)
    if not isinstance(active, bool):
        errors["is_active"] = _("在岗应为是或否")
    clean["is_active"] = active
    starts, ends = clean["contract_starts_on"], clean["contract_ends_on"]
    if starts and ends and ends < starts:
        errors["contract_ends_on"] = _("合同终止日（%(e)s）不能早于起始日（%(s)s）") % {
            "e": ends, "s": starts,
        }  # fmt: skip
    return clean


def _check_account(actor, organisation, username: str, password: str, errors: dict) -> None:
    if not users.can_grant_at(actor, organisation):
        errors["username"] = _("开设登录账号须由服务工会（或上级）的管理员办理")
        return
    if len(username) > 150:
        errors["username"] = _("用户名不能超过 150 个字符")
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = _("用户名“%(u)s”已被使用") % {"u": username}
    if not password:
        errors["password"] = _("请设置初始密码")
    else:
        try:
            validate_password(password, User(username=username))
        except ValidationError as exc:
            errors["password"] = exc.messages


def _grant(actor, user: User, organisation) -> None:
    paths = [org.path for org in [*organisation.ancestors(), organisation]]
    held = user.role_assignments.filter(
        role=Role.SOCIAL_WORKER, organisation__path__in=paths
    ).exists()
    if not held:
        users.grant_role(actor=actor, user=user, role=Role.SOCIAL_WORKER, organisation=organisation)


@transaction.atomic
def create_worker(
    *, actor, organisation, username="", password="", user=None, **fields
) -> SocialWorker:
    """Register a worker at `organisation` (the union served), with their login."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    errors: dict = {}
    if organisation is None:
        errors["organisation"] = _("请选择服务工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    clean = _check(fields, errors)
    username = (username or "").strip()
    if username and user is not None:
        errors["username"] = _("已选择现有账号，不能再开设新账号")
    elif (username or password) and "organisation" not in errors:
        if not username:
            errors["username"] = _("开设登录账号请填写用户名")
        else:
            _check_account(actor, organisation, username, password or "", errors)
    if user is not None and SocialWorker.objects.filter(user=user).exists():
        errors["user"] = _("账号 %(u)s 已关联其他社工") % {"u": user.username}
    checks.raise_if(errors)
    if username:
        user = users.create_user(
            actor=actor, username=username, name=clean["name"], password=password,
            role=Role.SOCIAL_WORKER, organisation=organisation,
        )  # fmt: skip
    elif user is not None:
        _grant(actor, user, organisation)
    worker = SocialWorker.objects.create(organisation=organisation, user=user, **clean)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=worker, after=audit.snapshot(worker))
    return worker


@transaction.atomic
def update_worker(*, actor, socialworker: SocialWorker, **changes) -> SocialWorker:
    """Change a worker's post, grade, contract or standing; the union served stays."""
    worker = lock_for_edit(socialworker, actor=actor)
    errors: dict = {}
    new_org = changes.pop("organisation", worker.organisation)
    if new_org is not None and new_org != worker.organisation:
        errors["organisation"] = _("服务工会登记后不能更改")
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    merged = {name: changes.get(name, getattr(worker, name)) for name in FIELDS}
    clean = _check(merged, errors)
    checks.raise_if(errors)
    before = audit.snapshot(worker)
    for name, value in clean.items():
        setattr(worker, name, value)
    return audit.saved(worker, actor=actor, before=before)


@transaction.atomic
def add_certificate(*, actor, worker: SocialWorker, name, number="", issued_on=None) -> Certificate:
    ensure(may_manage(actor, worker))
    errors: dict = {}
    clean = {
        "name": checks.text(name, "name", _("证书名称"), 100, errors, required=True),
        "number": checks.text(number, "number", _("证书编号"), 50, errors),
        "issued_on": checks.date(issued_on, "issued_on", _("取得日期"), errors, required=False),
    }
    checks.raise_if(errors)
    certificate = Certificate.objects.create(worker=worker, **clean)
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=certificate, after=audit.snapshot(certificate)
    )
    return certificate
