"""Read-side helpers of the care campaigns (四送): the figures the reports quote. Nothing here
writes; callers pass a queryset already scoped with `visible_to`."""

from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from gonghui.aid.models import CareCampaign, CareVisit
from gonghui.aid.models.common import CENT, MONEY, ZERO
from gonghui.core.models import Organisation

VISITED = Q(visited_on__isnull=False)


def _money_sum(field: str):
    return Coalesce(Sum(field, filter=VISITED), Value(ZERO), output_field=DecimalField(**MONEY))


def total_expressions() -> dict:
    """Only visits that took place count: a name on the list is not yet a person visited."""
    return {
        "people": Count("pk", filter=VISITED),
        # Households: distinct hardship files among the visited (non-members have none).
        "households": Count("hardship_file", filter=VISITED, distinct=True),
        "cash": _money_sum("cash"),
        "goods_value": _money_sum("goods_value"),
    }


def _yuan(row: dict) -> dict:
    # SQLite hands sums back without their two places; yuan always show them.
    for key in ("cash", "goods_value"):
        row[key] = Decimal(row[key]).quantize(CENT)
    return row


def totals(visits_qs) -> dict:
    """people, households, cash and goods_value (yuan) of `visits_qs`, in one aggregate query."""
    return _yuan(visits_qs.order_by().aggregate(**total_expressions()))


def totals_by_union(visits_qs) -> list[dict]:
    """The totals per union, largest number of people first, in one grouped query; each row
    also carries `listed` (names on the list) and the union's name."""
    rows = (
        visits_qs.order_by()
        .values("union_id", "union__name")
        .annotate(listed=Count("pk"), **total_expressions())
        .order_by("-people", "union__name")
    )
    return [_yuan(row) for row in rows]


def totals_by_campaign(visits_qs, campaign_ids) -> dict[int, dict]:
    """campaign pk -> totals (and `listed`) over `visits_qs`, one grouped query for a page."""
    rows = (
        visits_qs.filter(campaign_id__in=list(campaign_ids))
        .order_by()
        .values("campaign_id")
        .annotate(listed=Count("pk"), **total_expressions())
    )
    return {row.pop("campaign_id"): _yuan(row) for row in rows}


def empty_totals() -> dict:
    return {"listed": 0, "people": 0, "households": 0, "cash": ZERO, "goods_value": ZERO}


def visits_for(user, campaign: CareCampaign):
    """The campaign's list as the user may see it: the recipients of their own unions."""
    return (
        CareVisit.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("union", "member", "hardship_file")
        .defer("member__id_number", "member__phone")
    )


def unions_for_list(user, campaign: CareCampaign):
    """Unions whose recipients the user may add to the campaign: within the campaign's
    organisation and editable by the user."""
    return (
        Organisation.objects.editable_by(user)
        .filter(path__startswith=campaign.organisation.path)
        .order_by("path")
    )
