"""Visits: one scan per person per station per day whatever arrives at once; walk-ins; the
door counter's csv; 人次 and 人数 kept apart in the figures."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from gonghui.core.figures import FigureScope
from gonghui.stations import figures
from gonghui.stations.models import Visit
from gonghui.stations.tests.helpers import station
from gonghui.stations.visits import services

pytestmark = pytest.mark.django_db


def test_scanning_twice_counts_once(county):
    made = station(county.town_a)
    first, created = services.scan_in(station=made, person_hash="p1", occupation="courier")
    again, created_again = services.scan_in(station=made, person_hash="p1", occupation="rider")
    assert created and not created_again and first.pk == again.pk
    assert Visit.objects.count() == 1


def test_losing_the_race_returns_the_winner(county, monkeypatch):
    """Both requests pass the look-up before either inserts: the index decides."""
    made = station(county.town_a)
    winner, _ = services.scan_in(station=made, person_hash="p2", occupation="courier")
    real_filter = Visit.objects.filter

    class NoneFirst:
        def __init__(self, qs):
            self.qs = qs

        def first(self):
            return None

    monkeypatch.setattr(Visit.objects, "filter", lambda *a, **k: NoneFirst(real_filter(*a, **k)))
    monkeypatch.setattr(Visit.objects, "get", lambda **k: real_filter(**k).get())
    loser, created = services.scan_in(station=made, person_hash="p2", occupation="courier")
    assert not created and loser.pk == winner.pk


@pytest.mark.django_db(transaction=True)
def test_scans_at_once_make_one_visit(county):
    if connection.vendor != "postgresql":
        pytest.skip("threads need a server database")
    made = station(county.town_a)
    results, barrier = [], threading.Barrier(6)

    def scan():
        from django.db import connections

        barrier.wait()
        try:
            results.append(services.scan_in(station=made, person_hash="p3", occupation="rider"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scan) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6 and sum(created for _, created in results) == 1
    assert Visit.objects.filter(person_hash="p3").count() == 1


def test_walk_ins_and_counter(county, stan):
    made = station(county.town_a, keepers=[stan])
    today = timezone.localdate()
    with pytest.raises(ValidationError) as caught:
        services.record_walk_ins(actor=stan, station=made, date=today, count=3, people=5)
    assert "people" in caught.value.message_dict
    services.record_walk_ins(actor=stan, station=made, date=today, count=5, people=3)
    table = [["日期", "人次"], [str(today - datetime.timedelta(1)), "40"], [str(today), 12]]
    assert services.import_counter(actor=stan, station=made, table=table) == 2
    assert services.import_counter(actor=stan, station=made, table=table) == 2  # replaced
    with pytest.raises(services.CounterFailed) as failed:
        services.import_counter(actor=stan, station=made, table=[["日期", "人次"], ["昨天", "x"]])
    assert "第2行" in failed.value.errors[0]
    services.scan_in(station=made, person_hash="a", occupation="courier")
    services.scan_in(station=made, person_hash="b", occupation="courier")
    services.scan_in(
        station=made, person_hash="a", occupation="courier", day=today - datetime.timedelta(1)
    )
    scope = FigureScope(None, today - datetime.timedelta(7), today, today)
    values = figures.station_figures(scope)
    assert values["station_visits"] == 5 + 40 + 12 + 3  # 人次
    assert values["station_visitors"] == 2 + 3  # 人数: a and b once each, and the walk-ins
