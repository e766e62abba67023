"""The dashboard's 工会社工 section: the cadres figures as cards and the grades of the year."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.cadres import figures
from gonghui.core.figures import FigureScope
from gonghui.reports.sections import figure_cards

CARDS = (
    "social_workers", "monthly_records", "cadres_trained", "training_hours", "model_homes",
)  # fmt: skip


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("工会社工"),
        "cards": figure_cards(CARDS, figures.LABELS, values),
        "grades": list(values["assessments"].items()),
        "rated": list(values["unions_rated"].items()),
        "index_url": reverse("cadres:index"),
    }
