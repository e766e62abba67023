"""Studios and alliances: the only code that writes them. Whoever may edit a studio's union
changes it; a yearly review's outcome sets the studio's status (撤销命名 ends it)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.ledgers import clean_key, pay_once
from gonghui.core.models import AuditAction
from gonghui.core.money import parse_yuan
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.workforce.choices import Level, ReviewOutcome, StudioStatus
from gonghui.workforce.documents import attach
from gonghui.workforce.models import Alliance, Studio, StudioGrant, StudioReview

FOUNDING = "命名文件"


@transaction.atomic
def attach_founding_document(*, actor, studio, upload):
    """The founding (naming) document of a studio (命名文件), checked and stored privately."""
    studio = lock_for_edit(studio, actor=actor, org_field="union")
    return attach(actor=actor, upload=upload, kind=FOUNDING, studio=studio)


def _created(actor, obj):
    audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))
    return obj


@transaction.atomic
def create_studio(
    *, actor, name, level, employer, named_on, leader_honouree=None, leader_member=None,
    field="", document_number="", members=(),
) -> Studio:  # fmt: skip
    errors: dict = {}
    name = (name or "").strip()
    if not name or len(name) > 100:
        errors["name"] = _("请填写工作室名称（不超过100个字）")
    if level not in Level.values:
        errors["level"] = _("请选择命名级别")
    if employer is None or employer.union is None:
        errors["employer"] = _("请选择已建会的所在单位")
    elif not may_edit_org(actor, employer.union):
        errors["employer"] = OUT_OF_SCOPE
    if leader_honouree is None and leader_member is None:
        errors["leader_member"] = _("请选择领衔人")
    if not is_date(named_on):
        errors["named_on"] = _("请填写命名日期")
    if not errors and Studio.objects.filter(employer=employer, name=name).exists():
        errors["name"] = _("该单位已有同名工作室")
    if errors:
        raise ValidationError(errors)
    studio = Studio.objects.create(
        name=name, level=level, employer=employer, union=employer.union, named_on=named_on,
        leader_honouree=leader_honouree, leader_member=leader_member,
        field=(field or "").strip()[:100], document_number=(document_number or "").strip()[:60],
    )  # fmt: skip
    if members:
        studio.members.set(members)
    return _created(actor, studio)


@transaction.atomic
def add_grant(*, actor, studio, amount, granted_on, source, idempotency_key=None) -> StudioGrant:
    studio = Studio.objects.select_for_update().select_related("union").get(pk=studio.pk)
    if actor is None or not may_edit_org(actor, studio.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    amount = parse_yuan(amount, field="amount", positive=True, label=_("经费金额"))

    def check():
        if studio.status == StudioStatus.REVOKED:
            raise ValidationError({"amount": _("工作室已撤销命名，不能再拨付经费")})
        if not (source or "").strip():
            raise ValidationError({"source": _("请填写资金来源")})
        if not is_date(granted_on):
            raise ValidationError({"granted_on": _("请填写拨付日期")})

    return pay_once(
        actor=actor, model=StudioGrant, parent=studio, amount=amount,
        key=clean_key(idempotency_key), conflict=_("该幂等键已用于另一笔经费"), check=check,
        build=lambda: StudioGrant(studio=studio, amount=amount, granted_on=granted_on,
                                  source=source.strip()[:100], created_by=actor),
    )  # fmt: skip


def _child(actor, studio, model, **fields):
    studio = lock_for_edit(studio, actor=actor, org_field="union")
    return studio, _created(actor, model.objects.create(studio=studio, **fields))


@transaction.atomic
def add_result(*, actor, studio, kind, title, achieved_on, benefit="0"):
    from gonghui.workforce.models import StudioResult

    benefit = parse_yuan(benefit, field="benefit", required=False, label=_("创造效益"))
    if not (title or "").strip():
        raise ValidationError({"title": _("请填写成果名称")})
    return _child(actor, studio, StudioResult, kind=kind, title=title.strip()[:200],
                  achieved_on=achieved_on, benefit=benefit, recorded_by=actor)[1]  # fmt: skip


@transaction.atomic
def add_report(*, actor, studio, year, quarter, summary):
    from gonghui.workforce.models import StudioReport

    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("季度应为 1—4")})
    if StudioReport.objects.filter(studio=studio, year=year, quarter=quarter).exists():
        raise ValidationError({"quarter": _("该季度报告已登记")})
    if not (summary or "").strip():
        raise ValidationError({"summary": _("请填写工作情况")})
    return _child(actor, studio, StudioReport, year=year, quarter=quarter,
                  summary=summary.strip(), recorded_by=actor)[1]  # fmt: skip


@transaction.atomic
def review(*, actor, studio, year, outcome, note="") -> StudioReview:
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("请选择考核结果")})
    if StudioReview.objects.filter(studio=studio, year=year).exists():
        raise ValidationError({"year": _("该年度已考核")})
    studio, row = _child(actor, studio, StudioReview, year=year, outcome=outcome,
                         note=(note or "").strip()[:200], reviewed_by=actor)  # fmt: skip
    before = audit.snapshot(studio)
    studio.status = {
        ReviewOutcome.PASS: StudioStatus.ACTIVE,
        ReviewOutcome.RECTIFY: StudioStatus.RECTIFY,
        ReviewOutcome.REVOKED: StudioStatus.REVOKED,
    }[outcome]
    audit.saved(studio, actor=actor, before=before)
    return row


@transaction.atomic
def create_alliance(*, actor, organisation, name, basis, founded_on, industry="", studios=()):
    if organisation is None or not may_edit_org(actor, organisation):
        raise ValidationError({"organisation": OUT_OF_SCOPE})
    if not (name or "").strip():
        raise ValidationError({"name": _("请填写联盟名称")})
    alliance = Alliance.objects.create(organisation=organisation, name=name.strip()[:100],
                                       basis=basis, industry=industry or "",
                                       founded_on=founded_on)  # fmt: skip
    chosen = [s for s in studios if s.union.path.startswith(organisation.path)]
    if len(chosen) != len(list(studios)):
        raise ValidationError({"studios": _("成员工作室须在牵头工会范围内")})
    alliance.studios.set(chosen)
    return _created(actor, alliance)


@transaction.atomic
def add_activity(*, actor, alliance, kind, title, held_on, note=""):
    from gonghui.workforce.models import AllianceActivity

    alliance = lock_for_edit(alliance, actor=actor)
    return _created(actor, AllianceActivity.objects.create(
        alliance=alliance, kind=kind, title=(title or "").strip()[:200], held_on=held_on,
        note=(note or "").strip()[:200],
    ))  # fmt: skip
