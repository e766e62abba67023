"""The dashboard's 帮扶服务 section: the aid figures as cards and the money by programme."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.aid import figures
from gonghui.core.figures import FigureScope
from gonghui.reports import display
from gonghui.reports.sections import figure_cards

CARDS = (
    "hardship_households",
    "aid_paid",
    "aid_recipients",
    "care_visits",
    "care_cash",
    "care_goods",
    "insured_members",
    "claims_paid",
    "benefit_redemptions",
    "fee_refunds",
)


def section(scope: FigureScope, values: dict, within: dict) -> dict:
    return {
        "title": _("帮扶服务"),
        "cards": figure_cards(CARDS, figures.LABELS, values),
        "by_kind": [
            {"kind": kind, "yuan": yuan, "text": display.text("aid_paid", yuan)}
            for kind, yuan in values["aid_paid_by_kind"].items()
            if yuan
        ],
        "by_programme": figures.paid_by_programme(scope),
        "index_url": reverse("aid:index"),
    }
