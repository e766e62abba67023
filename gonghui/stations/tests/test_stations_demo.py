"""`gonghui demo` fills the stations module through its services: stations with hours, a year of
visits, incidents (one escalated), inspections; the figures are not zero; --reset removes it."""

import io

import pytest
from django.core.management import call_command

from gonghui.stations.models import Incident, Station, Visit

pytestmark = pytest.mark.django_db


def test_demo_has_a_year_of_stations_and_resets():
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=3, stdout=out)
    text = out.getvalue()
    assert "驿站" in text and "keeper" in text
    assert Station.objects.count() >= 10
    assert Station.objects.filter(keepers__username="keeper").exists()
    assert Visit.objects.count() > 1000
    assert Incident.objects.exclude(level="station").exists()
    call_command("demo", members=600, employers=60, seed=3, reset=True, stdout=io.StringIO())
    assert Station.objects.count() >= 10  # regenerated, not doubled
    assert Station.objects.filter(name__endswith="驿站").count() == Station.objects.count()
