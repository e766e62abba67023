"""The competitions demo runs through the services: a published skills contest with a candidate,
an open one with a portal registration waiting, a labour contest with a commended team."""

import datetime
import random

import pytest

from gonghui.workforce.competitions import demo
from gonghui.workforce.models import Competition, Entrant, HonourCandidate, Score
from gonghui.workforce.models.competitions import ContestStatus, EntrantStatus
from gonghui.workforce.tests.competition_helpers import worker

pytestmark = pytest.mark.django_db


def test_demo_competitions(county):
    for serial in range(31, 39):
        union, employer = ((county.union_a, county.employer_a) if serial % 2
                           else (county.union_b, county.employer_b))  # fmt: skip
        worker(county, serial, union=union, employer=employer)
    note = demo.generate(rng=random.Random(1), today=datetime.date(2026, 9, 1),
                         town1=county.town_a, town2=county.town_b)  # fmt: skip
    assert "技能大赛已公布排名" in note
    statuses = set(Competition.objects.values_list("status", flat=True))
    assert {ContestStatus.PUBLISHED, ContestStatus.OPEN} <= statuses
    assert Score.objects.exists() and HonourCandidate.objects.count() == 1
    assert Entrant.objects.filter(status=EntrantStatus.PENDING).count() == 1
    demo.reset()
    assert not Competition.objects.exists()
