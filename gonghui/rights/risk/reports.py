"""Monthly reports of the monitoring points (监测月报): the only code that writes them.

A point reports each month on five categories, each rated 0-3 (无, 轻微, 较重, 严重), with the
wages owed and the workers concerned. The report for a month is due by the point's
`report_due_day` of the month after; one filed later is stored as late (`is_late`, never changed
afterwards, not even by a correction). After a report is filed or corrected the employer's risk
level is judged again (gonghui.rights.risk.services).

Who may file or correct: the point's own reporter account, or a clerk/administrator of the
grid's organisation or of the employer's union (or above). actor None is the system (the demo).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.rights.cases.services import to_yuan
from gonghui.rights.choices import Rating
from gonghui.rights.models import MonitoringPoint, MonthlyReport
from gonghui.rights.risk import services as risk
from gonghui.rights.risk.queries import due_date, month_start

RATINGS = {
    "wage_arrears": gettext_lazy("欠薪"),
    "layoffs": gettext_lazy("裁员"),
    "unrest": gettext_lazy("群体性事件苗头"),
    "safety": gettext_lazy("安全生产"),
    "other": gettext_lazy("其他"),
}
REMARKS_LIMIT = 2000
MAX_WORKERS = 1_000_000


def may_file(actor, point: MonitoringPoint) -> bool:
    if actor is None:
        return True
    if point.reporter_id and point.reporter_id == getattr(actor, "pk", None):
        return True
    union = point.employer.union
    return may_edit_org(actor, point.grid.organisation) or (
        union is not None and may_edit_org(actor, union)
    )


def _month_label(month: datetime.date) -> str:
    return _("%(y)d年%(m)d月") % {"y": month.year, "m": month.month}


def _clean_month(point: MonitoringPoint, month, today: datetime.date, errors: dict):
    if not isinstance(month, datetime.date):
        errors["month"] = _("请填写所属月份")
        return None
    month = month_start(month)
    if month > month_start(today):
        errors["month"] = _("所属月份（%(m)s）不能晚于本月") % {"m": _month_label(month)}
    elif month < month_start(point.established_on):
        errors["month"] = _("所属月份（%(m)s）早于监测点设立日期（%(d)s）") % {
            "m": _month_label(month),
            "d": point.established_on,
        }
    return month


def _clean_ratings(fields: dict, errors: dict) -> dict:
    ratings = {}
    for name, label in RATINGS.items():
        value = fields.get(name)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value not in Rating.values:
            errors[name] = _("%(label)s的评级须为 0（无）至 3（严重）") % {"label": label}
        ratings[name] = value
    return ratings


def _clean_figures(fields: dict, errors: dict) -> dict:
    clean = {}
    try:
        clean["arrears_amount"] = to_yuan(fields.get("arrears_amount"), _("欠薪金额"))
    except ValidationError as exc:
        errors["arrears_amount"] = exc.messages
    workers = fields.get("arrears_workers")
    try:
        workers = int(workers if workers not in (None, "") else 0)
    except (TypeError, ValueError):
        workers = -1
    if not 0 <= workers <= MAX_WORKERS:
        errors["arrears_workers"] = _("涉及欠薪人数须为不小于 0 的整数")
    clean["arrears_workers"] = workers
    remarks = (fields.get("remarks") or "").strip()
    if len(remarks) > REMARKS_LIMIT:
        errors["remarks"] = _("情况说明不能超过 %(n)d 个字") % {"n": REMARKS_LIMIT}
    clean["remarks"] = remarks
    return clean


def _check_arrears(ratings: dict, figures: dict, errors: dict) -> None:
    """Wages owed without a wage-arrears rating (or the other way round) is a slip of the hand
    that would hide the risk: say so rather than store it."""
    if "arrears_amount" in errors or ratings.get("wage_arrears") is None:
        return
    if figures.get("arrears_amount") and ratings["wage_arrears"] == Rating.NONE:
        errors["wage_arrears"] = _("填写了欠薪金额，欠薪评级不能为“无”")


@transaction.atomic
def file_report(
    *,
    actor,
    point: MonitoringPoint,
    month,
    wage_arrears,
    layoffs,
    unrest,
    safety,
    other,
    arrears_amount="",
    arrears_workers=0,
    remarks="",
    now=None,
) -> MonthlyReport:
    """File a point's report for `month` (any day of it; stored as the 1st)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    point = (
        MonitoringPoint.objects.select_related("grid__organisation", "employer__union")
        .select_for_update(of=("self",))
        .get(pk=point.pk)
    )
    if not may_file(actor, point):
        raise PermissionDenied(OUT_OF_SCOPE)
    if not point.is_active:
        raise ValidationError({"point": _("监测点“%(p)s”已停用，不能报送月报") % {"p": point}})
    fields = {"wage_arrears": wage_arrears, "layoffs": layoffs, "unrest": unrest,
              "safety": safety, "other": other, "arrears_amount": arrears_amount,
              "arrears_workers": arrears_workers, "remarks": remarks}  # fmt: skip
    errors: dict = {}
    month = _clean_month(point, month, today, errors)
    ratings = _clean_ratings(fields, errors)
    figures = _clean_figures(fields, errors)
    _check_arrears(ratings, figures, errors)
    if month and "month" not in errors:
        _check_not_filed(point, month, errors)
    if errors:
        raise ValidationError(errors)
    report = MonthlyReport(
        point=point,
        month=month,
        submitted_at=now,
        submitted_by=actor if getattr(actor, "pk", None) else None,
        is_late=today > due_date(month, point.report_due_day),
        **ratings,
        **figures,
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # filed by someone else at the same moment
        raise ValidationError({"month": _already_filed(point, month)}) from None
    audit.record(actor=actor, action=AuditAction.CREATE, obj=report, after=audit.snapshot(report))
    risk.evaluate_employers(employer_ids=[point.employer_id], now=now)
    return report


def _already_filed(point, month) -> str:
    return _("监测点“%(p)s”%(m)s的月报已报送，如需更正请修改该月报") % {
        "p": point,
        "m": _month_label(month),
    }


def _check_not_filed(point, month, errors: dict) -> None:
    if MonthlyReport.objects.filter(point=point, month=month).exists():
        errors["month"] = _already_filed(point, month)


@transaction.atomic
def update_report(*, actor, report: MonthlyReport, now=None, **fields) -> MonthlyReport:
    """Correct a report's ratings, figures or remarks. The point, the month, when it was filed
    and whether it was late stay as they were; the correction is in the audit log."""
    report = (
        MonthlyReport.objects.select_for_update(of=("self",))
        .select_related("point__grid__organisation", "point__employer__union")
        .get(pk=report.pk)
    )
    if not may_file(actor, report.point):
        raise PermissionDenied(OUT_OF_SCOPE)
    unknown = set(fields) - set(RATINGS) - {"arrears_amount", "arrears_workers", "remarks"}
    if unknown:
        raise ValidationError(
            {name: _("月报的该项不能修改（所属月份、监测点不可更正）") for name in unknown}
        )
    merged = {name: getattr(report, name) for name in RATINGS}
    merged.update(arrears_amount=report.arrears_amount, arrears_workers=report.arrears_workers,
                  remarks=report.remarks)  # fmt: skip
    merged.update(fields)
    errors: dict = {}
    ratings = _clean_ratings(merged, errors)
    figures = _clean_figures(merged, errors)
    _check_arrears(ratings, figures, errors)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(report)
    for name, value in {**ratings, **figures}.items():
        setattr(report, name, value)
    audit.saved(report, actor=actor, before=before)
    risk.evaluate_employers(employer_ids=[report.point.employer_id], now=now)
    return report
