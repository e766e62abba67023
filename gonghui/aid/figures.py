"""The aid module's figures (帮扶服务), registered with gonghui.core.figures.

Read-only; every function takes a FigureScope and scopes with `scope.q(...)` through the same
lookups as the models' `visible_to`. Money is Decimal yuan with two places.

Definitions:
- `hardship_households`: households on file (status filed) on `scope.today`, at the worker's
  union (as of a past day: filed by then, not closed before it).
- `aid_paid`: yuan the workers received in the period, net of reversals: direct payments on
  their booking date, bank-batch lines on the date the bank's return was registered (lines of
  batches not yet returned are not yet paid). `aid_paid_by_kind`: the same by programme kind
  (keyed by the kind's name, every kind present). `aid_recipients`: people (by ID number, so two
  spells of one person count once) whose net receipts in the period are above zero.
- `care_visits`: visits made in the period (四送, person-times, 人次); `care_cash` and
  `care_goods`: the cash and the value of the goods given on them.
- `insured_members`: enrolments in mutual-aid plans whose cover overlaps the period (person-
  years, 人次, as the reports count "赠送补充住院医疗保险…人次").
- `claims_paid`: yuan of claims paid in the period; `claims_paid_count`: claims with a payment in
  the period.
- `benefit_redemptions`: member-day uses in the period; `benefit_discount`: the yuan given.
- `fee_refunds`: union-fee refund yuan paid to small employers in the period;
  `fee_refund_firms`: employers paid in the period.
"""

import datetime
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.models import (
    AidApplication,
    CareVisit,
    ClaimPayment,
    Enrolment,
    HardshipFile,
    Payment,
    ProgrammeKind,
    Redemption,
    RefundPayment,
)
from gonghui.aid.models.common import CENT, ZERO
from gonghui.aid.models.hardship import ON_FILE
from gonghui.core.figures import FigureScope

LABELS = {
    "hardship_households": _("在档困难职工户数"),
    "aid_paid": _("帮扶资金发放（元）"),
    "aid_paid_by_kind": _("按项目类别发放（元）"),
    "aid_recipients": _("受助人数"),
    "care_visits": _("四送走访慰问人次"),
    "care_cash": _("慰问金（元）"),
    "care_goods": _("慰问物资折价（元）"),
    "insured_members": _("医疗互助参保人次"),
    "claims_paid": _("互助理赔金额（元）"),
    "claims_paid_count": _("理赔件数"),
    "benefit_redemptions": _("会员日优惠使用次数"),
    "benefit_discount": _("会员日优惠金额（元）"),
    "fee_refunds": _("小微企业经费返还（元）"),
    "fee_refund_firms": _("经费返还企业数"),
}


def _yuan(value) -> Decimal:
    return (value or ZERO).quantize(CENT)


def aid_figures(scope: FigureScope) -> dict:
    payments = aid_payments(scope)
    care = care_totals(scope)
    claims = claim_totals(scope)
    benefits = benefit_totals(scope)
    refunds = refund_totals(scope)
    return {
        "hardship_households": households_on_file(scope).count(),
        "aid_paid": payments["total"],
        "aid_paid_by_kind": payments["by_kind"],
        "aid_recipients": payments["recipients"],
        "care_visits": care["visits"],
        "care_cash": care["cash"],
        "care_goods": care["goods"],
        "insured_members": insured_members(scope),
        "claims_paid": claims["yuan"],
        "claims_paid_count": claims["count"],
        "benefit_redemptions": benefits["count"],
        "benefit_discount": benefits["yuan"],
        "fee_refunds": refunds["yuan"],
        "fee_refund_firms": refunds["firms"],
    }


def households_on_file(scope: FigureScope):
    """Files on file on `scope.today`: today by status; as of a past day, filed by then and not
    yet closed (a file with no filing date counts from the start, as it is on file now)."""
    files = HardshipFile.objects.filter(scope.q("union__path"))
    if scope.today >= timezone.localdate():
        return files.on_file()
    day = scope.today
    filed = Q(filed_on__isnull=True) | Q(filed_on__lte=day)
    return files.filter(filed).filter(Q(status__in=ON_FILE) | Q(closed_on__gt=day))


def paid_in_period(scope: FigureScope):
    """Payment rows that are money received within the period (see the module docstring)."""
    day = Coalesce(F("batch__settled_on"), F("booked_on"))
    return (
        Payment.objects.paid()
        .filter(scope.q("application__union__path"))
        .alias(paid_day=day)
        .filter(paid_day__gte=scope.date_from, paid_day__lte=scope.date_to)
    )


def aid_payments(scope: FigureScope) -> dict:
    def query():
        rows = paid_in_period(scope)
        by_kind = dict.fromkeys(ProgrammeKind.objects.values_list("name", flat=True), ZERO)
        for row in rows.values("programme__kind__name").annotate(total=Sum("amount")):
            by_kind[row["programme__kind__name"]] = _yuan(row["total"])
        recipients = (
            rows.values("application__member__id_hash")
            .annotate(total=Sum("amount"))
            .filter(total__gt=0)
            .count()
        )
        return {
            "total": _yuan(sum(by_kind.values(), ZERO)),
            "by_kind": by_kind,
            "recipients": recipients,
        }

    return scope.memo("aid_payments", query)


def care_totals(scope: FigureScope) -> dict:
    totals = (
        CareVisit.objects.visited()
        .filter(scope.q("union__path"), visited_on__gte=scope.date_from)
        .filter(visited_on__lte=scope.date_to)
        .aggregate(visits=Count("pk"), cash=Sum("cash"), goods=Sum("goods_value"))
    )
    return {
        "visits": totals["visits"],
        "cash": _yuan(totals["cash"]),
        "goods": _yuan(totals["goods"]),
    }


def insured_members(scope: FigureScope) -> int:
    return (
        Enrolment.objects.filter(scope.q("union__path"))
        .filter(plan__starts_on__lte=scope.date_to, plan__ends_on__gte=scope.date_from)
        .count()
    )


def claim_totals(scope: FigureScope) -> dict:
    totals = ClaimPayment.objects.filter(
        scope.q("claim__union__path"), paid_on__gte=scope.date_from, paid_on__lte=scope.date_to
    ).aggregate(yuan=Sum("amount"), count=Count("claim", distinct=True))
    return {"yuan": _yuan(totals["yuan"]), "count": totals["count"]}


def benefit_totals(scope: FigureScope) -> dict:
    totals = Redemption.objects.filter(
        scope.q("union__path"), redeemed_on__gte=scope.date_from, redeemed_on__lte=scope.date_to
    ).aggregate(yuan=Sum("discount"), count=Count("pk"))
    return {"yuan": _yuan(totals["yuan"]), "count": totals["count"]}


def refund_totals(scope: FigureScope) -> dict:
    totals = RefundPayment.objects.filter(
        scope.q("refund__union__path"), paid_on__gte=scope.date_from, paid_on__lte=scope.date_to
    ).aggregate(yuan=Sum("amount"), firms=Count("refund__employer", distinct=True))
    return {"yuan": _yuan(totals["yuan"]), "firms": totals["firms"]}


def paid_by_programme(scope: FigureScope) -> list[dict]:
    """Yuan received in the period by programme (the dashboard's table), largest first."""
    rows = (
        paid_in_period(scope)
        .values("programme", "programme__name", "programme__year", "programme__kind__name")
        .annotate(total=Sum("amount"), people=Count("application__member__id_hash", distinct=True))
        .filter(total__gt=0)
        .order_by("-total")
    )
    return [
        {
            "programme_id": row["programme"],
            "name": f"{row['programme__year']}年{row['programme__name']}",
            "kind": row["programme__kind__name"],
            "yuan": _yuan(row["total"]),
            "people": row["people"],
        }
        for row in rows
    ]


def applications_sent_on(scope: FigureScope) -> int:
    """Aid applications sent on to review (提交审核) in the period by the unions in scope (a
    social worker's monthly record quotes it, gonghui.core.work_counts)."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(scope.date_from, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        scope.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return (
        AidApplication.objects.filter(scope.q("union__path"))
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .count()
    )


def care_visit_count(scope: FigureScope) -> int:
    """`care_visits` alone (gonghui.core.work_counts)."""
    return care_totals(scope)["visits"]
