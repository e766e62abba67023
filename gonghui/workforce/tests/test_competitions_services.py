"""Competition rules: registration against quota and rules, a judge's recusal, the round result
with the highest and lowest marks dropped, ties broken by the stated rule (expected values worked
out by hand below), publishing, the honours candidate, and a project labour contest."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.registry.choices import MemberStatus
from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.models import Entrant, HonourCandidate, Judge
from gonghui.workforce.models.competitions import ContestKind, ContestStatus, EntrantStatus
from gonghui.workforce.tests.competition_helpers import (
    make_contest,
    neutral_judges,
    with_rounds,
    worker,
)

pytestmark = pytest.mark.django_db


def messages(exc) -> str:
    return " ".join(exc.value.messages)


def test_quota_per_union_is_enforced(county, alice):
    contest = make_contest(county.county)
    services.set_quota(actor=alice, competition=contest, organisation=county.town_b, quota=1)
    services.register(actor=alice, competition=contest, member=county.member_b, trade="焊工")
    second = worker(county, 11)
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=contest, member=second, trade="焊工")
    assert "水坪镇总工会的报名名额（1人）已用完" in messages(exc)
    # Town A has no quota of its own: not limited by town B's.
    services.register(actor=alice, competition=contest, member=county.member_a, trade="焊工")


def test_rules_refuse_age_trade_non_member_and_twice(county, alice):
    contest = make_contest(county.county, max_age=40)  # 李乙华 is 41 on 2026-06-01
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=contest, member=county.member_b, trade="焊工")
    assert "李乙华比赛开始时41岁，超过最高年龄40岁" in messages(exc)
    young = make_contest(county.county, name="青年焊工赛", min_age=37)  # 张甲明 is 36
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=young, member=county.member_a, trade="焊工")
    assert "张甲明比赛开始时36岁，未满最低年龄37岁" in messages(exc)
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=contest, member=county.member_a, trade="电工")
    assert "本竞赛工种为“焊工”，报名工种不符" in messages(exc)
    services.register(actor=alice, competition=contest, member=county.member_a, trade="焊工")
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=contest, member=county.member_a, trade="焊工")
    assert "张甲明已报名本竞赛" in messages(exc)
    left = worker(county, 12)
    left.status = MemberStatus.LEFT
    left.save()
    with pytest.raises(ValidationError) as exc:
        services.register(actor=alice, competition=contest, member=left, trade="焊工")
    assert "只接受在会会员报名" in messages(exc)


def test_clerk_registers_only_own_workers(county, dora, charlie):
    contest = make_contest(county.county)
    with pytest.raises(ValidationError) as exc:
        services.register(actor=dora, competition=contest, member=county.member_b, trade="焊工")
    assert "不在您的管理范围内" in messages(exc)
    entrant = services.register(actor=dora, competition=contest, member=county.member_a,
                                trade="焊工")  # fmt: skip
    assert entrant.status == EntrantStatus.CONFIRMED
    with pytest.raises(PermissionDenied):
        services.withdraw_entrant(actor=charlie, entrant=entrant)


def test_portal_registration_waits_for_the_union(county, dora):
    contest = make_contest(county.county)
    entrant = services.register_self(member=county.member_a, competition=contest, trade="焊工")
    assert entrant.status == EntrantStatus.PENDING
    with pytest.raises(ValidationError) as exc:
        services.close_registration(actor=None, competition=contest)
    assert "待工会确认" in messages(exc)
    services.confirm_entrant(actor=dora, entrant=entrant)
    services.close_registration(actor=None, competition=contest)
    contest.refresh_from_db()
    assert contest.status == ContestStatus.SCORING
    with pytest.raises(ValidationError) as exc:
        services.register(actor=None, competition=contest, member=worker(county, 13), trade="焊工")
    assert "报名已截止" in messages(exc)


def give(judge, entrant, rounds, theory, practical):
    """A judge's marks: theory as points of the written test; practical (a, b) of the two
    criteria (a over 100 weighted 60, b over 50 weighted 40: the mark is 0.6a + 0.8b)."""
    t, p, written, a, b = rounds
    scoring.enter_scores(actor=None, judge=judge, entrant=entrant, marks={written: theory})
    scoring.enter_scores(actor=None, judge=judge, entrant=entrant,
                         marks={a: practical[0], b: practical[1]})  # fmt: skip


@pytest.fixture
def table(county):
    """Four entrants, three neutral judges and J4 of 甲机械厂 (employer_a).

    Round marks by hand (highest and lowest dropped when ≥ 3 judges):
    E1 张甲明 (employer_a; J4 recused): theory 80, 100, 78 → 80; practical (95,47.5)=95,
       (95,47.5)=95, (100,0)=60 → 95. Total (80×50 + 95×50)/100 = 87.50.
    E2 李乙华 (employer_b; J4 marks too): theory 90, 90, 50, 100 → (90+90)/2 = 90;
       practical 85, 80, 90, 85 → (85+85)/2 = 85. Total 87.50.
    E3 (employer_b): theory 95 ×4 → 95; practical 80 ×4 → 80. Total 87.50.
    E4 (employer_a, registered after E1): theory 80 ×3; practical 95 ×3. Total 87.50.
    Ties by "practical higher first, then theory, then earlier registration":
    E1 (95, 80, first) 1st, E4 (95, 80, later) 2nd, E2 (85) 3rd, E3 (80) 4th.
    Without dropping, E1's theory would be 86.00 and practical 83.33.
    """
    contest = make_contest(county.county)
    rounds = with_rounds(contest)
    e1 = services.register(actor=None, competition=contest, member=county.member_a, trade="焊工")
    e2 = services.register(actor=None, competition=contest, member=county.member_b, trade="焊工")
    e3 = services.register(actor=None, competition=contest, member=worker(county, 21),
                           trade="焊工")  # fmt: skip
    e4 = services.register(
        actor=None, competition=contest, trade="焊工",
        member=worker(county, 22, union=county.union_a, employer=county.employer_a),
    )  # fmt: skip
    services.close_registration(actor=None, competition=contest)
    j1, j2, j3 = neutral_judges(contest)
    j4 = scoring.add_judge(actor=None, competition=contest, name="甲厂评委",
                           employer=county.employer_a)  # fmt: skip
    for judge, theory, practical in ((j1, 80, (95, "47.5")), (j2, 100, (95, "47.5")),
                                     (j3, 78, (100, 0))):  # fmt: skip
        give(judge, e1, rounds, theory, practical)
    for judge, theory, practical in ((j1, 90, (85, "42.5")), (j2, 90, (80, 40)),
                                     (j3, 50, (90, 45)), (j4, 100, (85, "42.5"))):  # fmt: skip
        give(judge, e2, rounds, theory, practical)
    for judge in (j1, j2, j3, j4):
        give(judge, e3, rounds, 95, (80, 40))
    for judge in (j1, j2, j3):
        give(judge, e4, rounds, 80, (95, "47.5"))
    return contest, rounds, (e1, e2, e3, e4), (j1, j2, j3, j4)


def test_a_judge_cannot_score_an_entrant_of_their_own_employer(county, table):
    contest, rounds, (e1, e2, e3, e4), (j1, j2, j3, j4) = table
    named = scoring.add_judge(actor=None, competition=contest, name="茶厂师傅",
                              employer_name="乙茶叶公司")  # fmt: skip
    for judge, entrant in ((j4, e1), (j4, e4), (named, e2), (named, e3)):
        with pytest.raises(ValidationError) as exc:
            scoring.enter_scores(actor=None, judge=judge, entrant=entrant,
                                 marks={rounds[2]: 90})  # fmt: skip
        assert "应当回避，不能评分" in messages(exc)
    assert j4.recused_from(e1) and not j4.recused_from(e3)


def test_round_results_drop_extremes_and_ties_follow_the_rule(table):
    contest, rounds, (e1, e2, e3, e4), judges = table
    lines = {line.entrant.pk: line for line in scoring.results(contest)}
    t, p = rounds[0].pk, rounds[1].pk
    assert lines[e1.pk].rounds == {t: Decimal("80.00"), p: Decimal("95.00")}
    assert lines[e2.pk].rounds == {t: Decimal("90.00"), p: Decimal("85.00")}
    assert {line.total for line in lines.values()} == {Decimal("87.50")}
    order = [line.entrant.pk for line in scoring.results(contest)]
    assert order == [e1.pk, e4.pk, e2.pk, e3.pk]


def test_without_dropping_the_plain_mean_counts(table):
    contest, rounds, (e1, *_), judges = table
    contest.drop_extremes = False
    contest.save()
    line = next(x for x in scoring.results(contest) if x.entrant.pk == e1.pk)
    # theory (80 + 100 + 78) / 3 = 86.00; practical (95 + 95 + 60) / 3 = 83.33;
    # total (86.00 + 83.33) / 2 = 84.665 → 84.67 (half up).
    assert line.rounds[rounds[0].pk] == Decimal("86.00")
    assert line.rounds[rounds[1].pk] == Decimal("83.33")
    assert line.total == Decimal("84.67")


def test_theory_first_rule_changes_the_order(table):
    contest, rounds, (e1, e2, e3, e4), judges = table
    contest.tie_rule = "theory"
    contest.save()
    order = [line.entrant.pk for line in scoring.results(contest)]
    assert order == [e3.pk, e2.pk, e1.pk, e4.pk]


def test_publish_fixes_the_ranking_and_a_candidate_goes_to_honours(table, dora, charlie):
    contest, rounds, (e1, e2, e3, e4), judges = table
    scoring.publish(actor=None, competition=contest)
    e1.refresh_from_db()
    assert (e1.rank, e1.total) == (1, Decimal("87.50"))
    with pytest.raises(PermissionDenied):
        scoring.recommend(actor=charlie, entrant=e1)
    candidate = scoring.recommend(actor=dora, entrant=e1)
    assert candidate.union == e1.union and "第1名" in candidate.note
    assert HonourCandidate.objects.visible_to(charlie).count() == 0
    with pytest.raises(ValidationError):
        scoring.recommend(actor=dora, entrant=e1)


def test_publish_refuses_while_marks_are_missing(county):
    contest = make_contest(county.county)
    with_rounds(contest)
    services.register(actor=None, competition=contest, member=county.member_a, trade="焊工")
    services.close_registration(actor=None, competition=contest)
    with pytest.raises(ValidationError) as exc:
        scoring.publish(actor=None, competition=contest)
    assert "张甲明" in messages(exc)


def test_scores_out_of_range_are_refused(table):
    contest, rounds, (e1, e2, e3, e4), (j1, *_rest) = table
    with pytest.raises(ValidationError) as exc:
        scoring.enter_scores(actor=None, judge=j1, entrant=e1, marks={rounds[4]: "51"})
    assert "“安全文明”得分应在 0—50.00 之间" in messages(exc)


def test_labour_contest_teams_stages_and_commendation(county, alice, charlie):
    import datetime

    contest = make_contest(county.county, name="县重点工程劳动竞赛", kind=ContestKind.LABOUR,
                           trade="", project="城南大道改造工程")  # fmt: skip
    team = services.add_team(actor=alice, competition=contest, name="一标段", union=county.union_a)
    stage = services.add_stage(actor=alice, competition=contest, name="第一阶段",
                               starts_on=datetime.date(2026, 3, 1),
                               ends_on=datetime.date(2026, 6, 30))  # fmt: skip
    services.add_summary(actor=alice, stage=stage, team=team, summary="提前完成路基", score="92")
    with pytest.raises(ValidationError):
        services.add_summary(actor=alice, stage=stage, team=team, summary="再写一次")
    with pytest.raises(PermissionDenied):
        services.commend_team(actor=charlie, team=team, commendation="优胜班组")
    services.commend_team(actor=alice, team=team, commendation="优胜班组")
    team.refresh_from_db()
    assert team.commended and team.commendation == "优胜班组"
    with pytest.raises(ValidationError):
        services.add_round(actor=alice, competition=contest, name="理论", kind="theory",
                           weight="50")  # fmt: skip


def test_town_b_sees_nothing_of_town_a(county, bob, charlie):
    from gonghui.workforce.models import Competition

    contest = make_contest(county.town_a, name="城关镇电工比武", level="town")
    services.register(actor=bob, competition=contest, member=county.member_a, trade="焊工")
    county_contest = make_contest(county.county)
    services.register(actor=None, competition=county_contest, member=county.member_a, trade="焊工")
    assert list(Competition.objects.visible_to(charlie)) == [county_contest]
    assert not Entrant.objects.visible_to(charlie).exists()
    assert not Judge.objects.visible_to(charlie).filter(competition=contest).exists()
    assert Competition.objects.visible_to(bob).count() == 2


def test_a_published_result_earns_points_by_the_unions_rule_once(county, table):
    from gonghui.workforce.models import PointsEntry
    from gonghui.workforce.models.points import PointsItem
    from gonghui.workforce.points import services as points_services

    contest, rounds, (e1, e2, e3, e4), judges = table
    # Only 甲机械厂工会 (union_a: e1 and e4) keeps a 劳动竞赛 rule.
    points_services.create_rule(actor=None, union=county.union_a, item=PointsItem.COMPETITION,
                                name="竞赛获奖", points=30)  # fmt: skip
    scoring.publish(actor=None, competition=contest)
    entries = PointsEntry.objects.filter(kind="award", note=str(contest))
    assert sorted(e.account.member_id for e in entries) == sorted(
        [e1.member_id, e4.member_id]
    )
    assert {e.points for e in entries} == {30}
    assert {e.source_key for e in entries} == {f"workforce.entrant:{e1.pk}",
                                               f"workforce.entrant:{e4.pk}"}  # fmt: skip
