"""Fixtures of the competition tests: a county skills contest with a theory and a practical
round (the practical one with two unequal criteria), and workers to enter."""

import datetime

from gonghui.registry.services import create_member
from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.models.competitions import ContestKind, ContestLevel, RoundKind
from gonghui.workforce.tests.helpers import id_number


def make_contest(organisation, *, name="县职工焊工技能大赛", **overrides):
    fields = dict(
        year=2026, name=name, kind=ContestKind.SKILLS, level=ContestLevel.COUNTY, trade="焊工",
        starts_on=datetime.date(2026, 6, 1), ends_on=datetime.date(2026, 6, 3), place="县技工学校",
        co_organisers="县人社局", drop_extremes=True,
    )  # fmt: skip
    fields.update(overrides)
    return services.create_competition(actor=None, organisation=organisation, **fields)


def with_rounds(contest, theory="50", practical="50"):
    t = services.add_round(actor=None, competition=contest, name="理论考试", kind=RoundKind.THEORY,
                           weight=theory)  # fmt: skip
    p = services.add_round(actor=None, competition=contest, name="实际操作",
                           kind=RoundKind.PRACTICAL, weight=practical)  # fmt: skip
    written = services.add_criterion(actor=None, round=t, name="笔试", weight="100")
    a = services.add_criterion(actor=None, round=p, name="焊缝质量", weight="60", max_score="100")
    b = services.add_criterion(actor=None, round=p, name="安全文明", weight="40", max_score="50")
    return t, p, written, a, b


def worker(county, serial, *, union=None, employer=None, name=None):
    union = union or county.union_b
    employer = employer or county.employer_b
    return create_member(
        actor=None, name=name or f"选手{serial}", id_number=id_number(serial),
        phone=f"1390000{serial:04d}", union=union, employer=employer,
        joined_on=datetime.date(2020, 1, 1),
    )  # fmt: skip


def neutral_judges(contest, n=3):
    return [scoring.add_judge(actor=None, competition=contest, name=f"评委{i}",
                              employer_name="县技工学校") for i in range(1, n + 1)]  # fmt: skip
