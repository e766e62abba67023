"""The competitions API: the catalogue written through the services, registration (quota and
rules answer 400 in Chinese), marks with the judge's recusal refused, the ranking, and town B
seeing nothing of town A."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.tests.competition_helpers import make_contest, with_rounds

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_create_and_list_competitions(county, alice, bob, charlie):
    body = {
        "organisation": county.town_a.pk, "year": 2026, "name": "城关镇钳工比武",
        "kind": "skills", "level": "town", "trade": "钳工", "starts_on": "2026-07-01",
        "ends_on": "2026-07-02", "drop_extremes": True,
    }  # fmt: skip
    created = api(bob).post(reverse("workforce-competition-list"), body, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert api(charlie).get(reverse("workforce-competition-detail", args=[pk])).status_code == 404
    assert api(charlie).get(reverse("workforce-competition-list")).json()["results"] == []
    wrong = dict(body, ends_on="2026-06-01")
    refused = api(bob).post(reverse("workforce-competition-list"), wrong, format="json")
    assert refused.status_code == 400 and "结束日期不能早于开始日期" in str(refused.json())
    patched = api(bob).patch(reverse("workforce-competition-detail", args=[pk]),
                             {"place": "镇文化站"}, format="json")  # fmt: skip
    assert patched.status_code == 200 and patched.json()["place"] == "镇文化站"


def test_register_scores_and_ranking_through_the_api(county, alice, dora):
    contest = make_contest(county.county, drop_extremes=False)
    t, p, written, ca, cb = with_rounds(contest)
    services.set_quota(actor=alice, competition=contest, organisation=county.union_a, quota=1)
    url = reverse("workforce-entrant-list")
    body = {"competition": contest.pk, "member": county.member_a.pk, "trade": "焊工"}
    made = api(dora).post(url, body, format="json")
    assert made.status_code == 201 and made.json()["status"] == "confirmed"
    again = api(dora).post(url, body, format="json")
    assert again.status_code == 400 and "已报名本竞赛" in str(again.json())
    other = api(dora).post(url, dict(body, member=county.member_b.pk), format="json")
    assert other.status_code == 400
    entrant = made.json()["id"]
    close = reverse("workforce-competition-close", args=[contest.pk])
    assert api(dora).post(close).status_code == 403  # a union clerk: not the organiser
    assert api(alice).post(close).json()["status"] == "scoring"
    own = scoring.add_judge(actor=None, competition=contest, name="甲厂评委",
                            employer=county.employer_a)  # fmt: skip
    neutral = scoring.add_judge(actor=None, competition=contest, name="技校评委",
                                employer_name="县技工学校")  # fmt: skip
    scores = reverse("workforce-competition-scores", args=[contest.pk])
    mark = {"judge": own.pk, "entrant": entrant, "criterion": written.pk, "value": "90"}
    refused = api(alice).post(scores, mark, format="json")
    assert refused.status_code == 400 and "应当回避" in str(refused.json())
    for criterion, value in ((written, "90"), (ca, "80"), (cb, "40")):
        answer = api(alice).post(scores, dict(mark, judge=neutral.pk, criterion=criterion.pk,
                                              value=value), format="json")  # fmt: skip
        assert answer.status_code == 200, answer.json()
    assert answer.json()[0]["total"] == "85.00"
    published = api(alice).post(reverse("workforce-competition-publish", args=[contest.pk]))
    assert published.json()["status"] == "published"
    ranking = api(dora).get(reverse("workforce-competition-ranking", args=[contest.pk])).json()
    assert ranking == [{"entrant": entrant, "name": "张甲明", "rank": 1, "total": "85.00"}]


def test_town_b_sees_no_town_a_entrants(county, bob, charlie):
    contest = make_contest(county.town_a, name="城关镇赛", level="town")
    services.register(actor=bob, competition=contest, member=county.member_a, trade="焊工")
    assert api(charlie).get(reverse("workforce-entrant-list")).json()["results"] == []
    assert len(api(bob).get(reverse("workforce-entrant-list")).json()["results"]) == 1
