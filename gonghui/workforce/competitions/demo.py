"""The competitions demo, through the services: this year's county skills contest (焊工) with a
theory and a practical round, judges (one recused from their own employer's entrants), marks and
the published ranking with a candidate put forward to honours; an open contest a worker may still
enter (one portal registration waiting for the union); and a project labour contest with teams,
stages and a commended team."""

import datetime

from django.core.exceptions import ValidationError

from gonghui.core.models import OrgKind
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.models.competitions import ContestKind, ContestLevel, RoundKind


def _members(county, n):
    rows = (
        Member.objects.filter(status=MemberStatus.ACTIVE, union__kind=OrgKind.GRASSROOTS,
                              employer__isnull=False, union__path__startswith=county.path)
        .select_related("union", "employer").order_by("-pk")
    )  # fmt: skip
    seen, chosen = set(), []
    for m in rows[: n * 4]:
        if m.id_hash not in seen:
            seen.add(m.id_hash)
            chosen.append(m)
    return chosen[:n]


def _skills(county, today, rng, members):
    contest = services.create_competition(
        actor=None, organisation=county, year=today.year, name=f"{today.year}年全县焊工技能大赛",
        kind=ContestKind.SKILLS, level=ContestLevel.COUNTY, trade="焊工", co_organisers="县人社局",
        starts_on=today - datetime.timedelta(days=30), ends_on=today - datetime.timedelta(days=29),
        place="县技工学校实训楼", min_age=18, max_age=60, drop_extremes=True,
    )  # fmt: skip
    theory = services.add_round(actor=None, competition=contest, name="理论考试",
                                kind=RoundKind.THEORY, weight="30")  # fmt: skip
    practical = services.add_round(actor=None, competition=contest, name="实际操作",
                                   kind=RoundKind.PRACTICAL, weight="70")  # fmt: skip
    written = services.add_criterion(actor=None, round=theory, name="笔试", weight="100")
    quality = services.add_criterion(actor=None, round=practical, name="焊缝质量", weight="70")
    safety = services.add_criterion(actor=None, round=practical, name="安全文明", weight="30",
                                    max_score="30")  # fmt: skip
    entrants = []
    for m in members:
        try:
            entrants.append(services.register(actor=None, competition=contest, member=m,
                                              trade="焊工"))  # fmt: skip
        except ValidationError:  # a demo member outside the age range is left out
            continue
    if not entrants:
        return contest
    services.close_registration(actor=None, competition=contest)
    judges = [
        scoring.add_judge(actor=None, competition=contest, name=name, employer_name="县技工学校")
        for name in ("高建国", "陈立新")
    ]
    judges.append(scoring.add_judge(actor=None, competition=contest, name="刘师傅",
                                    employer=entrants[0].employer))  # fmt: skip
    for e in entrants:
        for j in judges:
            if j.recused_from(e):
                continue
            marks = {written: rng.randint(60, 98)}
            scoring.enter_scores(actor=None, judge=j, entrant=e, marks=marks)
            scoring.enter_scores(actor=None, judge=j, entrant=e,
                                 marks={quality: rng.randint(60, 99), safety: rng.randint(20, 30)})
    scoring.publish(actor=None, competition=contest)
    best = contest.entrants.get(rank=1)
    scoring.recommend(actor=None, entrant=best)
    return contest


def generate(*, rng, today: datetime.date, town1, town2) -> str:
    county = town1.parent
    members = _members(county, 10)
    if len(members) < 7:
        return "竞赛：会员不足，未生成"
    _skills(county, today, rng, members[:6])
    upcoming = services.create_competition(
        actor=None, organisation=county, year=today.year, name=f"{today.year}年全县电工大赛",
        kind=ContestKind.SKILLS, level=ContestLevel.COUNTY, trade="电工",
        starts_on=today + datetime.timedelta(days=30), ends_on=today + datetime.timedelta(days=31),
        place="县职教中心",
    )  # fmt: skip
    services.set_quota(actor=None, competition=upcoming, organisation=town1, quota=5)
    services.set_quota(actor=None, competition=upcoming, organisation=town2, quota=5)
    services.register_self(member=members[6], competition=upcoming, trade="电工")
    labour = services.create_competition(
        actor=None, organisation=county, year=today.year, name=f"{today.year}年重点工程劳动竞赛",
        kind=ContestKind.LABOUR, level=ContestLevel.COUNTY, project="城南产业园基础设施工程",
        starts_on=datetime.date(today.year, 3, 1), ends_on=datetime.date(today.year, 12, 31),
    )  # fmt: skip
    teams = [
        services.add_team(actor=None, competition=labour, name=f"{town.name}建设突击队",
                          union=town, leader="项目经理")
        for town in (town1, town2)
    ]  # fmt: skip
    stage = services.add_stage(actor=None, competition=labour, name="第一阶段（春季攻坚）",
                               starts_on=datetime.date(today.year, 3, 1),
                               ends_on=datetime.date(today.year, 6, 30))  # fmt: skip
    services.add_stage(actor=None, competition=labour, name="第二阶段（秋季冲刺）",
                       starts_on=datetime.date(today.year, 7, 1),
                       ends_on=datetime.date(today.year, 12, 31))  # fmt: skip
    for team, score in zip(teams, ("95", "88"), strict=True):
        services.add_summary(actor=None, stage=stage, team=team, score=score,
                             summary="按期完成节点任务，安全质量零事故。")  # fmt: skip
    services.commend_team(actor=None, team=teams[0], commendation="劳动竞赛优胜集体")
    return "竞赛：技能大赛已公布排名，电工大赛报名中，重点工程劳动竞赛进行中"


def reset() -> None:
    from gonghui.workforce import models as m

    for model in (m.HonourCandidate, m.Score, m.StageSummary, m.ContestStage, m.ContestTeam,
                  m.Judge, m.ScoreCriterion, m.Round, m.Entrant, m.ContestQuota, m.Competition):
        model.objects.all().delete()  # fmt: skip
