"""The dashboard's 产改 section: the workforce figures as cards, honourees and studios by level."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.figures import FigureScope
from gonghui.reports.sections import figure_cards
from gonghui.workforce import figures

CARDS = ("honourees", "honours_awarded", "studios", "studio_alliances", "honourees_due_checkup")


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("产改"),
        "cards": figure_cards(CARDS, figures.LABELS, values),
        "honourees_by_level": values["honourees_by_level"],
        "studios_by_level": values["studios_by_level"],
        "index_url": reverse("workforce:index"),
    }
