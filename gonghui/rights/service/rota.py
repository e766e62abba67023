"""The duty rota (律师坐班表): which counsel sits at which service point on which day (or
half-day). The only code that writes it.

A slot's counsel must be active and of the point's line of the tree (`checks.same_line`: the
county's lawyers serve every point, a town's lawyer the town's points and the county's centre,
never another town's). The point's clerks and administrators (and those above) add and remove
slots and copy a month from the one before; a lawyer reads their own duty days.

Copying keeps the weekday pattern: the slot of the previous month's n-th Tuesday goes to this
month's n-th Tuesday (a 5th weekday the month lacks is skipped), slots already there are kept,
and counsel who have left the roll are not seated again.
"""

import calendar
import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import ensure_may_edit_org
from gonghui.rights.choices import DutySession
from gonghui.rights.models import Counsel, DutySlot, ServicePoint
from gonghui.rights.service import checks

# A rota is planned a few months ahead, not years: a date past this is a typing error.
MAX_AHEAD_DAYS = 366


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, n: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_days(month: datetime.date) -> list[datetime.date]:
    last = calendar.monthrange(month.year, month.month)[1]
    return [month.replace(day=d) for d in range(1, last + 1)]


def same_weekday(day: datetime.date, month: datetime.date) -> datetime.date | None:
    """The day of `month` that is the same n-th weekday as `day` in its month (None when
    `month` has no such day, e.g. a 5th Monday)."""
    nth = (day.day - 1) // 7
    first = month_start(month)
    offset = (day.weekday() - first.weekday()) % 7
    target = first + datetime.timedelta(days=offset + 7 * nth)
    return target if target.month == first.month else None


def check_counsel(point: ServicePoint, counsel, errors: dict, field: str = "counsel") -> None:
    if counsel is None:
        errors[field] = _("请选择值班律师")
    elif not counsel.is_active:
        errors[field] = _("%(name)s 已不在册") % {"name": counsel.name}
    elif not checks.same_line(point.organisation.path, counsel.organisation.path):
        errors[field] = _("%(name)s 不属于%(org)s或其上下级，不能在该服务点值班") % {
            "name": counsel.name,
            "org": point.organisation.name,
        }


def _point(point: ServicePoint, actor) -> ServicePoint:
    point = ServicePoint.objects.select_related("organisation").get(pk=point.pk)
    ensure_may_edit_org(actor, point.organisation)
    return point


@transaction.atomic
def add_slot(*, actor, point: ServicePoint, date, session: str, counsel: Counsel) -> DutySlot:
    point = _point(point, actor)
    errors: dict = {}
    if not point.is_active:
        errors["point"] = _("服务点“%(p)s”已停用，不能排班") % {"p": point.name}
    if not isinstance(date, datetime.date):
        errors["date"] = _("请填写值班日期")
    elif date > timezone.localdate() + datetime.timedelta(days=MAX_AHEAD_DAYS):
        errors["date"] = _("值班日期（%(d)s）超出一年，请核对") % {"d": date}
    checks.choice(session, "session", _("时段"), DutySession, errors)
    if counsel is not None:
        counsel = Counsel.objects.select_related("organisation").get(pk=counsel.pk)
    check_counsel(point, counsel, errors)
    checks.raise_if(errors)
    taken = _("%(name)s %(day)s %(s)s 已在该服务点值班") % {
        "name": counsel.name, "day": date, "s": DutySession(session).label,
    }  # fmt: skip
    if DutySlot.objects.filter(point=point, date=date, session=session, counsel=counsel).exists():
        checks.raise_if({"counsel": taken})
    try:
        with transaction.atomic():
            slot = DutySlot.objects.create(point=point, date=date, session=session, counsel=counsel)
    except IntegrityError:  # the same slot added at the same moment
        checks.raise_if({"counsel": taken})
    audit.record(actor=actor, action=AuditAction.CREATE, obj=slot, after=audit.snapshot(slot))
    return slot


@transaction.atomic
def remove_slot(*, actor, slot: DutySlot) -> None:
    slot = DutySlot.objects.select_related("point__organisation", "counsel").get(pk=slot.pk)
    ensure_may_edit_org(actor, slot.point.organisation)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=slot, before=audit.snapshot(slot))
    slot.delete()


@transaction.atomic
def copy_previous_month(*, actor, point: ServicePoint, month: datetime.date) -> dict:
    """Seat `month` as the month before it was seated, weekday for weekday. Returns the numbers
    copied and skipped (the day is missing, the slot exists, or the counsel has left)."""
    point = _point(point, actor)
    if not point.is_active:
        checks.raise_if({"point": _("服务点“%(p)s”已停用，不能排班") % {"p": point.name}})
    month = month_start(month)
    previous = add_months(month, -1)
    source = (
        DutySlot.objects.filter(point=point, date__gte=previous, date__lt=month)
        .select_related("counsel__organisation")
        .order_by("date", "session", "pk")
    )
    existing = set(
        DutySlot.objects.filter(
            point=point, date__gte=month, date__lt=add_months(month, 1)
        ).values_list("date", "session", "counsel_id")
    )
    made, skipped = [], 0
    for slot in source:
        target = same_weekday(slot.date, month)
        key = (target, slot.session, slot.counsel_id)
        errors: dict = {}
        check_counsel(point, slot.counsel, errors)
        if target is None or key in existing or errors:
            skipped += 1
            continue
        existing.add(key)
        made.append(DutySlot(point=point, date=target, session=slot.session, counsel=slot.counsel))
    DutySlot.objects.bulk_create(made)
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=point,
        changes={_("值班表"): [None, _("从 %(from)s 复制到 %(to)s：%(n)d 条") % {
            "from": f"{previous:%Y-%m}", "to": f"{month:%Y-%m}", "n": len(made),
        }]},
    )  # fmt: skip
    return {"copied": len(made), "skipped": skipped}
