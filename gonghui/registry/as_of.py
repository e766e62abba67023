"""What the registry held on a given day (figures as of a date, 统计时点).

A stock is counted from the records' own dates, not from today's status: a member row is one
membership spell (joined_on .. left_on; a transfer ends one spell on the day the next begins), an
employer operated from its founding date (when known) until `closed_on`, an organisation was
active from its founding date (when known) until `inactive_since`. An empty end date on a row
that has ended means "ended before any day we count" (rows registered already ended, or ended
before the date was kept).

On today or later the conditions are the plain status ones: they mean the same, and they are the
ones the figures' covering indexes serve (a million members count from an index alone).
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from gonghui.core.models import OrgStatus
from gonghui.registry.choices import MemberStatus, OperatingStatus


def is_current(day: datetime.date) -> bool:
    """Whether `day` is today or later, when status fields already say what held."""
    return day >= timezone.localdate()


def member_active_q(day: datetime.date, prefix: str = "") -> Q:
    """Members in a spell on `day`: joined by then and not yet gone (the day a member leaves or
    transfers out, the old spell no longer counts and the new one does)."""
    active = Q(**{f"{prefix}status": MemberStatus.ACTIVE})
    if is_current(day):
        return active
    return Q(**{f"{prefix}joined_on__lte": day}) & (active | Q(**{f"{prefix}left_on__gt": day}))


def employer_operating_q(day: datetime.date, prefix: str = "") -> Q:
    operating = Q(**{f"{prefix}operating_status": OperatingStatus.OPERATING})
    if is_current(day):
        return operating
    founded = Q(**{f"{prefix}founded_on__isnull": True}) | Q(**{f"{prefix}founded_on__lte": day})
    return founded & (operating | Q(**{f"{prefix}closed_on__gt": day}))


def org_active_q(day: datetime.date, prefix: str = "") -> Q:
    active = Q(**{f"{prefix}status": OrgStatus.ACTIVE})
    if is_current(day):
        return active
    founded = Q(**{f"{prefix}founded_on__isnull": True}) | Q(**{f"{prefix}founded_on__lte": day})
    return founded & (active | Q(**{f"{prefix}inactive_since__gt": day}))


def covered_q(day: datetime.date) -> Q:
    """An employer covered by a union active on `day` (without a union: false)."""
    return org_active_q(day, "union__")
