"""The service area's demo (part "service" of gonghui.rights.demo): the county's legal-aid centre
and its stations (court, HR bureau, industrial park, one per town), a rota for the previous,
current and next month seated from `demo.counsel` (the previous month seated, the next two
copied from it), a year of receptions proportionate to a county (about 1,700 人次; a few become
cases through the cases service) and a year of outreach (about 20 lectures, 100 campaigns,
30,000 handbooks). Everything through the area's services."""

from __future__ import annotations

import datetime

from gonghui.core.models import Organisation, OrgKind
from gonghui.rights.choices import (
    CaseKind,
    DutySession,
    OutreachKind,
    PointKind,
    ReceptionKind,
    ReceptionOutcome,
)
from gonghui.rights.service import checks, outreach, points, receptions, rota

TARGET_VISITS = 1_700  # 人次 a year at the duty desks at the default size (竹溪: 1,760)
DEFAULT_EMPLOYERS = 1_000  # the demo's default size; a smaller demo gets fewer visits
TOPICS = [  # (topic, weight)
    (CaseKind.WAGES, 40), (CaseKind.CONTRACT, 18), (CaseKind.INJURY, 12),
    (CaseKind.SOCIAL_INSURANCE, 12), (CaseKind.DISMISSAL, 12), (CaseKind.OTHER, 6),
]  # fmt: skip
REFERRALS = (
    "县劳动人事争议仲裁院",
    "县人社局劳动保障监察大队",
    "县人民法院立案庭",
    "县法律援助中心",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "志强", "小红", "明", "丽", "海涛", "春梅", "德福", "桂兰")
LECTURES = ("《劳动合同法》解读", "工伤认定与赔偿", "农民工工资支付条例", "社会保险知识讲座")
CAMPAIGNS = ("法律进企业·劳动用工体检", "根治欠薪宣传", "新就业形态劳动者权益保障宣传")


def _points(demo) -> list:
    county = demo.county
    park = Organisation.objects.filter(parent=county, kind=OrgKind.PARK_UNION).first()
    name = county.name.removesuffix("总工会")
    specs = [
        (county, f"{name}总工会职工法律援助中心", PointKind.CENTRE, f"{name}城关镇人民路 88 号",
         "工作日 8:30—12:00，14:30—17:30"),
        (county, f"{name}人民法院劳动争议诉调对接工作站", PointKind.COURT, f"{name}人民法院一楼",
         "工作日 9:00—12:00"),
        (county, f"{name}人社局劳动维权工作站", PointKind.HR_BUREAU, f"{name}人社局服务大厅",
         "工作日 9:00—17:00"),
        (park or county, f"{name}工业园区职工维权工作站", PointKind.PARK, "工业园区管委会二楼",
         "每周二、周四 9:00—17:00"),
    ]  # fmt: skip
    for town in demo.towns:
        specs.append(
            (town, f"{town.name.removesuffix('总工会')}职工维权工作站", PointKind.TOWN,
             f"{town.name.removesuffix('总工会')}政府便民服务中心", "每周三 9:00—16:00")
        )  # fmt: skip
    made = []
    for org, title, kind, address, hours in specs:
        phone = f"0719-{demo.rng.randint(2000000, 2999999)}"
        made.append(points.create_point(actor=None, organisation=org, name=title, kind=kind,
                                        address=address, phone=phone, hours=hours))  # fmt: skip
    return made


def _rota(demo, made: list) -> int:
    """The previous month seated by hand, the current and the next copied from it."""
    previous = rota.add_months(rota.month_start(demo.today), -1)
    seated = 0
    for index, point in enumerate(made):
        fit = [c for c in demo.counsel if c.is_active
               and checks.same_line(point.organisation.path, c.organisation.path)]  # fmt: skip
        if not fit:
            continue
        if point.kind == PointKind.CENTRE:
            weekdays, session = (0, 1, 2, 3, 4), DutySession.DAY
        elif point.kind == PointKind.TOWN:
            weekdays, session = (2,), DutySession.MORNING
        else:
            weekdays, session = (1, 3), DutySession.MORNING
        turn = index
        for day in rota.month_days(previous):
            if day.weekday() in weekdays:
                rota.add_slot(actor=None, point=point, date=day, session=session,
                              counsel=fit[turn % len(fit)])  # fmt: skip
                turn += 1
                seated += 1
        for month in (rota.add_months(previous, 1), rota.add_months(previous, 2)):
            seated += rota.copy_previous_month(actor=None, point=point, month=month)["copied"]
    return seated


def _name(rng) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _receptions(demo, made: list) -> tuple[int, int]:
    rng = demo.rng
    clerk = demo.users.get("admin")  # a case is opened by someone at the desk
    weights = [4 if p.kind == PointKind.CENTRE else 2 if p.kind != PointKind.TOWN else 1
               for p in made]  # fmt: skip
    topics, topic_weights = zip(*TOPICS, strict=True)
    people = cases = 0
    start = demo.today - datetime.timedelta(days=364)
    from gonghui.registry.models import Employer

    scale = min(1.0, Employer.objects.count() / DEFAULT_EMPLOYERS)
    target = max(60, round(TARGET_VISITS * scale))
    while people < target:
        point = rng.choices(made, weights)[0]
        day = start + datetime.timedelta(days=rng.randrange(365))
        if day.weekday() >= 5:
            continue
        count = rng.choices((1, 2, 3, 5), (60, 25, 10, 5))[0]
        topic = rng.choices(topics, topic_weights)[0]
        kind = rng.choice((ReceptionKind.VISIT, ReceptionKind.VISIT, ReceptionKind.CONSULTATION))
        roll = rng.random()
        outcome, extra = ReceptionOutcome.ADVICE, {}
        if roll < 0.03 and clerk is not None and kind == ReceptionKind.VISIT:
            outcome = ReceptionOutcome.CASE
            extra = {"case": {
                "complainant_name": _name(rng), "phone": f"139{rng.randint(10**7, 10**8 - 1)}",
                "employer_name": rng.choice(("城关镇某建筑工地", "某物流公司", "某餐饮店")),
                "facts": f"来访反映{dict(CaseKind.choices)[topic]}问题，申请工会法律援助。",
            }}  # fmt: skip
            cases += 1
        elif roll < 0.18:
            outcome, extra = ReceptionOutcome.REFERRED, {"referred_to": rng.choice(REFERRALS)}
        receptions.record_reception(
            actor=clerk if outcome == ReceptionOutcome.CASE else None, point=point, date=day,
            kind=kind, topic=topic, count=count, outcome=outcome, **extra,
        )  # fmt: skip
        people += count
    return people, cases


def _outreach(demo) -> tuple[int, int]:
    rng = demo.rng
    orgs = [demo.county, *demo.towns]
    plan = (
        [(OutreachKind.LECTURE, rng.choice(LECTURES)) for _ in range(20)]
        + [(OutreachKind.CAMPAIGN, rng.choice(CAMPAIGNS)) for _ in range(100)]
        + [(OutreachKind.SCHOOL, "法律进校园·职业院校劳动法课") for _ in range(6)]
        + [(OutreachKind.HANDBOOK, "《职工维权手册》集中发放") for _ in range(10)]
    )
    copies = 0
    for kind, title in plan:
        handbooks = {
            OutreachKind.LECTURE: rng.randint(0, 100),
            OutreachKind.CAMPAIGN: rng.randint(100, 260),
            OutreachKind.SCHOOL: rng.randint(100, 300),
            OutreachKind.HANDBOOK: rng.randint(600, 1000),
        }[kind]
        org = demo.county if kind == OutreachKind.LECTURE else rng.choice(orgs)
        outreach.create_outreach(
            actor=None, organisation=org, kind=kind, title=title,
            date=demo.today - datetime.timedelta(days=rng.randrange(365)),
            place=f"{org.name.removesuffix('总工会')}", handbooks=handbooks,
            attendees=rng.randint(30, 200) if kind != OutreachKind.HANDBOOK else 0,
            employers_reached=rng.randint(3, 15) if kind == OutreachKind.CAMPAIGN else 0,
        )  # fmt: skip
        copies += handbooks
    return len(plan), copies


def generate(demo) -> list[str]:
    made = _points(demo)
    demo.points = made
    seated = _rota(demo, made) if demo.counsel else 0
    people, cases = _receptions(demo, made)
    events, copies = _outreach(demo)
    return [
        f"维权服务点 {len(made)} 个，值班安排 {seated} 条（上月、本月、下月）",
        f"接访咨询 {people} 人次，其中转立维权案件 {cases} 件",
        f"普法宣传活动 {events} 场，发放手册 {copies} 份",
    ]
