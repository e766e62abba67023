"""Cases for `gonghui demo` (a part of gonghui.rights.demo): a year of rights cases at the county's
legal-aid centre and the town unions, every one taken through gonghui.rights.cases.services step
by step, then dated back as if the work had been done over the year (as gonghui.aid.demo does).

Proportionate to the county: about 180 cases a year at 30,000 members (竹溪 reports 182 legal-aid
cases and 11.6 M yuan of wages recovered), never fewer than enough to show every status. Most
are unpaid wages, many mediated with the wages recovered; open ones sit at every stage, a few
past their stage's deadline; one closed case and one declined case were reopened. The cases
that need a lawyer are assigned to the counsel the counsel part left on `demo.counsel` (the first
of them, the demo's `lawyer` login, gets several open ones); without counsel they wait at
accepted. The warnings the cases opened (an open case raises its employer's risk) are dated with
their case and mostly handled by the town.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from gonghui.core import sms
from gonghui.registry.models import Employer, Member
from gonghui.rights.cases import deadlines
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseAction, CaseChannel, CaseKind, CaseStatus
from gonghui.rights.models import Case, CaseEvent, CaseNote, RiskWarning
from gonghui.rights.risk import warnings as risk_warnings
from gonghui.rights.risk.services import handle_by

S = CaseStatus
PER_MEMBER = 180 / 30_000  # cases a year per active member
MIN_CASES = 36
# Ending states and their shares (the rest: closed after a mediation agreement).
PLAN = (
    ("received", 0.04, 2), ("accepted", 0.04, 2), ("declined", 0.05, 2), ("assigned", 0.05, 2),
    ("mediating", 0.09, 4), ("agreement", 0.04, 2), ("arbitration", 0.02, 1),
    ("litigation", 0.01, 1), ("withdrawn", 0.01, 1), ("closed_arbitration", 0.05, 1),
    ("closed_litigation", 0.02, 1), ("closed_withdrawn", 0.04, 1), ("reopened", 0, 1),
    ("declined_reopened", 0, 1),
)  # fmt: skip
KINDS = (
    [CaseKind.WAGES] * 11 + [CaseKind.CONTRACT] * 2 + [CaseKind.INJURY] * 2
    + [CaseKind.SOCIAL_INSURANCE] * 2 + [CaseKind.DISMISSAL] * 2 + [CaseKind.OTHER]
)  # fmt: skip
FACTS = {
    CaseKind.WAGES: "申请人在该单位从事{job}工作，单位拖欠{n}人{months}个月工资共计{amount}元，"
    "多次催要未果，请求工会帮助追讨。",
    CaseKind.CONTRACT: "申请人入职后单位一直未与其签订书面劳动合同，"
    "请求支付未签合同的二倍工资差额。",
    CaseKind.INJURY: "申请人在工作中受伤，已认定为工伤，单位拒不支付停工留薪期工资和伤残补助。",
    CaseKind.SOCIAL_INSURANCE: "单位未依法为申请人缴纳社会保险，请求补缴并赔偿相应损失。",
    CaseKind.DISMISSAL: "单位以经营困难为由口头辞退申请人，未支付经济补偿，请求依法支付。",
    CaseKind.OTHER: "申请人对单位调整工作岗位和休息休假安排有异议，请求工会协调。",
}
JOBS = ("车间操作", "建筑施工", "搬运装卸", "餐厅服务", "保洁", "驾驶", "仓库管理")
LOOSE_EMPLOYERS = ("{s}某建筑劳务班组", "{s}某装修工程队", "{s}某个体餐馆", "{s}某家庭作坊")
GAP = {  # days a step takes after the one before (low, high)
    "accept": (0, 2), "decline": (1, 3), "assign": (0, 2), "mediate": (1, 4),
    "outcome": (4, 14), "close": (2, 9), "withdraw": (2, 12), "reopen": (12, 40),
    "recover": (10, 40),
}  # fmt: skip
NEEDS_COUNSEL = ("assign",)
STATUS_AFTER = {  # the stage a step leaves a case in (its deadline is counted from the step)
    "receive": S.RECEIVED, "accept": S.ACCEPTED, "decline": S.DECLINED, "assign": S.ASSIGNED,
    "mediate": S.MEDIATING, "withdraw": S.WITHDRAWN, "close": S.CLOSED,
}  # fmt: skip


@dataclass
class Planned:
    """One case to make: where it ends, its steps (after receipt) and their dates."""

    end: str
    steps: list[str]
    outcome: str = ""
    overdue: bool = False
    days: list[datetime.date] = field(default_factory=list)  # receipt first, then each step
    case: Case | None = None
    moments: list[datetime.datetime] = field(default_factory=list)


def generate(demo) -> list[str]:
    first_warning = RiskWarning.objects.aggregate(m=Max("pk"))["m"] or 0
    first_event = CaseEvent.objects.aggregate(m=Max("pk"))["m"] or 0
    with sms.muted():
        plans = _plan(demo, _count())
        made = _make(demo, plans)
    events = _date_back(demo, made, first_event)
    _handle_warnings(demo, made, events, first_warning)
    total = sum(
        (p.case.amount_recovered for p in made if p.case.kind == CaseKind.WAGES), Decimal(0)
    )
    open_n = sum(1 for p in made if p.case.status not in (S.CLOSED, S.DECLINED))
    return [
        f"维权案件：近一年 {len(made)} 件（在办 {open_n} 件），追回欠薪 {total:,.2f} 元"
        + ("；律师 " + demo.counsel[0].name + " 名下有在办案件。" if demo.counsel else "。")
    ]


def _count() -> int:
    return max(MIN_CASES, round(Member.objects.active().count() * PER_MEMBER))


# ---------------------------------------------------------------------------------------------
# The plan: where each case ends and when each of its steps happened
# ---------------------------------------------------------------------------------------------


def _steps(end: str, has_counsel: bool) -> tuple[list[str], str]:
    mediated = ["accept", "assign", "mediate", "outcome"]
    table = {
        "received": ([], ""),
        "accepted": (["accept"], ""),
        "declined": (["decline"], ""),
        "assigned": (["accept", "assign"], ""),
        "mediating": (["accept", "assign", "mediate"], ""),
        "agreement": (mediated, S.AGREEMENT),
        "arbitration": (mediated, S.ARBITRATION),
        "litigation": (mediated, S.LITIGATION),
        "withdrawn": (["accept", "withdraw"], ""),
        "closed": ([*mediated, "close"], S.AGREEMENT),
        "closed_arbitration": ([*mediated, "recover", "close"], S.ARBITRATION),
        "closed_litigation": ([*mediated, "close"], S.LITIGATION),
        "closed_withdrawn": (["accept", "withdraw", "close"], ""),
        "reopened": ([*mediated, "close", "reopen"], S.AGREEMENT),
        "declined_reopened": (["decline", "reopen", "accept"], ""),
    }
    steps, outcome = table[end]
    if not has_counsel and "assign" in steps:
        # Nobody to assign: the case waits at accepted.
        return steps[: steps.index("assign")], ""
    return list(steps), outcome


def _plan(demo, n: int) -> list[Planned]:
    rng, today = demo.rng, demo.today
    ends = []
    for end, share, least in PLAN:
        ends += [end] * max(least, round(share * n))
    ends += ["closed"] * max(0, n - len(ends))
    plans = []
    for end in ends:
        steps, outcome = _steps(end, bool(demo.counsel))
        plan = Planned(end=end, steps=steps, outcome=outcome)
        gaps = [rng.randint(*GAP[s]) for s in steps]
        still_open = end not in ("closed", "declined") and not end.startswith("closed_")
        if still_open:
            # The current stage began recently, within its deadline; a few are past it.
            status = _status_after(steps, outcome)
            allowed = deadlines.stage_days().get(status, 10)
            plan.overdue = rng.random() < 0.25
            ago = allowed + rng.randint(1, 12) if plan.overdue else rng.randint(0, allowed - 1)
            last = today - datetime.timedelta(days=ago)
            received = last - datetime.timedelta(days=sum(gaps))
        else:
            span = sum(gaps)
            received = today - datetime.timedelta(days=rng.randint(span + 1, 364))
        plan.days = [received]
        for gap in gaps:
            plan.days.append(plan.days[-1] + datetime.timedelta(days=gap))
        plans.append(plan)
    plans.sort(key=lambda p: p.days[0])
    return plans


def _status_after(steps: list[str], outcome: str) -> str:
    status = S.RECEIVED
    for step in steps:
        if step == "outcome":
            status = outcome
        elif step == "reopen":
            status = S.ACCEPTED if status == S.CLOSED else S.RECEIVED
        elif step != "recover":
            status = STATUS_AFTER[step]
    return status


# ---------------------------------------------------------------------------------------------
# Through the services
# ---------------------------------------------------------------------------------------------


@dataclass
class _Area:
    """What a handling union draws its cases from."""

    union: object
    employers: list[int]
    members: list[int]


def _areas(demo) -> list[tuple[_Area, float]]:
    """The county's legal-aid centre and each town, with their weights; the employers and
    members of each in two queries."""
    employers = list(
        Employer.objects.operating().values_list("pk", "territory__path").order_by("pk")
    )
    member_rows = list(Member.objects.active().values_list("pk", "union__path").order_by("pk"))
    weights = {demo.county.pk: 0.35, demo.town1.pk: 0.2, demo.town2.pk: 0.1}
    others = max(1, len(demo.towns) - 2)
    result = []
    for org in [demo.county, *demo.towns]:
        result.append(
            (
                _Area(
                    union=org,
                    employers=[pk for pk, path in employers if path.startswith(org.path)],
                    members=[pk for pk, path in member_rows if path and path.startswith(org.path)],
                ),
                weights.get(org.pk, 0.35 / others),
            )
        )
    return result


def _amount(rng, kind: str, workers: int) -> Decimal:
    if kind == CaseKind.WAGES:
        return Decimal(workers * rng.randrange(4000, 30000, 100))
    low, high = {
        CaseKind.CONTRACT: (6000, 40000), CaseKind.INJURY: (20000, 180000),
        CaseKind.SOCIAL_INSURANCE: (5000, 50000), CaseKind.DISMISSAL: (8000, 80000),
    }.get(kind, (0, 1))  # fmt: skip
    return Decimal(rng.randrange(low, high, 100)) if high > 1 else Decimal(0)


def _counsel_for(demo, union, paths: dict, open_case: bool):
    fits = [
        c for c in demo.counsel
        if c.is_active
        and (union.path.startswith(paths[c.pk]) or paths[c.pk].startswith(union.path))
    ]  # fmt: skip
    if not fits:
        return None
    lead = demo.counsel[0]
    if lead in fits and demo.rng.random() < (0.55 if open_case else 0.25):
        return lead
    return demo.rng.choice(fits)


def _make(demo, plans: list[Planned]) -> list[Planned]:
    rng = demo.rng
    areas = _areas(demo)
    weights = [w for _a, w in areas]
    picked = [rng.choices(areas, weights)[0][0] for _p in plans]
    employer_ids = {
        rng.choice(area.employers) for area in picked if area.employers and rng.random() < 0.85
    }
    employers = Employer.objects.in_bulk(list(employer_ids))
    member_ids = {rng.choice(a.members) for a in picked if a.members}
    members = Member.objects.in_bulk(list(member_ids))
    paths = {c.pk: c.organisation.path for c in demo.counsel}
    points = {}
    for point in demo.points:
        points.setdefault(point.organisation_id, []).append(point)
    on_duty = [c for c in demo.counsel if c.user_id and c.is_active]
    made = []
    for plan, area in zip(plans, picked, strict=True):
        plan.case = _receive(demo, plan, area, employers, members, points, on_duty)
        open_case = plan.end in ("assigned", "mediating", "agreement", "arbitration", "litigation")
        counsel = (
            _counsel_for(demo, area.union, paths, open_case) if "assign" in plan.steps else None
        )
        if "assign" in plan.steps and counsel is None:
            plan.steps = plan.steps[: plan.steps.index("assign")]
            plan.days = plan.days[: len(plan.steps) + 1]
            plan.outcome = ""
        for step in plan.steps:
            plan.case = _take(demo, plan, step, counsel)
        made.append(plan)
    return made


def _receive(demo, plan, area, employers, members, points, on_duty) -> Case:
    rng = demo.rng
    kind = rng.choice(KINDS)
    workers = (
        1
        if rng.random() < 0.6
        else rng.randint(2, 12)
        if rng.random() < 0.8
        else rng.randint(13, 40)
    )
    if kind != CaseKind.WAGES:
        workers = 1 if rng.random() < 0.85 else rng.randint(2, 5)
    amount = _amount(rng, kind, workers)
    candidates = [pk for pk in area.employers if pk in employers]
    employer = employers[rng.choice(candidates)] if candidates and rng.random() < 0.85 else None
    member_pool = [pk for pk in area.members if pk in members]
    member = members[rng.choice(member_pool)] if member_pool and rng.random() < 0.5 else None
    name = member.name if member else demo.person()
    short = area.union.name.replace("总工会", "").replace("县", "")
    facts = FACTS[kind].format(
        job=rng.choice(JOBS), n=workers, months=rng.randint(2, 8), amount=f"{amount:,.0f}"
    )
    common = {
        "union": area.union, "kind": kind, "complainant_name": name, "phone": demo.phone(),
        "facts": facts, "employer": employer,
        "employer_name": "" if employer else rng.choice(LOOSE_EMPLOYERS).format(s=short),
        "amount_claimed": amount, "workers_involved": workers,
    }  # fmt: skip
    clerk = demo.clerk_for(area.union)
    here = points.get(area.union.pk)
    roll = rng.random()
    if here and on_duty and roll < 0.3:
        counsel = rng.choice(on_duty)
        return cases.receive_case(actor=counsel.user, channel=CaseChannel.VISIT,
                                  service_point=rng.choice(here), **common)  # fmt: skip
    if clerk.username != "admin" and roll < 0.75:
        return cases.receive_case(actor=clerk, channel=CaseChannel.CLERK, **common)
    return cases.receive_case(actor=None, channel=CaseChannel.PORTAL, member=member, **common)


def _manager(demo, case: Case):
    """Who accepts, declines, assigns and reopens: a clerk of the handling union who did not
    enter the case (the town's administrator or the county's)."""
    clerk = demo.clerk_for(case.union)
    if case.created_by_id and case.created_by_id == clerk.pk:
        return demo.users.get("townadmin") if clerk.username == "clerk" else demo.users["admin"]
    return clerk


def _take(demo, plan: Planned, step: str, counsel) -> Case:
    case, rng = plan.case, demo.rng
    manager = _manager(demo, case)
    worker = case.counsel.user if case.counsel_id and case.counsel.user_id else manager
    if step == "accept":
        return cases.accept_case(actor=manager, case=case)
    if step == "decline":
        return cases.decline_case(
            actor=manager, case=case,
            reason=rng.choice(("请求事项不属于劳动争议，已告知向人民法院起诉",
                               "已过仲裁时效，且无中止、中断情形", "申请人未提供劳动关系证明材料")),
        )  # fmt: skip
    if step == "assign":
        return cases.assign_case(actor=manager, case=case, counsel=counsel)
    if step == "mediate":
        case = cases.start_mediation(actor=worker, case=case)
        cases.add_note(actor=worker, case=case,
                       text="与单位负责人电话沟通，约定到工会调解室面谈。")  # fmt: skip
        return case
    if step == "outcome":
        share = Decimal(rng.randint(70, 100)) / 100 if plan.outcome == S.AGREEMENT else 0
        recovered = (case.amount_claimed * Decimal(share)).quantize(Decimal("1"))
        return cases.record_outcome(actor=worker, case=case, outcome=plan.outcome,
                                    amount_recovered=recovered)  # fmt: skip
    if step == "recover":
        share = Decimal(rng.randint(50, 90)) / 100
        return cases.record_recovery(
            actor=worker, case=case, note="仲裁裁决已履行",
            amount_recovered=(case.amount_claimed * share).quantize(Decimal("1")),
        )  # fmt: skip
    if step == "withdraw":
        return cases.withdraw_case(actor=manager, case=case, note="单位已主动支付，申请人撤回申请")
    if step == "close":
        return cases.close_case(actor=manager, case=case)
    if step == "reopen":
        reason = ("调解协议约定的第二期款项逾期未付，申请人要求继续办理"
                  if case.status == S.CLOSED else "申请人补充提交了劳动关系证明材料")  # fmt: skip
        return cases.reopen_case(actor=manager, case=case, reason=reason)
    raise ValueError(step)


# ---------------------------------------------------------------------------------------------
# Dating the year back
# ---------------------------------------------------------------------------------------------

DATE_FIELD = {
    "accept": "accepted_at", "assign": "assigned_at", "mediate": "mediation_at",
    "outcome": "outcome_at", "withdraw": "outcome_at", "close": "closed_at",
}  # fmt: skip


def _date_back(demo, made: list[Planned], first_event: int) -> list[CaseEvent]:
    """Each case's steps on its planned days: the case's dates, its stage deadline and number,
    its events and notes (three bulk writes). Returns the events, each with `real_at`, when it
    was written."""
    by_case = {}
    for plan in made:
        case = plan.case
        plan.moments = [demo.at(plan.days[0])]
        for day in plan.days[1:]:
            moment = demo.at(day)
            plan.moments.append(max(moment, plan.moments[-1] + datetime.timedelta(minutes=20)))
        late = plan.moments[-1] - timezone.now()
        if late > datetime.timedelta(0):  # just after midnight: today's steps are still to come
            plan.moments = [m - late - datetime.timedelta(minutes=1) for m in plan.moments]
        case.received_at = plan.moments[0]
        for step, moment in zip(plan.steps, plan.moments[1:], strict=True):
            if step in DATE_FIELD and not (step == "close" and case.status != S.CLOSED):
                setattr(case, DATE_FIELD[step], moment)
        if case.status == S.CLOSED:
            case.closed_at = plan.moments[-1]
        case.due_on = deadlines.due_on(case.status, plan.moments[-1].date())
        case.number = f"WQ{case.received_at:%Y}-{case.pk:06d}"
        by_case[case.pk] = plan
    Case.objects.bulk_update(
        [p.case for p in made],
        ["received_at", "accepted_at", "assigned_at", "mediation_at", "outcome_at", "closed_at",
         "due_on", "number"],
        batch_size=500,
    )  # fmt: skip
    events = list(
        CaseEvent.objects.filter(pk__gt=first_event, case_id__in=by_case).order_by("case_id", "pk")
    )
    seen: dict[int, int] = {}
    for event in events:
        plan = by_case[event.case_id]
        index = seen.get(event.case_id, 0)
        seen[event.case_id] = index + 1
        event.real_at = event.at
        event.at = plan.moments[min(index, len(plan.moments) - 1)]
    CaseEvent.objects.bulk_update(events, ["at"], batch_size=500)
    notes = list(CaseNote.objects.filter(case_id__in=by_case))
    for note in notes:
        plan = by_case[note.case_id]
        note.created_at = plan.moments[plan.steps.index("mediate") + 1]
    CaseNote.objects.bulk_update(notes, ["created_at"], batch_size=500)
    return events


def _handle_warnings(demo, made: list[Planned], events: list, first_warning: int) -> None:
    """An open case raises its employer to yellow (or above), which opens a warning: date each
    with the receipt (or reopening) that raised it, and have the town handle all but the
    recent ones."""
    warnings = list(RiskWarning.objects.filter(pk__gt=first_warning).select_related("responsible"))
    if not warnings:
        return
    employer_of = {p.case.pk: p.case.employer_id for p in made}
    raisers: dict[int, list] = {}
    for event in events:
        if event.action in (CaseAction.RECEIVE, CaseAction.REOPEN):
            raisers.setdefault(employer_of.get(event.case_id), []).append(event)
    for warning in warnings:
        before = [e for e in raisers.get(warning.employer_id, []) if e.real_at <= warning.opened_at]
        if before:
            moment = max(before, key=lambda e: e.real_at).at + datetime.timedelta(minutes=5)
            warning.opened_at, warning.due_at = moment, handle_by(warning.level, moment)
    RiskWarning.objects.bulk_update(warnings, ["opened_at", "due_at"], batch_size=500)
    recent = demo.at(demo.today, 0) - datetime.timedelta(days=4)
    for warning in warnings:
        if warning.opened_at < recent:
            risk_warnings.handle(
                actor=demo.clerk_for(warning.responsible), warning=warning,
                handling="已约谈企业负责人，督促依法支付工资、完善用工管理；相关案件已由工会受理办理。",
                now=warning.opened_at + datetime.timedelta(hours=demo.rng.randint(4, 40)),
            )  # fmt: skip
