"""Competitions: the only code that writes the catalogue, quotas, rounds and criteria, entrants
and a labour contest's teams, stages and summaries (scores and the ranking: scoring.py).

Life cycle of a competition: 报名中 (open: entrants register, by their union or in the portal)
→ 比赛评分中 (scoring: registration closed, judges' marks entered) → 成绩已公布 (published:
ranking fixed, certificates printable, honours candidates may be put forward). Whoever may edit
the organiser changes the competition; a union's clerk registers its own workers, in the quota.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.choices import MemberStatus
from gonghui.workforce.models import (
    Competition,
    ContestQuota,
    ContestStage,
    ContestTeam,
    Entrant,
    Round,
    ScoreCriterion,
    StageSummary,
)
from gonghui.workforce.models.competitions import (
    ContestKind,
    ContestLevel,
    ContestStatus,
    EntrantSource,
    EntrantStatus,
    RoundKind,
    TieRule,
)

COMPETITION_FIELDS = (
    "co_organisers", "year", "name", "kind", "level", "trade", "project", "starts_on", "ends_on",
    "place", "min_age", "max_age", "members_only", "drop_extremes", "tie_rule",
)  # fmt: skip
COUNTED = (EntrantStatus.PENDING, EntrantStatus.CONFIRMED)


def created(actor, obj):
    audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))
    return obj


def decimal_in(value, *, field, label, low=Decimal(0), high=Decimal(100)) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("%(l)s应为数字") % {"l": label}}) from None
    if not number.is_finite() or number < low or number > high:
        raise ValidationError({field: _("%(l)s应在 %(a)s—%(b)s 之间") % {"l": label, "a": low,
                                                                       "b": high}})  # fmt: skip
    return number.quantize(Decimal("0.01"))


def _check_competition(data: dict) -> dict:
    errors: dict = {}
    name = (data.get("name") or "").strip()
    if not name or len(name) > 100:
        errors["name"] = _("请填写竞赛名称（不超过100个字）")
    if data.get("kind") not in ContestKind.values:
        errors["kind"] = _("请选择竞赛类别")
    if data.get("level") not in ContestLevel.values:
        errors["level"] = _("请选择竞赛级别")
    if data.get("tie_rule", TieRule.PRACTICAL_FIRST) not in TieRule.values:
        errors["tie_rule"] = _("请选择同分排名规则")
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if not is_date(starts):
        errors["starts_on"] = _("请填写开始日期")
    if not is_date(ends):
        errors["ends_on"] = _("请填写结束日期")
    elif is_date(starts) and ends < starts:
        errors["ends_on"] = _("结束日期不能早于开始日期")
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = _("请填写年度（2000—2100）")
    low, high = data.get("min_age"), data.get("max_age")
    if low is not None and high is not None and low > high:
        errors["max_age"] = _("最高年龄不能小于最低年龄")
    if errors:
        raise ValidationError(errors)
    data["name"] = name
    for key in ("co_organisers", "trade", "project", "place"):
        data[key] = (data.get(key) or "").strip()
    return data


@transaction.atomic
def create_competition(*, actor, organisation, **fields) -> Competition:
    if organisation is None or not may_edit_org(actor, organisation):
        raise ValidationError({"organisation": OUT_OF_SCOPE})
    unknown = set(fields) - set(COMPETITION_FIELDS)
    if unknown:
        raise ValidationError({k: _("没有这个字段") for k in unknown})
    data = _check_competition(dict(fields))
    return created(actor, Competition.objects.create(organisation=organisation, **data))


@transaction.atomic
def update_competition(*, actor, competition, **fields) -> Competition:
    competition = lock_for_edit(competition, actor=actor)
    before = audit.snapshot(competition)
    current = {k: getattr(competition, k) for k in COMPETITION_FIELDS}
    current.update({k: v for k, v in fields.items() if k in COMPETITION_FIELDS})
    for key, value in _check_competition(current).items():
        setattr(competition, key, value)
    return audit.saved(competition, actor=actor, before=before)


def _editable(actor, competition, status=None) -> Competition:
    competition = lock_for_edit(competition, actor=actor)
    if status is not None and competition.status != status:
        raise ValidationError(
            _("竞赛当前为“%(s)s”，不能进行此操作") % {"s": competition.get_status_display()}
        )
    return competition


@transaction.atomic
def set_quota(*, actor, competition, organisation, quota) -> ContestQuota:
    competition = _editable(actor, competition)
    if organisation is None or not organisation.path.startswith(competition.organisation.path):
        raise ValidationError({"organisation": _("名额只能分配给主办工会范围内的单位")})
    if not isinstance(quota, int) or quota < 0:
        raise ValidationError({"quota": _("名额应为不小于0的整数")})
    row, made = ContestQuota.objects.get_or_create(
        competition=competition, organisation=organisation, defaults={"quota": quota}
    )
    if made:
        return created(actor, row)
    before = audit.snapshot(row)
    row.quota = quota
    return audit.saved(row, actor=actor, before=before)


@transaction.atomic
def add_round(*, actor, competition, name, kind, weight, held_on=None) -> Round:
    competition = _editable(actor, competition)
    if not competition.is_skills:
        raise ValidationError(_("只有技能大赛设比赛轮次"))
    if competition.status == ContestStatus.PUBLISHED:
        raise ValidationError(_("成绩已公布，不能再增加轮次"))
    if kind not in RoundKind.values:
        raise ValidationError({"kind": _("请选择轮次类别（理论或实操）")})
    if not (name or "").strip():
        raise ValidationError({"name": _("请填写轮次名称")})
    weight = decimal_in(weight, field="weight", label=_("轮次权重"), low=Decimal("0.01"))
    return created(actor, Round.objects.create(
        competition=competition, name=name.strip()[:50], kind=kind, weight=weight,
        held_on=held_on,
    ))  # fmt: skip


@transaction.atomic
def add_criterion(*, actor, round, name, weight, max_score="100") -> ScoreCriterion:
    _editable(actor, round.competition)
    if round.competition.status == ContestStatus.PUBLISHED:
        raise ValidationError(_("成绩已公布，不能再增加评分项"))
    if not (name or "").strip():
        raise ValidationError({"name": _("请填写评分项名称")})
    weight = decimal_in(weight, field="weight", label=_("评分项权重"), low=Decimal("0.01"))
    top = decimal_in(max_score, field="max_score", label=_("满分"), low=Decimal(1),
                     high=Decimal(1000))  # fmt: skip
    return created(actor, ScoreCriterion.objects.create(
        round=round, name=name.strip()[:50], weight=weight, max_score=top,
    ))  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------


def age_on(member, day: datetime.date) -> int:
    born = member.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_rules(competition, member, trade: str) -> None:
    """The competition's rules for one worker, each refusal in plain Chinese."""
    if competition.status != ContestStatus.OPEN:
        raise ValidationError({"member": _("该竞赛报名已截止")})
    if competition.members_only and member.status != MemberStatus.ACTIVE:
        raise ValidationError({"member": _("本竞赛只接受在会会员报名，%(n)s不是在会会员")
                                         % {"n": member.name}})  # fmt: skip
    age = age_on(member, competition.starts_on)
    if competition.min_age is not None and age < competition.min_age:
        raise ValidationError({"member": _("%(n)s比赛开始时%(a)d岁，未满最低年龄%(m)d岁")
                                         % {"n": member.name, "a": age,
                                            "m": competition.min_age}})  # fmt: skip
    if competition.max_age is not None and age > competition.max_age:
        raise ValidationError({"member": _("%(n)s比赛开始时%(a)d岁，超过最高年龄%(m)d岁")
                                         % {"n": member.name, "a": age,
                                            "m": competition.max_age}})  # fmt: skip
    if competition.trade and (trade or "").strip() != competition.trade:
        raise ValidationError(
            {"trade": _("本竞赛工种为“%(t)s”，报名工种不符") % {"t": competition.trade}}
        )
    if not member.union.path.startswith(competition.organisation.path):
        raise ValidationError(
            {"member": _("%(n)s所在工会不在主办工会范围内") % {"n": member.name}}
        )
    if Entrant.objects.filter(competition=competition, member__id_hash=member.id_hash).exclude(
        status=EntrantStatus.WITHDRAWN
    ).exists():
        raise ValidationError({"member": _("%(n)s已报名本竞赛") % {"n": member.name}})


def check_quota(competition, union) -> None:
    """Every quota set on the entrant's union or above it (within the organiser) must have room."""
    for quota in competition.quotas.select_related("organisation"):
        if not union.path.startswith(quota.organisation.path):
            continue
        used = Entrant.objects.filter(
            competition=competition, status__in=COUNTED,
            union__path__startswith=quota.organisation.path,
        ).count()  # fmt: skip
        if used >= quota.quota:
            full = _("%(o)s的报名名额（%(q)d人）已用完") % {
                "o": quota.organisation, "q": quota.quota,
            }  # fmt: skip
            raise ValidationError({"member": full})


def _register(competition, member, trade, source, status, actor) -> Entrant:
    competition = Competition.objects.select_for_update().select_related("organisation").get(
        pk=competition.pk
    )
    check_rules(competition, member, trade)
    check_quota(competition, member.union)
    Entrant.objects.filter(competition=competition, member=member,
                           status=EntrantStatus.WITHDRAWN).delete()  # fmt: skip
    entrant = Entrant.objects.create(
        competition=competition, union=member.union, member=member, name=member.name,
        employer=member.employer, trade=(trade or competition.trade or "").strip()[:50],
        source=source, status=status,
    )  # fmt: skip
    return created(actor, entrant)


@transaction.atomic
def register(*, actor, competition, member, trade="") -> Entrant:
    """A union registers one of its workers (the clerk picks a registry member): confirmed."""
    if member is None:
        raise ValidationError({"member": _("请选择报名的会员")})
    if not may_edit_org(actor, member.union):
        raise ValidationError({"member": OUT_OF_SCOPE})
    return _register(competition, member, trade, EntrantSource.UNION, EntrantStatus.CONFIRMED,
                     actor)  # fmt: skip


@transaction.atomic
def register_self(*, member, competition, trade="") -> Entrant:
    """A worker registers in the portal: waits for their union to confirm it."""
    if not competition.members_only and member is None:
        raise ValidationError({"member": _("请先登录")})
    return _register(competition, member, trade, EntrantSource.PORTAL, EntrantStatus.PENDING,
                     None)  # fmt: skip


def _entrant_step(actor, entrant, allowed, to) -> Entrant:
    entrant = Entrant.objects.select_for_update().select_related("union", "competition").get(
        pk=entrant.pk
    )
    ensure_may_edit_org(actor, entrant.union)
    if entrant.status not in allowed:
        raise ValidationError(_("该报名当前为“%(s)s”，不能进行此操作")
                              % {"s": entrant.get_status_display()})  # fmt: skip
    before = audit.snapshot(entrant)
    entrant.status = to
    return audit.saved(entrant, actor=actor, before=before)


@transaction.atomic
def confirm_entrant(*, actor, entrant) -> Entrant:
    return _entrant_step(actor, entrant, (EntrantStatus.PENDING,), EntrantStatus.CONFIRMED)


@transaction.atomic
def withdraw_entrant(*, actor, entrant) -> Entrant:
    if entrant.competition.status == ContestStatus.PUBLISHED:
        raise ValidationError(_("成绩已公布，不能退出"))
    return _entrant_step(actor, entrant, COUNTED, EntrantStatus.WITHDRAWN)


@transaction.atomic
def close_registration(*, actor, competition) -> Competition:
    competition = _editable(actor, competition, ContestStatus.OPEN)
    if competition.entrants.filter(status=EntrantStatus.PENDING).exists():
        raise ValidationError(_("还有待工会确认的报名，请先确认或退回"))
    before = audit.snapshot(competition)
    competition.status = ContestStatus.SCORING
    return audit.saved(competition, actor=actor, before=before)


# ---------------------------------------------------------------------------------------------
# Labour contests over a project: teams, stages, summaries, the year-end commendation
# ---------------------------------------------------------------------------------------------


def _labour(actor, competition) -> Competition:
    competition = _editable(actor, competition)
    if competition.kind != ContestKind.LABOUR:
        raise ValidationError(_("只有劳动竞赛设参赛队和竞赛阶段"))
    return competition


@transaction.atomic
def add_team(*, actor, competition, name, union, leader="") -> ContestTeam:
    competition = _labour(actor, competition)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请填写参赛队名称")})
    if union is None or not union.path.startswith(competition.organisation.path):
        raise ValidationError({"union": _("参赛队所在工会须在主办工会范围内")})
    if ContestTeam.objects.filter(competition=competition, name=name).exists():
        raise ValidationError({"name": _("已有同名参赛队")})
    return created(actor, ContestTeam.objects.create(
        competition=competition, name=name[:100], union=union, leader=(leader or "").strip()[:50]
    ))  # fmt: skip


@transaction.atomic
def add_stage(*, actor, competition, name, starts_on, ends_on) -> ContestStage:
    competition = _labour(actor, competition)
    if not (name or "").strip():
        raise ValidationError({"name": _("请填写阶段名称")})
    if not (is_date(starts_on) and is_date(ends_on)) or ends_on < starts_on:
        raise ValidationError({"ends_on": _("请填写阶段起止日期，结束不早于开始")})
    return created(actor, ContestStage.objects.create(
        competition=competition, name=name.strip()[:50], starts_on=starts_on, ends_on=ends_on
    ))  # fmt: skip


@transaction.atomic
def add_summary(*, actor, stage, team, summary, score=None) -> StageSummary:
    _labour(actor, stage.competition)
    if team is None or team.competition_id != stage.competition_id:
        raise ValidationError({"team": _("请选择本竞赛的参赛队")})
    if not (summary or "").strip():
        raise ValidationError({"summary": _("请填写阶段小结")})
    if StageSummary.objects.filter(stage=stage, team=team).exists():
        raise ValidationError({"team": _("该参赛队本阶段已有小结")})
    if score not in (None, ""):
        score = decimal_in(score, field="score", label=_("阶段评分"))
    else:
        score = None
    return created(actor, StageSummary.objects.create(
        stage=stage, team=team, summary=summary.strip(), score=score, recorded_by=actor
    ))  # fmt: skip


@transaction.atomic
def commend_team(*, actor, team, commendation) -> ContestTeam:
    _labour(actor, team.competition)
    if not (commendation or "").strip():
        raise ValidationError({"commendation": _("请填写表彰称号")})
    team = ContestTeam.objects.select_for_update().get(pk=team.pk)
    if team.commended:
        raise ValidationError(_("该参赛队已表彰"))
    before = audit.snapshot(team)
    team.commended, team.commendation = True, commendation.strip()[:100]
    return audit.saved(team, actor=actor, before=before)


def ensure_editor(actor, competition) -> None:
    if not may_edit_org(actor, competition.organisation):
        raise PermissionDenied(OUT_OF_SCOPE)
