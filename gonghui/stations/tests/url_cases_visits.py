"""Visits, care and the finder in the permission matrix: town B gets 404 on town A's station's
forms, incidents, inspections, findings and feedback; the finder's pages are public."""

import datetime

from django.utils import timezone

LIST_URLS = {
    "stations:visit_list": 200,
    "stations:incident_list": 200,
    "stations:watch_list": 200,
    "stations:inspection_list": 200,
    "stations:feedback_list": 200,
    "station-visit-list": 200,
    "station-incident-list": 200,
    "station-inspection-list": 200,
}
PUBLIC_URLS = {
    "stations_portal:finder",
    "stations_portal:station",
    "stations_portal:scan",
    "stations_portal:feedback",
    "stations_portal:help",
}


def _station(county):
    from gonghui.stations.tests.helpers import station_a

    return station_a(county)


def town_a_station(county, user) -> int:
    return _station(county).pk


def town_a_incident(county, user) -> int:
    from gonghui.stations.care import incidents

    return incidents.report_incident(
        actor=None, station=_station(county), kind="injury", source="hotline", description="摔伤"
    ).pk


def town_a_inspection(county, user):
    from gonghui.stations.care import inspections
    from gonghui.stations.models import Inspection

    inspections.record_inspection(
        actor=user, station=_station(county), inspected_on=timezone.localdate(),
        findings=[("signage", "标识缺失", timezone.localdate() + datetime.timedelta(7))],
    )  # fmt: skip
    return Inspection.objects.latest("pk")


def town_a_feedback(county, user) -> int:
    from gonghui.stations.care import feedback

    return feedback.leave_feedback(station=_station(county), person_hash="x", rating=5).pk


def _on(make, method="GET"):
    return (method, lambda c, u: {"pk": make(c, u)})


def town_a_visit(county, user) -> int:
    from gonghui.stations.visits import services

    visit, _created = services.scan_in(
        station=_station(county), person_hash="matrix", occupation="courier"
    )
    return visit.pk


OBJECT_URLS = {
    "station-visit-detail": _on(town_a_visit),
    "station-incident-detail": _on(town_a_incident),
    "station-inspection-detail": _on(lambda c, u: town_a_inspection(c, u).pk),
    "stations:walk_in_add": _on(town_a_station, "POST"),
    "stations:counter_import": _on(town_a_station, "POST"),
    "stations:incident_add": _on(town_a_station, "POST"),
    "stations:watch_add": _on(town_a_station, "POST"),
    "stations:inspection_add": _on(town_a_station, "POST"),
    "stations:incident_detail": _on(town_a_incident),
    "stations:incident_step": (
        "POST",
        lambda c, u: {"pk": town_a_incident(c, u), "action": "respond"},
    ),
    "stations:inspection_detail": _on(lambda c, u: town_a_inspection(c, u).pk),
    "stations:finding_fix": _on(lambda c, u: town_a_inspection(c, u).findings.get().pk, "POST"),
    "stations:feedback_answer": _on(town_a_feedback, "POST"),
}
POST_DATA = {
    "stations:finding_fix": lambda c: {"fix_note": "已补"},
    "stations:feedback_answer": lambda c: {"answer": "谢谢"},
}
