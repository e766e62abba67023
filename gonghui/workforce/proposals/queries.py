"""Read side of proposals: the adoption and implementation rates per union and per employer."""

from django.db.models import Count, Q, Sum

from gonghui.core.money import yuan
from gonghui.workforce.models.proposals import ADOPTED_STATES, ProposalStatus


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def rates(queryset, by: str) -> list[dict]:
    """Rows of {name, total, adopted, implemented, adoption_rate, implementation_rate, benefit},
    grouped by "union" or "employer" (adopted counts the implemented too)."""
    name = f"{by}__name"
    rows = (
        queryset.values(name)
        .annotate(
            total=Count("pk"),
            adopted=Count("pk", filter=Q(status__in=ADOPTED_STATES)),
            implemented=Count("pk", filter=Q(status=ProposalStatus.IMPLEMENTED)),
            benefit=Sum("verified_benefit"),
        )
        .order_by(name)
    )
    return [
        {
            "name": row[name] or "—",
            "total": row["total"],
            "adopted": row["adopted"],
            "implemented": row["implemented"],
            "adoption_rate": _rate(row["adopted"], row["total"]),
            "implementation_rate": _rate(row["implemented"], row["adopted"]),
            "benefit": yuan(row["benefit"]),
        }
        for row in rows
    ]
