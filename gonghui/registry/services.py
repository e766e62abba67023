"""The only code that writes employers and members. Keyword-only, atomic, audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, Organisation
from gonghui.core.models.orgs import COVERING_KINDS, TERRITORIAL_KINDS, admission_error
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org, may_see_org
from gonghui.core.validators import name_error, validate_credit_code
from gonghui.registry.choices import MemberStatus, OperatingStatus
from gonghui.registry.models import Employer, Member

EMPLOYER_RELATIONS = ("territory", "union")
EMPLOYER_FIELDS = set(Employer.editable_fields)
MEMBER_FIELDS = {
    "name",
    "id_number",
    "phone",
    "union",
    "employer",
    "employment_form",
    "is_migrant_worker",
    "joined_on",
    "status",
    "left_on",
    "source",
}


def _check_scope(actor, obj, before: dict, fields: tuple[str, ...], errors: dict) -> None:
    """A relation the actor sets or changes must lie in their scope; one they leave as it was
    may lie outside it (an edit keeps what it cannot show)."""
    for name in fields:
        org = getattr(obj, name)
        if org is not None and org.pk != before.get(name) and not may_edit_org(actor, org):
            errors[name] = OUT_OF_SCOPE


def _relation_pks(obj, fields: tuple[str, ...]) -> dict:
    return {name: getattr(obj, f"{name}_id") for name in fields}


def _clean_employer(employer: Employer, *, actor, before: dict) -> None:
    """Every problem at once, each under its field."""
    errors = {}
    try:
        employer.credit_code = validate_credit_code(employer.credit_code or "")
    except ValidationError as exc:
        errors["credit_code"] = exc.messages
    employer.name = (employer.name or "").strip()
    if not employer.name:
        errors["name"] = _("请填写单位名称")
    elif error := name_error(employer.name, _("单位名称")):
        errors["name"] = error
    if not employer.territory_id:
        errors["territory"] = _("请选择属地工会")
    elif employer.territory.kind not in TERRITORIAL_KINDS:
        errors["territory"] = _("属地工会须为乡镇(街道)总工会或园区工会")
    if employer.union_id and employer.union.kind not in COVERING_KINDS:
        errors["union"] = _("所在工会须为基层工会或联合基层工会")
    clash = Employer.objects.filter(credit_code=employer.credit_code).exclude(pk=employer.pk)
    if "credit_code" not in errors and clash.exists():
        errors["credit_code"] = _duplicate_message(actor, clash.select_related("territory").get())
    if employer.founded_on and employer.founded_on > timezone.localdate():
        errors["founded_on"] = _("成立日期不能晚于今天")
    if employer.territory_id:
        _check_scope(actor, employer, before, EMPLOYER_RELATIONS, errors)
    if errors:
        raise ValidationError(errors)


def _duplicate_message(actor, other: Employer) -> str:
    # Name the other employer only to someone who may see it.
    if may_see_org(actor, other.territory) or (other.union and may_see_org(actor, other.union)):
        return _("统一社会信用代码已登记：%(name)s") % {"name": other.name}
    return _("统一社会信用代码已由其他乡镇登记")


def _apply(obj, allowed: set[str], fields: dict) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"{name} cannot be set here")
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _keep_union_since(employer: Employer, had_union: bool) -> None:
    """The founding drive counts an employer as founded in the year it went from no union to a
    union: stamp that day, clear it when the union goes, keep it when one union replaces another."""
    if employer.union_id and not had_union:
        employer.union_since = timezone.localdate()
    elif not employer.union_id:
        employer.union_since = None


@transaction.atomic
def create_employer(*, actor, **fields) -> Employer:
    employer = Employer()
    _apply(employer, EMPLOYER_FIELDS, fields)
    _clean_employer(employer, actor=actor, before={})
    _keep_union_since(employer, had_union=False)
    _save_unique(employer, "credit_code", _("统一社会信用代码已登记"))
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=employer, after=audit.snapshot(employer)
    )
    return employer


def _keep_closed_on(employer: Employer, was_operating: bool, closed_on) -> None:
    """Figures as of a past date count an employer while it operated: stamp the day it stopped
    (`closed_on` when the caller knows it, else today), clear it when it operates again."""
    operating = employer.operating_status == OperatingStatus.OPERATING
    if operating:
        employer.closed_on = None
    elif was_operating:
        today = timezone.localdate()
        if closed_on is not None and closed_on > today:
            raise ValidationError({"operating_status": _("停止经营日期不能晚于今天")})
        employer.closed_on = closed_on or today


@transaction.atomic
def update_employer(*, actor, employer: Employer, closed_on=None, **fields) -> Employer:
    """`closed_on`: the day it stopped operating, when it does now (default today)."""
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    before, relations = audit.snapshot(employer), _relation_pks(employer, EMPLOYER_RELATIONS)
    was_operating = employer.operating_status == OperatingStatus.OPERATING
    _apply(employer, EMPLOYER_FIELDS, fields)
    _clean_employer(employer, actor=actor, before=relations)
    _keep_union_since(employer, had_union=relations["union"] is not None)
    _keep_closed_on(employer, was_operating, closed_on)
    _save_unique(employer, "credit_code", _("统一社会信用代码已登记"))
    audit.updated(employer, actor=actor, before=before)
    return employer


def _clean_member(member: Member, errors: dict, *, actor, before: dict) -> None:
    """Adds to `errors` (from setting the fields) so every problem is reported at once."""
    member.name = member.name.strip()
    if not member.name:
        errors["name"] = _("请填写姓名")
    elif error := name_error(member.name, _("姓名")):
        errors["name"] = error
    if not member.union_id:
        errors["union"] = _("请选择所在工会")
    elif refusal := admission_error(member.union):
        errors["union"] = refusal
    if member.joined_on and member.joined_on > timezone.localdate():
        errors["joined_on"] = _("入会日期不能晚于今天")
    if member.status == MemberStatus.ACTIVE:
        twin = Member.objects.active().filter(id_hash=member.id_hash).exclude(pk=member.pk)
        twin = twin.select_related("union").first()
        if twin and "id_number" not in errors:
            errors["id_number"] = _twin_message(actor, twin)
    if member.union_id:
        _check_scope(actor, member, before, ("union",), errors)
    if errors:
        raise ValidationError(errors)


def _twin_message(actor, twin: Member) -> str:
    # Whether a person is a member elsewhere, and where, is told only to who may see that union.
    if may_see_org(actor, twin.union):
        return _("该身份号码已是%(union)s的在会会员") % {"union": twin.union.name}
    return _("该身份号码已在其他工会有在会会籍，请办理转会")


def _set_member_fields(member: Member, fields: dict) -> dict:
    fields = dict(fields)
    errors = {}
    if "id_number" in fields:
        try:
            member.set_id_number(fields.pop("id_number"))
        except ValidationError as exc:
            errors["id_number"] = exc.messages
    if "phone" in fields:
        try:
            member.set_phone(fields.pop("phone") or "")
        except ValidationError as exc:
            errors["phone"] = exc.messages
    _apply(member, MEMBER_FIELDS, fields)
    return errors


def _save_unique(obj, field: str, message: str) -> None:
    """Save; a concurrent save that won a uniqueness race becomes a message on `field`."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc


@transaction.atomic
def create_member(*, actor, **fields) -> Member:
    member = Member()
    _clean_member(member, _set_member_fields(member, fields), actor=actor, before={})
    _save_unique(member, "id_number", _("该身份号码已有在会会籍"))
    audit.record(actor=actor, action=AuditAction.CREATE, obj=member, after=audit.snapshot(member))
    return member


@transaction.atomic
def update_member(*, actor, member: Member, **fields) -> Member:
    member = Member.objects.select_for_update().get(pk=member.pk)
    before, relations = audit.snapshot(member), _relation_pks(member, ("union",))
    _clean_member(member, _set_member_fields(member, fields), actor=actor, before=relations)
    _save_unique(member, "id_number", _("该身份号码已有在会会籍"))
    audit.updated(member, actor=actor, before=before)
    return member


REVEALABLE = {"id_number": "id_masked", "phone": "phone_masked"}


@transaction.atomic
def reveal(*, actor, member: Member, field: str) -> str:
    """Return one personal field in clear and write the reveal to the audit log."""
    if field not in REVEALABLE:
        raise ValueError(f"{field} is not revealable")
    audit.record(
        actor=actor,
        action=AuditAction.REVEAL,
        obj=member,
        changes={field: [getattr(member, REVEALABLE[field]), "(明文已查看)"]},
    )
    return getattr(member, field)


def union_choices_for(organisation: Organisation):
    """The organisations in `organisation`'s subtree that members may belong to."""
    return Organisation.objects.subtree(organisation).admitting_members()
