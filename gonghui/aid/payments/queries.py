"""What has been paid: sums of ledger rows (gonghui.aid.models.payments), never stored balances.

Two sums matter and are kept apart:
- committed: every row, batched or not, reversals included. It is what the budget and an
  application's approved amount must carry (a line waiting in a batch is money promised).
- paid: only rows the worker has received (`Payment.objects.paid()`: direct payments, reversals
  and lines of batches the bank has returned).

Lists annotate these with subqueries (one query per page, no query per row).
"""

from decimal import Decimal

import django_filters
from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import BatchStatus
from gonghui.aid.models import AidApplication, Payment, PaymentBatch, Programme
from gonghui.aid.models.common import CENT, MONEY, ZERO
from gonghui.core.filters import SubtreeFilter

MONEY_FIELD = DecimalField(**MONEY)


def _sum(queryset) -> Decimal:
    total = queryset.aggregate(total=Sum("amount"))["total"]
    return (total if total is not None else ZERO).quantize(CENT)


def application_committed(application: AidApplication) -> Decimal:
    """Every row of the application: what its approved amount must carry."""
    return _sum(Payment.objects.filter(application_id=application.pk))


def paid_total(application: AidApplication) -> Decimal:
    """What the worker has received (failed bank transfers are reversed and so excluded)."""
    return _sum(Payment.objects.paid().filter(application_id=application.pk))


def committed(programme: Programme) -> Decimal:
    """Every row of the programme: what its budget must carry."""
    return _sum(Payment.objects.filter(programme_id=programme.pk))


def paid(programme: Programme) -> Decimal:
    return _sum(Payment.objects.paid().filter(programme_id=programme.pk))


def remaining(programme: Programme) -> Decimal:
    """Budget not yet committed."""
    return programme.budget - committed(programme)


def _subtotal(rows, outer: str):
    """A correlated SUM(amount) of `rows` for the outer row, 0 when there is none."""
    summed = (
        rows.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(
        Subquery(summed, output_field=MONEY_FIELD), Value(ZERO), output_field=MONEY_FIELD
    )


def with_payment_totals(applications):
    """Applications with `net_committed`, `net_paid` and `unpaid` (approved − committed)."""
    return applications.annotate(
        net_committed=_subtotal(Payment.objects.all(), "application"),
        net_paid=_subtotal(Payment.objects.paid(), "application"),
    ).annotate(
        unpaid=ExpressionWrapper(
            Coalesce(F("amount_approved"), Value(ZERO)) - F("net_committed"),
            output_field=MONEY_FIELD,
        )
    )


def payable_with_remainder(applications, today=None):
    """Approved, past their notice and not yet fully committed, with the remainder (`unpaid`)."""
    return with_payment_totals(applications.payable(today)).filter(unpaid__gt=0)


def with_programme_totals(programmes):
    """Programmes with `net_committed`, `net_paid` and `budget_left`."""
    return programmes.annotate(
        net_committed=_subtotal(Payment.objects.all(), "programme"),
        net_paid=_subtotal(Payment.objects.paid(), "programme"),
    ).annotate(
        budget_left=ExpressionWrapper(F("budget") - F("net_committed"), output_field=MONEY_FIELD)
    )


def with_batch_totals(batches):
    """Batches with `line_count` (money-out lines), `total` and `failed_total` (reversals)."""
    return batches.annotate(
        line_count=Count("payments", filter=Q(payments__reverses__isnull=True)),
        total=Coalesce(
            Sum("payments__amount", filter=Q(payments__reverses__isnull=True)),
            Value(ZERO),
            output_field=MONEY_FIELD,
        ),
        failed_total=Coalesce(
            Sum("payments__amount", filter=Q(payments__reverses__isnull=False)),
            Value(ZERO),
            output_field=MONEY_FIELD,
        ),
    )


# ---------------------------------------------------------------------------------------------
# Filters of the ledger and batch lists (pages and API alike)
# ---------------------------------------------------------------------------------------------


def visible_programmes(request):
    if request is None:
        return Programme.objects.none()
    return Programme.objects.visible_to(request.user).order_by("-year", "name")


class PaymentFilterSet(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(label=_("救助项目"), queryset=visible_programmes)
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("application__union__path",))
    booked_from = django_filters.DateFilter(
        label=_("记账日期自"), field_name="booked_on", lookup_expr="gte"
    )
    booked_to = django_filters.DateFilter(
        label=_("记账日期至"), field_name="booked_on", lookup_expr="lte"
    )

    class Meta:
        model = Payment
        fields = ["programme", "within", "booked_from", "booked_to"]


class BatchFilterSet(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(label=_("救助项目"), queryset=visible_programmes)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=BatchStatus.choices)

    class Meta:
        model = PaymentBatch
        fields = ["programme", "status"]
