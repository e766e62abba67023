"""The dashboard's 维权服务 section: the rights figures as cards and the cases by type."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.figures import FigureScope
from gonghui.reports import display
from gonghui.reports.sections import figure_cards
from gonghui.rights import figures

CARDS = (
    "cases",
    "cases_closed",
    "wages_recovered",
    "visits",
    "consultations",
    "receptions",
    "outreach_events",
    "handbooks",
    "risk_points",
    "warnings_open",
    "contract_rate",
    "congress_rate",
    "open_affairs_rate",
    "counsel_active",
)


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("维权服务"),
        "cards": figure_cards(CARDS, figures.LABELS, values),
        "by_kind": [
            {**row, "recovered_text": display.text("wages_recovered", row["recovered"])}
            for row in figures.cases_by_kind_table(scope)
        ],
        "contracts_by_kind": [
            {"kind": kind, "text": display.text("contract_rate", share)}
            for kind, share in values["contract_rate_by_kind"].items()
        ],
        "index_url": reverse("rights:index"),
    }
