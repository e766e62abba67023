"""Competition pages: registering on the competition's page (and the quota's refusal), the score
sheet (the recused entrant not shown; a bad mark keeps nothing), the ranking and certificate, the
honours candidate preselected in the nomination form, the worker's portal registration, and the
import of past results."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.models import Entrant, HonourCandidate, Score
from gonghui.workforce.models.competitions import EntrantStatus
from gonghui.workforce.tests.competition_helpers import make_contest, with_rounds
from gonghui.workforce.tests.test_portal import signed_in

pytestmark = pytest.mark.django_db


def follow_text(response) -> str:
    return response.content.decode()


def test_union_registers_on_the_page_within_its_quota(client, county, alice, dora):
    contest = make_contest(county.county)
    services.set_quota(actor=alice, competition=contest, organisation=county.union_a, quota=0)
    client.force_login(dora)
    page = client.get(contest.get_absolute_url())
    assert "为会员报名" in follow_text(page) and "县人社局" in follow_text(page)
    url = reverse("workforce:competition_register", args=[contest.pk])
    response = client.post(url, {"member": county.member_a.pk, "trade": "焊工"}, follow=True)
    assert "甲机械厂工会的报名名额（0人）已用完" in follow_text(response)
    assert not Entrant.objects.exists()
    services.set_quota(actor=alice, competition=contest, organisation=county.union_a, quota=1)
    response = client.post(url, {"member": county.member_a.pk, "trade": "焊工"}, follow=True)
    assert "已报名" in follow_text(response) and Entrant.objects.count() == 1


@pytest.fixture
def scoring_contest(county):
    contest = make_contest(county.county)
    rounds = with_rounds(contest)
    a = services.register(actor=None, competition=contest, member=county.member_a, trade="焊工")
    b = services.register(actor=None, competition=contest, member=county.member_b, trade="焊工")
    services.close_registration(actor=None, competition=contest)
    judge = scoring.add_judge(actor=None, competition=contest, name="甲厂评委",
                              employer=county.employer_a)  # fmt: skip
    return contest, rounds, a, b, judge


def test_score_sheet_hides_the_recused_entrant_and_keeps_nothing_on_error(
    client, county, alice, scoring_contest
):
    contest, (t, p, written, ca, cb), a, b, judge = scoring_contest
    client.force_login(alice)
    url = reverse("workforce:round_scores", args=[p.pk]) + f"?judge={judge.pk}"
    sheet = follow_text(client.get(url))
    assert f'data-entrant="{b.pk}"' in sheet and f'data-entrant="{a.pk}"' not in sheet
    post = reverse("workforce:round_scores", args=[p.pk])
    bad = {"judge": judge.pk, f"m_{b.pk}_{ca.pk}": "90", f"m_{b.pk}_{cb.pk}": "70"}
    response = client.post(post, bad, follow=True)
    assert "“安全文明”得分应在 0—50.00 之间" in follow_text(response)
    assert not Score.objects.exists()
    good = {"judge": judge.pk, f"m_{b.pk}_{ca.pk}": "90", f"m_{b.pk}_{cb.pk}": "45"}
    response = client.post(post, good, follow=True)
    assert "已保存 2 项评分" in follow_text(response) and Score.objects.count() == 2
    # A recused mark posted by hand is refused by the service.
    response = client.post(post, {"judge": judge.pk, f"m_{a.pk}_{ca.pk}": "90"}, follow=True)
    assert "应当回避" in follow_text(response)


def test_ranking_certificate_and_the_honours_candidate(client, county, alice, dora, charlie):
    from gonghui.workforce.tests.helpers import make_cycle

    contest = make_contest(county.county, drop_extremes=False)
    t, p, written, ca, cb = with_rounds(contest)
    a = services.register(actor=None, competition=contest, member=county.member_a, trade="焊工")
    services.close_registration(actor=None, competition=contest)
    judge = scoring.add_judge(actor=None, competition=contest, name="评委", employer_name="技校")
    scoring.enter_scores(actor=None, judge=judge, entrant=a, marks={written: 90})
    scoring.enter_scores(actor=None, judge=judge, entrant=a, marks={ca: 80, cb: 40})
    client.force_login(alice)
    preview = follow_text(client.get(reverse("workforce:competition_ranking", args=[contest.pk])))
    assert "预览" in preview and "85.00" in preview  # (90 + 80) / 2
    client.post(reverse("workforce:competition_publish", args=[contest.pk]))
    a.refresh_from_db()
    assert a.rank == 1
    certificate = follow_text(client.get(reverse("workforce:entrant_certificate", args=[a.pk])))
    assert "张甲明" in certificate and "荣获第1名" in certificate
    client.force_login(charlie)  # a county contest: town B sees the ranking, not town A's names
    ranking = follow_text(client.get(reverse("workforce:competition_ranking", args=[contest.pk])))
    assert "张甲明" not in ranking and "其他单位选手" in ranking
    client.force_login(dora)
    client.post(reverse("workforce:entrant_recommend", args=[a.pk]), {"note": ""})
    assert HonourCandidate.objects.filter(entrant=a).exists()
    cycle = make_cycle(county)
    listing = follow_text(client.get(reverse("workforce:candidate_list")))
    link = reverse("workforce:nomination_add", args=[cycle.pk])
    assert f"{link}?member={county.member_a.pk}" in listing
    form = follow_text(client.get(f"{link}?member={county.member_a.pk}"))
    assert f'value="{county.member_a.pk}" selected' in form


def test_worker_registers_in_the_portal_and_the_union_confirms(client, county, dora):
    contest = make_contest(county.county, trade="")
    url = reverse("workforce_portal:competition_register", args=[contest.pk])
    signed_in(client, "13812345678")
    listing = follow_text(client.get(reverse("workforce_portal:competitions")))
    assert contest.name in listing
    client.post(url, {"trade": "焊工"})
    entrant = Entrant.objects.get()
    assert entrant.status == EntrantStatus.PENDING and entrant.source == "portal"
    again = follow_text(client.post(url, {"trade": "焊工"}))
    assert "张甲明已报名本竞赛" in again
    client.cookies.clear()
    client.force_login(dora)
    client.post(reverse("workforce:entrant_confirm", args=[entrant.pk]))
    entrant.refresh_from_db()
    assert entrant.status == EntrantStatus.CONFIRMED


def test_portal_refuses_a_competition_of_another_town(client, county):
    contest = make_contest(county.town_a, name="城关镇赛", level="town")
    signed_in(client, "13987654321")  # 李乙华 of town B
    url = reverse("workforce_portal:competition_register", args=[contest.pk])
    assert client.get(url).status_code == 404


def _sheet(rows):
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["竞赛名称", "公民身份号码", "姓名", "报名工种", "总成绩", "名次"])
    writer.writerows(rows)
    return SimpleUploadedFile("成绩.csv", out.getvalue().encode("utf-8-sig"), "text/csv")


def test_import_of_past_results(client, county, alice):
    contest = make_contest(county.county, name="2025年县焊工大赛", year=2025)
    client.force_login(alice)
    template = client.get(reverse("workforce:import_competition_results_template"))
    assert template.status_code == 200 and "spreadsheetml" in template["Content-Type"]
    url = reverse("workforce:import_competition_results")
    bad = _sheet([
        ["2025年县焊工大赛", "420324199003071231", "张甲明", "焊工", "95", "1"],
        ["没有的竞赛", "420324198502110026", "李乙华", "焊工", "90", "2"],
        ["2025年县焊工大赛", "420324198502110026", "李乙华", "焊工", "120", "2"],
    ])  # fmt: skip
    page = follow_text(client.post(url, {"file": bad}))
    assert "没有您可管理的该名称竞赛" in page and "应为0—100之间的数字" in page
    assert not Entrant.objects.exists()
    good = _sheet([
        ["2025年县焊工大赛", "420324199003071231", "张甲明", "焊工", "95", "1"],
        ["2025年县焊工大赛", "420324198502110026", "李乙华", "焊工", "90.5", "2"],
    ])  # fmt: skip
    client.post(url, {"file": good})
    assert Entrant.objects.filter(competition=contest).count() == 2
    contest.refresh_from_db()
    assert contest.status == "published"


def test_workbench_lists_registrations_to_confirm_and_marks_to_enter(
    client, county, alice, dora, charlie
):
    contest = make_contest(county.county)
    services.register_self(member=county.member_a, competition=contest, trade="焊工")
    client.force_login(dora)
    rows = {r["key"]: r for r in client.get("/api/workbench/").json()}
    assert rows["workforce.entrants_to_confirm"]["count"] == 1
    listed = follow_text(client.get(rows["workforce.entrants_to_confirm"]["url"]))
    assert "张甲明" in listed
    client.force_login(charlie)
    rows = {r["key"]: r for r in client.get("/api/workbench/").json()}
    assert rows["workforce.entrants_to_confirm"]["count"] == 0
    client.force_login(dora)
    services.confirm_entrant(actor=dora, entrant=Entrant.objects.get())
    services.close_registration(actor=None, competition=contest)
    rows = {r["key"]: r for r in client.get("/api/workbench/").json()}
    assert rows["workforce.scores_to_enter"]["count"] == 0  # the county's work, not the union's
    client.force_login(alice)
    rows = {r["key"]: r for r in client.get("/api/workbench/").json()}
    assert rows["workforce.scores_to_enter"]["count"] == 1
