"""The dashboard's 驿站 section: the stations figures as cards and the busiest stations."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.figures import FigureScope
from gonghui.reports.sections import figure_cards
from gonghui.stations import figures

CARDS = (
    "stations", "stations_smart", "stations_open_24h", "station_visits", "station_visitors",
    "incidents", "incident_response_minutes", "inspections", "fixes_overdue",
)  # fmt: skip


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    cards = figure_cards(CARDS, figures.LABELS, values)
    return {
        "title": _("户外劳动者驿站"),
        "cards": cards,
        "by_kind": [{"kind": k, "n": n} for k, n in values["stations_by_kind"].items()],
        "busiest": figures.visits_by_station(scope),
        "index_url": reverse("stations:index"),
    }
