"""Care: an unanswered incident escalates (safety officer, then county) and a responded one
does not; response minutes; missing video checks; overdue fixes; feedback answered late."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gonghui.core.figures import FigureScope
from gonghui.stations import figures
from gonghui.stations.care import feedback, incidents, inspections, watch
from gonghui.stations.choices import WindowMode
from gonghui.stations.stations.hours import TZ
from gonghui.stations.tests.helpers import station

pytestmark = pytest.mark.django_db


def test_an_unanswered_incident_escalates(county, stan, settings):
    settings.GONGHUI_STATION_ESCALATE_MINUTES = {"safety": 10, "county": 30}
    made = station(county.town_a, keepers=[stan])
    start = timezone.now() - datetime.timedelta(minutes=40)
    waiting = incidents.report_incident(
        actor=stan, station=made, kind="illness", source="hotline", description="骑手中暑", at=start
    )
    answered = incidents.report_incident(
        actor=stan, station=made, kind="damage", source="visitor", description="门坏", at=start
    )
    incidents.step(actor=stan, incident=answered, action="respond",
                   at=start + datetime.timedelta(minutes=6))  # fmt: skip
    raised = incidents.escalate_overdue(now=start + datetime.timedelta(minutes=12))
    assert [i.pk for i in raised] == [waiting.pk]
    waiting.refresh_from_db()
    assert waiting.level == "safety"
    assert incidents.escalate_overdue(now=start + datetime.timedelta(minutes=13)) == []
    incidents.escalate_overdue(now=start + datetime.timedelta(minutes=31))
    waiting.refresh_from_db()
    assert waiting.level == "county"
    assert [s.action for s in waiting.steps.all()] == ["接报", "升级", "升级"]
    today = timezone.localdate()
    values = figures.station_figures(FigureScope(None, today - datetime.timedelta(1), today, today))
    assert values["incidents"] == 2 and values["incident_response_minutes"] == 6.0


def test_another_keeper_cannot_respond(county, stan):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    kate = make_user("kate", Role.STATION_KEEPER, county.town_b)
    made = station(county.town_a, keepers=[stan])
    incident = incidents.report_incident(
        actor=stan, station=made, kind="injury", source="visitor", description="摔伤"
    )
    with pytest.raises(PermissionDenied):
        incidents.step(actor=kate, incident=incident, action="respond")


def test_missing_video_checks(county, stan, settings):
    settings.GONGHUI_STATION_WATCH_MINUTES = 60
    night = [(datetime.time(21, 0), datetime.time(23, 0), WindowMode.UNATTENDED)]
    made = station(county.town_a, keepers=[stan], spans=night)
    day = timezone.localdate() - datetime.timedelta(1)
    at = datetime.datetime.combine(day, datetime.time(21, 20), tzinfo=TZ)
    watch.record_check(actor=stan, station=made, seen="站内无人，设施正常", at=at)
    now = datetime.datetime.combine(timezone.localdate(), datetime.time(12), tzinfo=TZ)
    gaps = [g for g in watch.missing_checks(made, days=1, now=now) if g[0].date() == day]
    assert gaps == [(at.replace(hour=22, minute=0), at.replace(hour=23, minute=0))]


def test_overdue_fixes_and_late_feedback(county, alice, stan):
    made = station(county.town_a, keepers=[stan])
    today = timezone.localdate()
    inspection = inspections.record_inspection(
        actor=alice, station=made, inspected_on=today - datetime.timedelta(10),
        failed_items=["supplies"],
        findings=[("supplies", "急救药箱过期", today - datetime.timedelta(2))],
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        inspections.record_inspection(actor=stan, station=made, inspected_on=today)
    values = figures.station_figures(
        FigureScope(None, today - datetime.timedelta(30), today, today)
    )
    assert values["inspections"] == 1 and values["fixes_overdue"] == 1
    inspections.fix_finding(actor=stan, finding=inspection.findings.get(), fix_note="已更换")
    values = figures.station_figures(
        FigureScope(None, today - datetime.timedelta(30), today, today)
    )
    assert values["fixes_overdue"] == 0
    item = feedback.leave_feedback(station=made, person_hash="x", rating=4, comment="水很好")
    item.created_at -= datetime.timedelta(days=3)
    item.save()
    assert feedback.is_late(item)
    feedback.answer_feedback(actor=stan, feedback=item, answer="谢谢")


def test_the_periodic_command(county, stan, settings):
    import io

    from django.core.management import call_command

    settings.GONGHUI_STATION_ESCALATE_MINUTES = {"safety": 1, "county": 2}
    made = station(county.town_a, keepers=[stan])
    incidents.report_incident(
        actor=stan, station=made, kind="other", source="hotline", description="无人接听",
        at=timezone.now() - datetime.timedelta(minutes=5),
    )  # fmt: skip
    out = io.StringIO()
    call_command("stations_escalate", stdout=out)
    assert "incidents escalated: 1" in out.getvalue()
