"""The dashboard's section of proposals and points: their figures as cards."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.figures import FigureScope
from gonghui.reports.sections import figure_cards
from gonghui.workforce.points import figures


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("合理化建议与积分"),
        "cards": figure_cards(figures.LABELS, figures.LABELS, values),
        "index_url": reverse("workforce:index"),
    }
