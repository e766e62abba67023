"""The stations module's models, one file per feature: stations (with their hours), visits, and
care (video watch, incidents, inspections, feedback)."""

from gonghui.stations.models.care import (
    Feedback,
    Finding,
    Incident,
    IncidentStep,
    Inspection,
    WatchCheck,
)
from gonghui.stations.models.photos import StationPhoto
from gonghui.stations.models.stations import HoursException, Station, WeeklyWindow
from gonghui.stations.models.visits import Visit

__all__ = [
    "Feedback",
    "Finding",
    "HoursException",
    "Incident",
    "IncidentStep",
    "Inspection",
    "Station",
    "StationPhoto",
    "Visit",
    "WatchCheck",
    "WeeklyWindow",
]
