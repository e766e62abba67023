"""The dashboard's 劳动和技能竞赛 section: the two competition figures as cards."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.figures import FigureScope
from gonghui.reports.sections import figure_cards
from gonghui.workforce.competitions import figures

CARDS = ("competitions", "competition_entrants")


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("劳动和技能竞赛"),
        "cards": figure_cards(CARDS, figures.LABELS, values),
        "index_url": reverse("workforce:competition_list"),
    }
