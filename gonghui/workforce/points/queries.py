"""Read side of points: a member's balance, the leaderboards by month and year."""

import datetime

from django.db.models import Q, Sum

from gonghui.workforce.models import PointsEntry
from gonghui.workforce.models.points import EntryKind

# What counts on a leaderboard: points earned, less those taken back (a reversal).
EARNED = (EntryKind.AWARD, EntryKind.REVERSAL)


def period(year: int, month: int | None = None) -> tuple[datetime.date, datetime.date]:
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start = datetime.date(year, month, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return start, end


def leaderboard(entries, *, year: int, month: int | None = None, limit: int = 50) -> list[dict]:
    """Members by points earned in the month (or year), highest first, ties by name."""
    start, end = period(year, month)
    rows = (
        entries.filter(kind__in=EARNED, on__gte=start, on__lte=end)
        .values("account_id", "account__member__name", "account__union__name")
        .annotate(total=Sum("points"))
        .filter(total__gt=0)
        .order_by("-total", "account__member__name", "account_id")[:limit]
    )
    return [
        {"rank": i, "name": r["account__member__name"], "union": r["account__union__name"],
         "points": r["total"], "account": r["account_id"]}  # fmt: skip
        for i, r in enumerate(rows, start=1)
    ]


def balances(accounts) -> dict[int, int]:
    rows = PointsEntry.objects.filter(account__in=accounts).values("account_id")
    return dict(rows.annotate(s=Sum("points")).values_list("account_id", "s"))


def totals(entries) -> dict:
    agg = entries.aggregate(
        awarded=Sum("points", filter=Q(kind__in=EARNED)),
        redeemed=Sum("points", filter=Q(kind__in=(EntryKind.REDEEM, EntryKind.REFUND))),
    )
    return {"awarded": agg["awarded"] or 0, "redeemed": -(agg["redeemed"] or 0)}
