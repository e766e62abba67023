"""The workforce API: scoped lists, a nomination's steps as actions through the services (the
submitter never decides: 403), the live rule shares on a cycle, and the stats figures."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gonghui.workforce.choices import Comparison, Criterion
from gonghui.workforce.honours import services
from gonghui.workforce.tests.helpers import make_cycle, nominate

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_nomination_steps_through_the_api(county, alice, dora, frank, charlie):
    cycle = make_cycle(county)
    services.set_rule(actor=alice, cycle=cycle, criterion=Criterion.WOMEN,
                      comparison=Comparison.AT_LEAST, percent="20")  # fmt: skip
    nomination = nominate(cycle, county.member_a, dora)
    url = reverse("workforce-nomination-send-on", args=[nomination.pk])
    assert api(dora).post(url, {}, format="json").status_code == 403
    assert api(charlie).post(url, {}, format="json").status_code == 404
    response = api(frank).post(url, {"comment": "同意"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "candidate"
    rules = api(alice).get(reverse("workforce-cycle-detail", args=[cycle.pk])).json()["rules"]
    assert rules[0]["criterion"] == "women" and rules[0]["passes"] is False
    listed = api(charlie).get(reverse("workforce-nomination-list")).json()
    assert listed["results"] == []
    refuse = reverse("workforce-nomination-refuse", args=[nomination.pk])
    assert api(alice).post(refuse, {}, format="json").status_code == 400


def test_stats_carry_the_workforce_figures(client, county, alice):
    client.force_login(alice)
    values = client.get(reverse("stats")).json()
    text = str(values)
    for key in ("honourees", "honours_awarded", "studios", "studio_alliances",
                "honourees_due_checkup"):  # fmt: skip
        assert key in text
