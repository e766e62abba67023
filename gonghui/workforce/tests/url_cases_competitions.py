"""The competition pages and API in the permission matrix (gonghui/tests/test_url_scoping.py):
town A's own skills contest (城关镇电工比武: a round with a criterion, a judge, union_a's entrant,
in scoring) and its labour contest (with a team and a stage). Town B must get 404 for each."""

import datetime

from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.models import Competition, Entrant, Judge, ScoreCriterion
from gonghui.workforce.models.competitions import ContestKind, RoundKind

SECRET = "城关镇电工比武"


def town_a_contest(county, *, close=True):
    contest = services.create_competition(
        actor=None, organisation=county.town_a, year=2026, name=SECRET, kind=ContestKind.SKILLS,
        level="town", trade="电工", starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 2), drop_extremes=True,
    )  # fmt: skip
    rnd = services.add_round(actor=None, competition=contest, name="实操", kind=RoundKind.PRACTICAL,
                             weight="100")  # fmt: skip
    services.add_criterion(actor=None, round=rnd, name="接线", weight="100")
    scoring.add_judge(actor=None, competition=contest, name="县技校评委",
                      employer_name="县技工学校")  # fmt: skip
    services.register(actor=None, competition=contest, member=county.member_a, trade="电工")
    if close:
        services.close_registration(actor=None, competition=contest)
    return contest


def open_contest(county):
    return town_a_contest(county, close=False)


def labour_contest(county):
    contest = services.create_competition(
        actor=None, organisation=county.town_a, year=2026, name="城关镇工程劳动竞赛",
        kind=ContestKind.LABOUR, level="town", starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 11, 30), project="城关大道",
    )  # fmt: skip
    services.add_team(actor=None, competition=contest, name="甲厂突击队", union=county.union_a)
    services.add_stage(actor=None, competition=contest, name="第一阶段",
                       starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 5, 31))
    return contest  # fmt: skip


def entrant(county):
    return town_a_contest(county).entrants.get()


def pending_entrant(county):
    contest = open_contest(county)
    Entrant.objects.filter(competition=contest).delete()
    return services.register_self(member=county.member_a, competition=contest, trade="电工")


def pk(make):
    return lambda c, u: {"pk": make(c).pk}


CONTEST = pk(town_a_contest)
OPEN = pk(open_contest)
LABOUR = pk(labour_contest)
ENTRANT = pk(entrant)
ROUND = lambda c, u: {"pk": town_a_contest(c).rounds.get().pk}  # noqa: E731
TEAM = lambda c, u: {"pk": labour_contest(c).teams.get().pk}  # noqa: E731
STAGE = lambda c, u: {"pk": labour_contest(c).stages.get().pk}  # noqa: E731

LIST_URLS = {
    "workforce:competition_list": 200,
    "workforce:competition_add": 200,
    "workforce:entrant_list": 200,
    "workforce:candidate_list": 200,
    "workforce:import_competition_results": 200,
    "workforce-competition-list": 200,
    "workforce-entrant-list": 200,
}

OBJECT_URLS = {
    "workforce:competition_detail": ("GET", CONTEST),
    "workforce:competition_quota": ("POST", CONTEST),
    "workforce:competition_round": ("POST", CONTEST),
    "workforce:competition_judge": ("POST", CONTEST),
    "workforce:competition_register": ("POST", OPEN),
    "workforce:competition_close": ("POST", OPEN),
    "workforce:competition_publish": ("POST", CONTEST),
    "workforce:competition_team": ("POST", LABOUR),
    "workforce:competition_stage": ("POST", LABOUR),
    "workforce:competition_ranking": ("GET", CONTEST),
    "workforce:round_criterion": ("POST", ROUND),
    "workforce:round_scores": ("GET", ROUND),
    "workforce:team_commend": ("POST", TEAM),
    "workforce:stage_summary": ("POST", STAGE),
    "workforce:entrant_detail": ("GET", ENTRANT),
    "workforce:entrant_confirm": ("POST", pk(pending_entrant)),
    "workforce:entrant_withdraw": ("POST", ENTRANT),
    "workforce:entrant_recommend": ("POST", ENTRANT),
    "workforce:entrant_certificate": ("GET", ENTRANT),
    "workforce-competition-detail": ("GET", CONTEST),
    "workforce-competition-ranking": ("GET", CONTEST),
    "workforce-competition-scores": ("POST", CONTEST),
    "workforce-competition-close": ("POST", OPEN),
    "workforce-competition-publish": ("POST", LABOUR),
    "workforce-entrant-detail": ("GET", ENTRANT),
    "workforce-entrant-confirm": ("POST", pk(pending_entrant)),
    "workforce-entrant-withdraw": ("POST", ENTRANT),
}


def _mark(county):
    contest = Competition.objects.get(name=SECRET)
    return {
        "judge": Judge.objects.get(competition=contest).pk,
        "entrant": Entrant.objects.get(competition=contest).pk,
        "criterion": ScoreCriterion.objects.get(round__competition=contest).pk,
        "value": "88.5",
    }


POST_DATA = {"workforce-competition-scores": _mark}
# The import template is an empty workbook (editors only); the portal pages are the worker's own
# (gonghui/workforce/tests/test_competitions_pages.py).
PUBLIC_URLS = {
    "workforce:import_competition_results_template",
    "workforce_portal:competitions",
    "workforce_portal:competition_register",
}
TOWN_A_SECRETS = [SECRET, "甲厂突击队"]
