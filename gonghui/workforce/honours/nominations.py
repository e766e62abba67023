"""Nominations (推荐) from the grassroots union to the honour: the only code that writes them,
their steps, vetting opinions, panel scores, objections, honours and certificate numbers.

Life cycle, and who may act:
- DRAFT (待报送): a clerk of a grassroots union enters the nominee (a member of the union, or
  for a collective kind a unit or team) with the democratic appraisal (民主评议: date, voters,
  votes for; more than half must be for) and uploads the workers' congress minutes.
- `submit`: the same union's clerk sends it up, within every quota above it. Each organisation
  strictly between the union and the cycle's organisation then decides in turn (REVIEWING);
  whoever entered or sent it never decides it, one person decides one level.
- CANDIDATE (候选): on the cycle's list. The cycle's organisation records the four vetting
  opinions (纪检, 公安, 人社, 安全监管) and panel scores while the cycle is VETTING, publishes the
  notice (masked names, dates), logs objections and answers each.
- `approve`: after the notice has ended, with every objection answered and none upheld, by a
  reviewer of the cycle's organisation who is not a party: an `Honour` with the decision's
  document number and the next certificate number of the kind and year, taken under a row lock
  on the kind's sequence (two approvals at once queue there; the unique column backs it).
- `refuse`: at any level with a reason; `withdraw`: the union before a decision.
Every change is audited.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.models.orgs import COVERING_KINDS
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.core.validators import is_date
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.workforce.choices import (
    Agency,
    CycleStatus,
    NominationStatus,
    Opinion,
    Position,
    StepStatus,
    Subject,
)
from gonghui.workforce.documents import attach
from gonghui.workforce.honours import queries
from gonghui.workforce.honours.services import rules_problem
from gonghui.workforce.models import (
    CertificateSequence,
    Honour,
    HonourCycle,
    Honouree,
    Nomination,
    NominationStep,
    Objection,
    PanelScore,
    VettingOpinion,
    WorkforceDocument,
)

MINUTES = "职代会决议/评议会议纪要"
LIVE = (NominationStatus.REVIEWING, NominationStatus.CANDIDATE, NominationStatus.APPROVED)


def _created(actor, obj):
    audit.record(actor=actor, action=AuditAction.CREATE, obj=obj, after=audit.snapshot(obj))
    return obj


def _set_status(actor, nomination, status, **changes) -> None:
    before = audit.snapshot(nomination)
    nomination.status = status
    for name, value in changes.items():
        setattr(nomination, name, value)
    audit.saved(nomination, actor=actor, before=before)


def _locked(nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("cycle__kind", "cycle__organisation", "union", "member", "employer")
        .get(pk=nomination.pk)
    )


def _check_appraisal(fields: dict, errors: dict) -> None:
    on, voters, votes = fields.get("appraised_on"), fields.get("voters"), fields.get("votes_for")
    if on not in (None, "") and not is_date(on):
        errors["appraised_on"] = _("评议日期格式不正确")
    elif on and on > timezone.localdate():
        errors["appraised_on"] = _("评议日期不能晚于今天")
    for name in ("voters", "votes_for"):
        value = fields.get(name)
        if value not in (None, "") and (not isinstance(value, int) or value < 0):
            errors[name] = _("应为不小于 0 的整数")
    if isinstance(voters, int) and isinstance(votes, int) and votes > voters:
        errors["votes_for"] = _("赞成票数不能多于参加评议人数")


NOMINATION_FIELDS = (
    "member", "employer", "team_name", "position", "deeds", "appraised_on", "voters", "votes_for",
)  # fmt: skip


def _check_nominee(cycle, union, fields: dict, errors: dict) -> None:
    subject = cycle.kind.subject
    member, employer = fields.get("member"), fields.get("employer")
    fields["team_name"] = (fields.get("team_name") or "").strip()
    fields["deeds"] = (fields.get("deeds") or "").strip()
    if len(fields["team_name"]) > 100:
        errors["team_name"] = _("不能超过100个字")
    if subject == Subject.INDIVIDUAL:
        fields["employer"] = None
        if member is None:
            errors["member"] = _("请选择被推荐的会员")
        elif member.union_id != union.pk or member.status != MemberStatus.ACTIVE:
            errors["member"] = _("被推荐人须是本工会的在会会员")
        if fields.get("position") not in Position.values:
            errors["position"] = _("请选择岗位类别（比例要求按此统计）")
    else:
        fields["member"] = None
        fields["position"] = fields.get("position") or ""
        if employer is None and not fields["team_name"]:
            errors["employer"] = _("请选择获推荐的单位，或填写班组/成果名称")
        elif employer is not None and employer.union_id != union.pk:
            errors["employer"] = _("推荐单位须由本工会覆盖")


@transaction.atomic
def create_nomination(*, actor, cycle: HonourCycle, union, **fields) -> Nomination:
    unknown = set(fields) - set(NOMINATION_FIELDS)
    if unknown:
        raise TypeError(f"create_nomination: unknown fields {sorted(unknown)}")
    fields = {name: fields.get(name) for name in NOMINATION_FIELDS}
    errors: dict = {}
    if union is None or not may_edit_org(actor, union):
        raise ValidationError({"union": OUT_OF_SCOPE})
    if union.kind not in COVERING_KINDS:
        errors["union"] = _("推荐由基层工会（或联合基层工会）提出")
    if cycle.status != CycleStatus.OPEN:
        errors["cycle"] = _("该评选已截止推荐")
    elif not union.path.startswith(cycle.organisation.path):
        errors["cycle"] = _("本工会不在该评选的范围内")
    _check_nominee(cycle, union, fields, errors)
    _check_appraisal(fields, errors)
    member = fields.get("member")
    if (
        member is not None
        and "member" not in errors
        and Nomination.objects.filter(
            cycle=cycle, member=member, status__in=[NominationStatus.DRAFT, *LIVE]
        ).exists()
    ):
        errors["member"] = _("该会员已被推荐参加本次评选")
    if errors:
        raise ValidationError(errors)
    for name in ("voters", "votes_for"):
        if fields[name] == "":
            fields[name] = None
    nomination = Nomination(cycle=cycle, union=union, created_by=actor, **fields)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:
        raise ValidationError({"member": _("该会员已被推荐参加本次评选")}) from exc
    return _created(actor, nomination)


@transaction.atomic
def update_nomination(*, actor, nomination, **fields) -> Nomination:
    nomination = _locked(nomination)
    if not may_edit_org(actor, nomination.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if nomination.status != NominationStatus.DRAFT:
        raise ValidationError(_("推荐已报送，不能再修改"))
    merged = {name: fields.get(name, getattr(nomination, name)) for name in NOMINATION_FIELDS}
    errors: dict = {}
    _check_nominee(nomination.cycle, nomination.union, merged, errors)
    _check_appraisal(merged, errors)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(nomination)
    for name, value in merged.items():
        setattr(nomination, name, value)
    return audit.saved(nomination, actor=actor, before=before)


@transaction.atomic
def attach_minutes(*, actor, nomination, upload, kind: str = MINUTES) -> WorkforceDocument:
    nomination = _locked(nomination)
    if not may_edit_org(actor, nomination.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if nomination.status != NominationStatus.DRAFT:
        raise ValidationError({"upload": _("推荐已报送，不能再更改材料")})
    return attach(actor=actor, upload=upload, kind=kind or MINUTES, nomination=nomination)


def review_chain(nomination: Nomination) -> list:
    """The organisations strictly between the union and the cycle's organisation, bottom-up."""
    top = nomination.cycle.organisation
    return [
        org
        for org in reversed(list(nomination.union.ancestors()))
        if org.path.startswith(top.path) and org.pk != top.pk
    ]


def _quota_problems(nomination: Nomination) -> list[str]:
    problems = []
    live = Nomination.objects.filter(cycle=nomination.cycle, status__in=LIVE).exclude(
        pk=nomination.pk
    )
    for quota in nomination.cycle.quotas.select_related("organisation"):
        if not nomination.union.path.startswith(quota.organisation.path):
            continue
        used = live.filter(union__path__startswith=quota.organisation.path).count()
        if used >= quota.quota:
            problems.append(
                _("%(org)s的推荐名额 %(q)d 名已用完")
                % {"org": quota.organisation, "q": quota.quota}
            )
    return problems


@transaction.atomic
def submit(*, actor, nomination) -> Nomination:
    """The grassroots union sends the nomination up (报送)."""
    nomination = _locked(nomination)
    if not may_edit_org(actor, nomination.union):
        raise PermissionDenied(_("只有推荐工会的经办人可以报送"))
    if nomination.status != NominationStatus.DRAFT:
        raise ValidationError(_("该推荐当前为“%(s)s”，不能报送") % {
            "s": nomination.get_status_display()})  # fmt: skip
    # The quota check reads the cycle's live list: the cycle row lock makes two submissions
    # from one town queue, so the last seat is not taken twice.
    HonourCycle.objects.select_for_update().filter(pk=nomination.cycle_id).first()
    errors: dict = {}
    if nomination.cycle.status != CycleStatus.OPEN:
        errors["cycle"] = _("该评选已截止推荐")
    if not nomination.appraised_on:
        errors["appraised_on"] = _("请填写民主评议日期")
    if not nomination.voters:
        errors["voters"] = _("请填写参加评议人数")
    if nomination.votes_for is None:
        errors["votes_for"] = _("请填写赞成票数")
    elif nomination.voters and nomination.votes_for * 2 <= nomination.voters:
        errors["votes_for"] = _("赞成票未超过参加评议人数的半数，不能推荐")
    if not nomination.documents.exists():
        errors["documents"] = _("请上传职代会决议或评议会议纪要")
    if not nomination.deeds:
        errors["deeds"] = _("请填写主要事迹")
    quota = _quota_problems(nomination)
    if quota:
        errors["cycle"] = quota
    if errors:
        raise ValidationError(errors)
    chain = review_chain(nomination)
    for order, org in enumerate(chain, start=1):
        _created(actor, NominationStep.objects.create(nomination=nomination, order=order,
                                                      organisation=org))  # fmt: skip
    status = NominationStatus.REVIEWING if chain else NominationStatus.CANDIDATE
    _set_status(actor, nomination, status, submitted_by=actor, submitted_at=timezone.now())
    return nomination


def _step_for(actor, nomination) -> NominationStep:
    if nomination.status != NominationStatus.REVIEWING:
        raise ValidationError(_("该推荐当前为“%(s)s”，不在逐级审核中") % {
            "s": nomination.get_status_display()})  # fmt: skip
    if queries.is_party(actor, nomination):
        raise PermissionDenied(_("不能审核自己录入或报送的推荐"))
    if actor is not None and nomination.steps.filter(decided_by=actor).exists():
        raise PermissionDenied(_("您已审核过本推荐的下一级，这一级须由其他人审核"))
    step = queries.current_step(nomination)
    if step is None or not queries.may_decide_step(actor, nomination):
        raise PermissionDenied(_("当前由%(org)s审核，您无权审核这一级") % {
            "org": step.organisation.name if step else "—"})  # fmt: skip
    return step


def _comment(value, errors, field="comment") -> str:
    value = (value or "").strip()
    if len(value) > 200:
        errors[field] = _("不能超过200个字")
    return value


def _decide(actor, step, status, comment) -> None:
    before = audit.snapshot(step)
    step.status, step.comment = status, comment
    step.decided_by, step.decided_at = actor, timezone.now()
    audit.saved(step, actor=actor, before=before)


@transaction.atomic
def send_on(*, actor, nomination, comment="") -> Nomination:
    """The current level agrees and sends it up (同意上报); the last level puts it on the list."""
    nomination = _locked(nomination)
    step = _step_for(actor, nomination)
    errors: dict = {}
    comment = _comment(comment, errors)
    if errors:
        raise ValidationError(errors)
    _decide(actor, step, StepStatus.APPROVED, comment)
    if queries.current_step(nomination) is None:
        _set_status(actor, nomination, NominationStatus.CANDIDATE)
    return nomination


@transaction.atomic
def refuse(*, actor, nomination, reason) -> Nomination:
    """Refused by the current level, or by the cycle's organisation for a candidate (an agency's
    objection, an objection upheld)."""
    nomination = _locked(nomination)
    errors: dict = {}
    reason = _comment(reason, errors, "reason")
    if not reason:
        errors["reason"] = _("请填写不同意的原因")
    if nomination.status == NominationStatus.REVIEWING:
        step = _step_for(actor, nomination)
    elif nomination.status == NominationStatus.CANDIDATE:
        step = None
        _ensure_cycle_actor(actor, nomination)
    else:
        raise ValidationError(_("该推荐当前为“%(s)s”，不能作不同意处理") % {
            "s": nomination.get_status_display()})  # fmt: skip
    if errors:
        raise ValidationError(errors)
    if step is not None:
        _decide(actor, step, StepStatus.REFUSED, reason)
    _set_status(actor, nomination, NominationStatus.REFUSED, refusal_reason=reason)
    _maybe_decided(actor, nomination.cycle)
    return nomination


@transaction.atomic
def withdraw(*, actor, nomination) -> Nomination:
    nomination = _locked(nomination)
    if not may_edit_org(actor, nomination.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if nomination.status not in (NominationStatus.DRAFT, NominationStatus.REVIEWING):
        raise ValidationError(_("该推荐当前为“%(s)s”，不能撤回") % {
            "s": nomination.get_status_display()})  # fmt: skip
    _set_status(actor, nomination, NominationStatus.WITHDRAWN)
    return nomination


# ---------------------------------------------------------------------------------------------
# At the cycle's organisation: vetting, scores, the notice, objections
# ---------------------------------------------------------------------------------------------


def _ensure_cycle_actor(actor, nomination_or_cycle) -> None:
    cycle = getattr(nomination_or_cycle, "cycle", nomination_or_cycle)
    if not queries.acts_for_cycle(actor, cycle):
        raise PermissionDenied(_("只有%(org)s可以办理") % {"org": cycle.organisation.name})


def _candidate_in(nomination, *statuses) -> None:
    if nomination.status != NominationStatus.CANDIDATE:
        raise ValidationError(_("该推荐当前为“%(s)s”，不是候选人") % {
            "s": nomination.get_status_display()})  # fmt: skip
    if nomination.cycle.status not in statuses:
        raise ValidationError(_("评选当前为“%(s)s”，不能办理此事项") % {
            "s": nomination.cycle.get_status_display()})  # fmt: skip


@transaction.atomic
def record_opinion(*, actor, nomination, agency, opinion, note="") -> VettingOpinion:
    nomination = _locked(nomination)
    _ensure_cycle_actor(actor, nomination)
    _candidate_in(nomination, CycleStatus.VETTING)
    errors: dict = {}
    if agency not in Agency.values:
        errors["agency"] = _("请选择征求意见单位")
    if opinion not in Opinion.values:
        errors["opinion"] = _("请选择意见")
    note = _comment(note, errors, "note")
    if opinion == Opinion.OBJECT and not note:
        errors["note"] = _("有异议时请写明情况")
    if errors:
        raise ValidationError(errors)
    row = VettingOpinion.objects.filter(nomination=nomination, agency=agency).first()
    if row is None:
        row = VettingOpinion.objects.create(
            nomination=nomination, agency=agency, opinion=opinion, note=note, recorded_by=actor
        )
        return _created(actor, row)
    before = audit.snapshot(row)
    row.opinion, row.note, row.recorded_by = opinion, note, actor
    return audit.saved(row, actor=actor, before=before)


@transaction.atomic
def record_score(*, actor, nomination, panelist, score) -> PanelScore:
    from decimal import Decimal, InvalidOperation

    nomination = _locked(nomination)
    _ensure_cycle_actor(actor, nomination)
    _candidate_in(nomination, CycleStatus.VETTING)
    errors: dict = {}
    panelist = (panelist or "").strip()
    if not panelist or len(panelist) > 50:
        errors["panelist"] = _("请填写评委姓名（不超过50个字）")
    try:
        score = Decimal(str(score).strip())
        if not Decimal(0) <= score <= Decimal(100) or score != score.quantize(Decimal("0.01")):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["score"] = _("评分应为 0—100 之间的数，最多两位小数")
    if errors:
        raise ValidationError(errors)
    row = PanelScore.objects.filter(nomination=nomination, panelist=panelist).first()
    if row is None:
        row = PanelScore.objects.create(nomination=nomination, panelist=panelist, score=score,
                                        recorded_by=actor)  # fmt: skip
        return _created(actor, row)
    before = audit.snapshot(row)
    row.score = score
    return audit.saved(row, actor=actor, before=before)


@transaction.atomic
def publish_notice(*, actor, cycle, starts_on, ends_on) -> HonourCycle:
    """公示: every candidate has the four opinions, none objecting (refuse those first), and
    the list still meets every share rule."""
    cycle = HonourCycle.objects.select_for_update().select_related("organisation").get(pk=cycle.pk)
    _ensure_cycle_actor(actor, cycle)
    if cycle.status != CycleStatus.VETTING:
        raise ValidationError(_("评选当前为“%(s)s”，不能发布公示") % {
            "s": cycle.get_status_display()})  # fmt: skip
    errors: dict = {}
    if not is_date(starts_on):
        errors["starts_on"] = _("请填写公示开始日期")
    if not is_date(ends_on):
        errors["ends_on"] = _("请填写公示结束日期")
    elif is_date(starts_on) and ends_on < starts_on:
        errors["ends_on"] = _("公示结束日期不能早于开始日期")
    problems = []
    candidates = Nomination.objects.filter(cycle=cycle, status=NominationStatus.CANDIDATE)
    for n in candidates.select_related("member", "employer"):
        missing = queries.opinions_missing(n)
        if missing:
            problems.append(
                _("%(n)s缺少%(a)s意见") % {"n": n.nominee_name, "a": "、".join(missing)}
            )
        elif queries.objected_by_agency(n):
            problems.append(
                _("%(n)s有征求意见单位提出异议，请先作不同意处理") % {"n": n.nominee_name}
            )
    if not candidates.exists():
        problems.append(_("没有候选人"))
    problem = rules_problem(cycle)
    if problem:
        problems.append(problem)
    if problems:
        errors["status"] = problems
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(cycle)
    cycle.status = CycleStatus.NOTICE
    cycle.notice_starts_on, cycle.notice_ends_on = starts_on, ends_on
    cycle.notice_published_by = actor
    return audit.saved(cycle, actor=actor, before=before)


@transaction.atomic
def record_objection(*, actor, nomination, received_on, content, source="") -> Objection:
    nomination = _locked(nomination)
    _ensure_cycle_actor(actor, nomination)
    _candidate_in(nomination, CycleStatus.NOTICE)
    errors: dict = {}
    content = (content or "").strip()
    source = (source or "").strip()
    if not content:
        errors["content"] = _("请填写异议内容")
    if len(source) > 100:
        errors["source"] = _("不能超过100个字")
    if not is_date(received_on):
        errors["received_on"] = _("请填写收到日期")
    if errors:
        raise ValidationError(errors)
    return _created(actor, Objection.objects.create(
        nomination=nomination, received_on=received_on, source=source, content=content,
        recorded_by=actor,
    ))  # fmt: skip


@transaction.atomic
def answer_objection(*, actor, objection, answer, upheld=False, answered_on=None) -> Objection:
    objection = (
        Objection.objects.select_for_update()
        .select_related("nomination__cycle")
        .get(pk=objection.pk)
    )
    _ensure_cycle_actor(actor, objection.nomination)
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("请填写核查答复")})
    before = audit.snapshot(objection)
    objection.answer, objection.upheld = answer, bool(upheld)
    objection.answered_on = answered_on or timezone.localdate()
    objection.answered_by = actor
    return audit.saved(objection, actor=actor, before=before)


# ---------------------------------------------------------------------------------------------
# Approval and certificate numbers
# ---------------------------------------------------------------------------------------------


def next_certificate_no(kind, year: int) -> str:
    """The next number of the kind's sequence for `year`, taken under a row lock on the
    sequence; a number an imported honour already holds is skipped."""
    sequence = CertificateSequence.objects.select_for_update().filter(kind=kind, year=year).first()
    if sequence is None:
        try:
            with transaction.atomic():
                CertificateSequence.objects.create(kind=kind, year=year)
        except IntegrityError:
            pass  # created meanwhile by a concurrent approval: lock theirs
        sequence = CertificateSequence.objects.select_for_update().get(kind=kind, year=year)
    while True:
        sequence.last += 1
        number = kind.certificate_format.format(code=kind.code, year=year, seq=sequence.last)
        if not Honour.objects.filter(certificate_no=number).exists():
            break
    sequence.save(update_fields=["last"])
    return number


def honouree_for(member: Member, *, actor=None) -> Honouree:
    """The person's file (one per ID number, whichever membership spell), created when new."""
    honouree = Honouree.objects.filter(id_hash=member.id_hash).first()
    if honouree is not None:
        return honouree
    honouree = Honouree.objects.create(
        member=member, id_hash=member.id_hash, id_masked=member.id_masked, name=member.name,
        gender=member.gender, birth_year=member.birth_year, union=member.union,
        employer=member.employer,
    )  # fmt: skip
    return _created(actor, honouree)


@transaction.atomic
def approve(*, actor, nomination, document_number, awarded_on=None) -> Honour:
    nomination = _locked(nomination)
    _ensure_cycle_actor(actor, nomination)
    if queries.is_party(actor, nomination):
        raise PermissionDenied(_("不能批准自己录入或报送的推荐"))
    _candidate_in(nomination, CycleStatus.NOTICE)
    cycle = nomination.cycle
    today = timezone.localdate()
    errors: dict = {}
    document_number = (document_number or "").strip()
    if not document_number or len(document_number) > 60:
        errors["document_number"] = _("请填写表彰文号（不超过60个字）")
    awarded_on = awarded_on or today
    if not is_date(awarded_on):
        errors["awarded_on"] = _("授予日期格式不正确")
    if cycle.notice_ends_on and today <= cycle.notice_ends_on:
        errors["status"] = _("公示期至 %(d)s，期满后才能批准") % {"d": cycle.notice_ends_on}
    open_objections = nomination.objections.filter(answered_on__isnull=True).count()
    if open_objections:
        errors["objections"] = _("还有 %(n)d 条公示异议未答复") % {"n": open_objections}
    elif nomination.objections.filter(upheld=True).exists():
        errors["objections"] = _("公示异议经核查成立，不能批准，请作不同意处理")
    if errors:
        raise ValidationError(errors)
    honouree = honouree_for(nomination.member, actor=actor) if nomination.member_id else None
    honour = Honour(
        kind=cycle.kind, cycle=cycle, nomination=nomination, honouree=honouree,
        employer=nomination.employer, team_name=nomination.team_name,
        union=honouree.union if honouree else nomination.union, year=cycle.year,
        awarded_on=awarded_on, document_number=document_number,
        certificate_no=next_certificate_no(cycle.kind, cycle.year),
    )  # fmt: skip
    honour.save()
    _created(actor, honour)
    _set_status(actor, nomination, NominationStatus.APPROVED)
    _maybe_decided(actor, cycle)
    return honour


@transaction.atomic
def approve_all(*, actor, cycle, document_number, awarded_on=None) -> list[Honour]:
    """Every candidate of the cycle under one decision (表彰决定); one refusal undoes all."""
    honours = []
    candidates = Nomination.objects.filter(cycle=cycle, status=NominationStatus.CANDIDATE)
    for nomination in candidates.order_by("union__path", "pk"):
        try:
            honour = approve(
                actor=actor,
                nomination=nomination,
                document_number=document_number,
                awarded_on=awarded_on,
            )
            honours.append(honour)
        except ValidationError as exc:
            raise ValidationError(
                {"status": f"{nomination.nominee_name}：{'；'.join(exc.messages)}"}
            ) from exc
    return honours


def _maybe_decided(actor, cycle) -> None:
    cycle = HonourCycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.status != CycleStatus.NOTICE:
        return
    if Nomination.objects.filter(cycle=cycle, status=NominationStatus.CANDIDATE).exists():
        return
    before = audit.snapshot(cycle)
    cycle.status = CycleStatus.DECIDED
    audit.saved(cycle, actor=actor, before=before)


def notice_days(cycle) -> int | None:
    if cycle.notice_starts_on and cycle.notice_ends_on:
        return (cycle.notice_ends_on - cycle.notice_starts_on).days + 1
    return None
