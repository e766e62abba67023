"""The rights module's figures (维权), registered with gonghui.core.figures.

Read-only; every function takes a FigureScope and scopes with `scope.q(...)` through the same
lookups as the models' `visible_to`. A handful of aggregate queries, none per row. Money is
Decimal yuan with two places. Period days are local days (Asia/Shanghai), both ends inclusive.

Definitions:
- `cases`: cases received in the period (`received_at`), at a handling union in scope
  (`union__path`). `cases_by_kind`: the same by case type, keyed by the type's label (every type
  present, zeros included), as `aid_paid_by_kind` is keyed by name.
- `cases_closed`: cases closed in the period (status closed, `closed_at` in the period; a case
  reopened since is not closed and is not counted until it is closed again, on that date).
- `wages_recovered`: yuan recovered (`amount_recovered`) on the unpaid-wages cases (type
  wages) closed in the period; other types' recoveries (compensation etc.) are not wages.
- `visits` / `consultations`: person-times (Reception.count summed) of visits / consultations
  logged in the period at service points of organisations in scope (`point__organisation__path`).
- `receptions`: person-times (Reception.count summed) of every reception, visits and
  consultations alike, logged in the period at service points in scope (the duty desks' 接待人次).
- `outreach_events`: outreach rows (lectures, campaigns, school visits, handbook drives …) dated
  in the period, of organisations in scope (`organisation__path`).
- `handbooks`: handbook copies (Outreach.handbooks summed) distributed in the period, in scope.
- `risk_points`: active labour-risk monitoring points as of today, in scope as the points list
  is (grid's organisation, employer's town, employer's union).
- `warnings_open`: warnings not handled at the end of the period's last day (opened by then,
  handled after it or not at all), in scope as warnings are (employer's town or union).
- `contract_rate`, `contract_rate_by_kind` (keyed by the kind's label), `congress_rate`,
  `open_affairs_rate`: shares of the unionized employers in scope (operating, covered by an
  active union) with an effective collective contract (of the kind) / a workers' congress / open
  factory affairs on `today` (gonghui.rights.contracts.queries, four places).
- `counsel_active`: counsel (lawyers, mediators, union legal officers) on the roll (active) as
  of today, of organisations in scope (`organisation__path`); a stock, not a flow.
"""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope
from gonghui.core.money import CENT, ZERO
from gonghui.rights.choices import CaseKind, CaseStatus, ReceptionKind
from gonghui.rights.contracts.queries import establishment_rates
from gonghui.rights.models import Case, Counsel, MonitoringPoint, Outreach, Reception, RiskWarning
from gonghui.rights.models.common import EmployerScopedQuerySet
from gonghui.rights.models.risk import PointQuerySet

LABELS = {
    "cases": _("受理维权案件（收件）"),
    "cases_closed": _("结案数"),
    "cases_by_kind": _("按类型收件数"),
    "wages_recovered": _("追回欠薪（元）"),
    "visits": _("来访接待人次"),
    "consultations": _("法律咨询人次"),
    "receptions": _("服务点接待人次"),
    "outreach_events": _("普法宣传活动场次"),
    "handbooks": _("发放普法手册（份）"),
    "risk_points": _("劳动关系监测点"),
    "warnings_open": _("未处置风险预警"),
    "contract_rate": _("集体合同签订率"),
    "contract_rate_by_kind": _("按类别集体合同签订率"),
    "congress_rate": _("职代会建制率"),
    "open_affairs_rate": _("厂务公开建制率"),
    "counsel_active": _("在册律师与调解员"),
}
# Shares (0..1), shown as percentages (gonghui.reports.display).
RATES = ("contract_rate", "contract_rate_by_kind", "congress_rate", "open_affairs_rate")


def _yuan(value) -> Decimal:
    return (value or ZERO).quantize(CENT)


def bounds(scope: FigureScope) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as aware datetimes [start, end): local midnight of the first day to local
    midnight after the last (so a timestamp column's index is used)."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(scope.date_from, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        scope.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return start, end


def rights_figures(scope: FigureScope) -> dict:
    cases = case_totals(scope)
    receptions = reception_totals(scope)
    outreach = outreach_totals(scope)
    rates = establishment_rates(scope)
    return {
        "cases": cases["received"],
        "cases_closed": cases["closed"],
        "cases_by_kind": cases["by_kind"],
        "wages_recovered": cases["wages_recovered"],
        "visits": receptions[ReceptionKind.VISIT],
        "consultations": receptions[ReceptionKind.CONSULTATION],
        "receptions": receptions["all"],
        "outreach_events": outreach["events"],
        "handbooks": outreach["handbooks"],
        "risk_points": risk_points(scope),
        "warnings_open": warnings_open(scope),
        "contract_rate": rates["contract_any"]["rate"],
        "contract_rate_by_kind": {str(row["label"]): row["rate"] for row in rates["contracts"]},
        "congress_rate": rates["congress"]["rate"],
        "open_affairs_rate": rates["open_affairs"]["rate"],
        "counsel_active": counsel_active(scope),
    }


def case_totals(scope: FigureScope) -> dict:
    """Received by kind, closed, and wages recovered: two aggregate queries."""

    def query():
        start, end = bounds(scope)
        cases = Case.objects.filter(scope.q("union__path"))
        by_kind = {str(label): 0 for _code, label in CaseKind.choices}
        labels = dict(CaseKind.choices)
        received = (
            cases.filter(received_at__gte=start, received_at__lt=end)
            .order_by()
            .values("kind")
            .annotate(n=Count("pk"))
        )
        for row in received:
            by_kind[str(labels.get(row["kind"], row["kind"]))] = row["n"]
        closed = cases.filter(
            status=CaseStatus.CLOSED, closed_at__gte=start, closed_at__lt=end
        ).aggregate(
            n=Count("pk"),
            wages=Sum("amount_recovered", filter=Q(kind=CaseKind.WAGES)),
        )
        return {
            "received": sum(by_kind.values()),
            "by_kind": by_kind,
            "closed": closed["n"],
            "wages_recovered": _yuan(closed["wages"]),
        }

    return scope.memo("rights.case_totals", query)


def reception_totals(scope: FigureScope) -> dict:
    """Person-times by reception kind in the period: one aggregate query."""

    def query():
        rows = Reception.objects.filter(
            scope.q("point__organisation__path"),
            date__gte=scope.date_from,
            date__lte=scope.date_to,
        ).aggregate(
            **{
                kind: Sum("count", filter=Q(kind=kind))
                for kind in (ReceptionKind.VISIT, ReceptionKind.CONSULTATION)
            },
            all=Sum("count"),
        )
        return {kind: value or 0 for kind, value in rows.items()}

    return scope.memo("rights.reception_totals", query)


def counsel_active(scope: FigureScope) -> int:
    return Counsel.objects.filter(scope.q("organisation__path"), is_active=True).count()


def outreach_totals(scope: FigureScope) -> dict:
    """Outreach events and handbook copies in the period: one aggregate query."""
    rows = Outreach.objects.filter(
        scope.q("organisation__path"), date__gte=scope.date_from, date__lte=scope.date_to
    ).aggregate(events=Count("pk"), handbooks=Sum("handbooks"))
    return {"events": rows["events"], "handbooks": rows["handbooks"] or 0}


def risk_points(scope: FigureScope) -> int:
    return (
        MonitoringPoint.objects.filter(is_active=True)
        .filter(scope.q(*PointQuerySet.scope_lookups))
        .count()
    )


def warnings_open(scope: FigureScope) -> int:
    _start, end = bounds(scope)
    return (
        RiskWarning.objects.filter(scope.q(*EmployerScopedQuerySet.scope_lookups))
        .filter(opened_at__lt=end)
        .filter(Q(handled_at__isnull=True) | Q(handled_at__gte=end))
        .count()
    )


def cases_by_kind_table(scope: FigureScope) -> list[dict]:
    """The dashboard's small table, one aggregate query: per case type with any, the cases
    received in the period, those closed in it, and the yuan recovered on the closed ones (of
    every type: the table shows compensation too; `wages_recovered` is the wages row's)."""
    start, end = bounds(scope)
    received = Q(received_at__gte=start, received_at__lt=end)
    closed = Q(status=CaseStatus.CLOSED, closed_at__gte=start, closed_at__lt=end)
    rows = (
        Case.objects.filter(scope.q("union__path"))
        .filter(received | closed)
        .order_by()
        .values("kind")
        .annotate(
            received=Count("pk", filter=received),
            closed=Count("pk", filter=closed),
            recovered=Sum("amount_recovered", filter=closed),
        )
    )
    by_kind = {row["kind"]: row for row in rows}
    return [
        {
            "code": code,
            "kind": str(label),
            "received": by_kind[code]["received"],
            "closed": by_kind[code]["closed"],
            "recovered": _yuan(by_kind[code]["recovered"]),
        }
        for code, label in CaseKind.choices
        if code in by_kind
    ]


def cases_received(scope: FigureScope) -> int:
    """`cases` alone (gonghui.core.work_counts: a social worker's monthly record quotes it)."""
    return case_totals(scope)["received"]


def visit_count(scope: FigureScope) -> int:
    """`visits` alone (gonghui.core.work_counts)."""
    return reception_totals(scope)[ReceptionKind.VISIT]
