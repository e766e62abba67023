"""Reading the service area for pages, the API and the portal: points in reach, counsel who may
sit at a point, the month grid of a rota, who is on duty today, a lawyer's own duty days, the
points where a user may log a reception. Scoping is `visible_to` (a lawyer's own slots and
receptions come from `own_rows`); the rules are the services'."""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import may_edit_org
from gonghui.rights.choices import DutySession
from gonghui.rights.models import Counsel, DutySlot, Reception, ServicePoint
from gonghui.rights.service.rota import add_months, month_days, month_start

WEEKDAYS = (_("周一"), _("周二"), _("周三"), _("周四"), _("周五"), _("周六"), _("周日"))
SESSIONS = [DutySession.MORNING, DutySession.AFTERNOON, DutySession.DAY]


def points_for(user):
    return ServicePoint.objects.visible_to(user).select_related("organisation")


def point_for(user, pk) -> ServicePoint:
    """ServicePoint.DoesNotExist (a 404 to the caller) when out of reach."""
    return points_for(user).get(pk=pk)


def may_edit(user, point: ServicePoint) -> bool:
    return may_edit_org(user, point.organisation)


def line_q(paths) -> Q:
    """Counsel of one line of the tree with any of `paths`: at it or below it, or above it."""
    q = Q(pk__in=[])
    for path in paths:
        above = [path[:i] for i in range(1, len(path) + 1)]
        q |= Q(organisation__path__startswith=path) | Q(organisation__path__in=above)
    return q


def line_counsel(points):
    """Active counsel who may sit at (or receive at) any of `points`; the service checks each."""
    paths = {p.organisation.path for p in points}
    return (
        Counsel.objects.filter(line_q(paths), is_active=True)
        .select_related("firm")
        .order_by("name", "pk")
    )


def recording_points(user):
    """Active points where `user` may log a reception: those of unions they edit, and those
    where they are on the rota (a lawyer, on their duty days: the service checks the day)."""
    editable = ServicePoint.objects.visible_to(user, roles=EDIT_ROLES).values("pk")
    on_rota = DutySlot.objects.filter(counsel__user=user).values("point_id")
    return (
        ServicePoint.objects.filter(Q(pk__in=editable) | Q(pk__in=on_rota), is_active=True)
        .select_related("organisation")
        .order_by("organisation__path", "name")
    )


def parse_month(value, today=None) -> datetime.date:
    """ "2025-03" → 2025-03-01; anything else is this month."""
    today = today or timezone.localdate()
    try:
        year, month = (int(part) for part in str(value or "").split("-"))
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return month_start(today)


def month_slots(point: ServicePoint, month: datetime.date):
    return (
        DutySlot.objects.filter(point=point, date__gte=month, date__lt=add_months(month, 1))
        .select_related("counsel__firm")
        .order_by("date", "session", "counsel__name", "pk")
    )


def month_grid(point: ServicePoint, month: datetime.date, today=None) -> list[dict]:
    """One row per day of the month: the date, its weekday and the slots per session."""
    today = today or timezone.localdate()
    by_day: dict = defaultdict(lambda: defaultdict(list))
    for slot in month_slots(point, month):
        by_day[slot.date][slot.session].append(slot)
    return [
        {
            "date": day,
            "weekday": WEEKDAYS[day.weekday()],
            "weekend": day.weekday() >= 5,
            "today": day == today,
            "cells": [by_day[day][session] for session in SESSIONS],
        }
        for day in month_days(month)
    ]


def on_duty(points, day: datetime.date) -> dict[int, list[str]]:
    """Point id → the names of the counsel on duty there on `day` (one query)."""
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        DutySlot.objects.filter(point__in=[p.pk for p in points], date=day)
        .filter(counsel__is_active=True)
        .order_by("session", "counsel__name")
        .values_list("point_id", "counsel__name")
    )
    for point_id, name in rows:
        if name not in names[point_id]:
            names[point_id].append(name)
    return dict(names)


def public_points():
    """The points the portal shows (every active one: their addresses are public)."""
    return (
        ServicePoint.objects.filter(is_active=True)
        .select_related("organisation")
        .order_by("organisation__path", "kind", "name")
    )


def own_duty(user, since: datetime.date):
    """A lawyer's own duty days from `since` on."""
    return (
        DutySlot.objects.filter(counsel__user=user, date__gte=since)
        .select_related("point", "counsel")
        .order_by("date", "session", "pk")
    )


def receptions_for(user):
    return Reception.objects.visible_to(user).select_related("point", "counsel", "case")
