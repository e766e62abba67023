"""The figures a monthly record quotes for the worker's union and month (本月工作数据).

Computed for the union's subtree and the calendar month through the functions that publish
them, so the record and the county's figures never disagree: the registry's own figures
(gonghui.registry.figures: new members, transfers) and what other modules register with
gonghui.core.work_counts (aid applications sent on, 四送 visits, cases received, visits received).
Two counts the registry holds without publishing are defined here: unions founded (organisations
in the subtree with a founding date in the month) and applications handled (joining and transfer
applications decided in the month)."""

import calendar
import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.core.models import Organisation
from gonghui.core.work_counts import compute_work_counts, work_counts
from gonghui.registry.figures import registry_figures
from gonghui.registry.models import Application

REGISTRY_LABELS = {
    "unions_founded": _("新建工会"),
    "members_new": _("新发展会员"),
    "transfers_in": _("转入会员"),
    "transfers_out": _("转出会员"),
    "applications_handled": _("办理入会转会申请"),
}


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def month_scope(organisation: Organisation, month: datetime.date) -> FigureScope:
    first, last = month_bounds(month)
    return FigureScope(
        paths=(organisation.path,), date_from=first, date_to=last,
        today=min(last, timezone.localdate()),
    )  # fmt: skip


def labels() -> dict:
    return {**REGISTRY_LABELS, **{c.key: c.label for c in work_counts()}}


def work_figures(organisation: Organisation, month: datetime.date) -> dict[str, int]:
    """Every quoted count for `organisation`'s subtree in `month`, keyed as in `labels()`."""
    scope = month_scope(organisation, month)
    registry = registry_figures(scope)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(scope.date_from, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        scope.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    founded = (
        Organisation.objects.filter(scope.q("path"))
        .exclude(pk=organisation.pk)
        .filter(founded_on__range=(scope.date_from, scope.date_to))
        .count()
    )
    handled = Application.objects.filter(
        Q(scope.q("union__path")), decided_at__gte=start, decided_at__lt=end
    ).count()
    return {
        "unions_founded": founded,
        "members_new": registry["members_new"],
        "transfers_in": registry["transfers_in"],
        "transfers_out": registry["transfers_out"],
        "applications_handled": handled,
        **compute_work_counts(scope),
    }


def labelled(figures: dict) -> list[tuple[str, str, int]]:
    """(key, label, value) in the labels' order, for pages and the printed file."""
    names = labels()
    return [(key, str(names.get(key, key)), figures[key]) for key in names if key in figures]
