"""Read side of honourees' care: who is due a health check or a 疗休养, the allowance due."""

import datetime

from django.db.models import Max, OuterRef, Q, Subquery

from gonghui.core.money import yuan
from gonghui.workforce.choices import CareKind, HonoureeStatus, HonourStatus
from gonghui.workforce.models import CareRecord, Honour, Honouree

CHECKUP_YEARS = {HonoureeStatus.WORKING: 1, HonoureeStatus.RETIRED: 2}
SANATORIUM_YEARS = 2


def _years_ago(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _last(kind: str):
    return Subquery(
        CareRecord.objects.filter(honouree=OuterRef("pk"), kind=kind)
        .order_by("-on")
        .values("on")[:1]
    )


def living_with_honours(queryset=None):
    qs = Honouree.objects.all() if queryset is None else queryset
    return (
        qs.exclude(status=HonoureeStatus.DECEASED)
        .filter(honours__status=HonourStatus.ACTIVE)
        .distinct()
    )


def checkup_due(queryset=None, today: datetime.date | None = None):
    """Honourees due a health check: none within a year (working) or two years (retired)."""
    today = today or datetime.date.today()
    qs = living_with_honours(queryset).annotate(last_checkup=_last(CareKind.CHECKUP))
    due = Q()
    for status, years in CHECKUP_YEARS.items():
        cutoff = _years_ago(today, years)
        due |= Q(status=status) & (Q(last_checkup__isnull=True) | Q(last_checkup__lte=cutoff))
    return qs.filter(due)


def sanatorium_due(queryset=None, today: datetime.date | None = None):
    today = today or datetime.date.today()
    cutoff = _years_ago(today, SANATORIUM_YEARS)
    qs = living_with_honours(queryset).annotate(last_sanatorium=_last(CareKind.SANATORIUM))
    return qs.filter(Q(last_sanatorium__isnull=True) | Q(last_sanatorium__lte=cutoff))


def allowance_standard(honouree: Honouree):
    """The yearly allowance: the highest of the kinds of the honouree's active honours."""
    value = Honour.objects.filter(honouree=honouree, status=HonourStatus.ACTIVE).aggregate(
        v=Max("kind__yearly_allowance")
    )["v"]
    return yuan(value)


def is_hardship_honouree(member) -> bool:
    """The aid module's eligibility rule 困难劳模: the person's file is flagged."""
    return Honouree.objects.filter(id_hash=member.id_hash, in_hardship=True).exists()
