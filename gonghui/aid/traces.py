"""The records behind the aid figures (由数到人), registered with core.figures beside them."""

from django.utils.translation import gettext_lazy as _

from gonghui.aid import figures as fig
from gonghui.aid.models import CareVisit, ClaimPayment, Enrolment, Redemption, RefundPayment
from gonghui.core.figures import TracePart, column, register_derived, register_trace


def _part(title, queryset, columns, total=None) -> TracePart:
    return TracePart(str(title), queryset, tuple(columns), total)


def _period(scope, field):
    return {f"{field}__gte": scope.date_from, f"{field}__lte": scope.date_to}


HARDSHIP = (
    column(_("建档职工"), "member.name"),
    column(_("档案编号"), "file_number"),
    column(_("所在工会"), "union.name"),
    column(_("困难类别"), "level"),
    column(_("建档日期"), "filed_on"),
    column(_("状态"), "status"),
)
PAYMENTS = (
    column(_("救助项目"), "programme.name"),
    column(_("受助职工"), "application.member.name"),
    column(_("所在工会"), "application.union.name"),
    column(_("金额（元）"), "amount"),
    column(_("记账日期"), "booked_on"),
)
VISITS = (
    column(_("慰问对象"), "recipient_name"),
    column(_("所在工会"), "union.name"),
    column(_("走访日期"), "visited_on"),
    column(_("慰问金（元）"), "cash"),
    column(_("慰问物资折价（元）"), "goods_value"),
)
ENROLMENTS = (
    column(_("参保会员"), "member.name"),
    column(_("保障计划"), "plan"),
    column(_("所在工会"), "union.name"),
    column(_("参保日期"), "enrolled_on"),
)
CLAIM_PAYMENTS = (
    column(_("理赔"), "claim"),
    column(_("金额（元）"), "amount"),
    column(_("赔付日期"), "paid_on"),
)
REDEMPTIONS = (
    column(_("会员"), "member.name"),
    column(_("优惠"), "offer"),
    column(_("所在工会"), "union.name"),
    column(_("优惠金额（元）"), "discount"),
    column(_("使用日期"), "redeemed_on"),
)
REFUNDS = (
    column(_("返还"), "refund"),
    column(_("金额（元）"), "amount"),
    column(_("发放日期"), "paid_on"),
)


def _payments(s):
    return fig.paid_in_period(s).select_related(
        "programme", "application__member", "application__union"
    )


def _visits(s):
    return (
        CareVisit.objects.visited()
        .filter(s.q("union__path"), **_period(s, "visited_on"))
        .select_related("union")
    )


def _claims(s):
    queryset = ClaimPayment.objects.filter(s.q("claim__union__path"), **_period(s, "paid_on"))
    return queryset.select_related("claim")


def _redemptions(s):
    queryset = Redemption.objects.filter(s.q("union__path"), **_period(s, "redeemed_on"))
    return queryset.select_related("member", "offer", "union")


def _refunds(s):
    queryset = RefundPayment.objects.filter(s.q("refund__union__path"), **_period(s, "paid_on"))
    return queryset.select_related("refund")


TRACES = {
    "hardship_households": lambda s: _part(
        _("在档困难职工"), fig.households_on_file(s).select_related("member", "union"), HARDSHIP
    ),
    "aid_paid": lambda s: _part(_("帮扶资金发放（含冲正）"), _payments(s), PAYMENTS, "amount"),
    "care_visits": lambda s: _part(_("四送走访慰问"), _visits(s), VISITS),
    "care_cash": lambda s: _part(_("四送走访慰问（慰问金）"), _visits(s), VISITS, "cash"),
    "care_goods": lambda s: _part(
        _("四送走访慰问（物资折价）"), _visits(s), VISITS, "goods_value"
    ),
    "insured_members": lambda s: _part(
        _("医疗互助参保"),
        Enrolment.objects.filter(s.q("union__path"))
        .filter(plan__starts_on__lte=s.date_to, plan__ends_on__gte=s.date_from)
        .select_related("member", "plan", "union"),
        ENROLMENTS,
    ),
    "claims_paid": lambda s: _part(_("互助理赔发放"), _claims(s), CLAIM_PAYMENTS, "amount"),
    "benefit_redemptions": lambda s: _part(_("会员日优惠使用"), _redemptions(s), REDEMPTIONS),
    "benefit_discount": lambda s: _part(
        _("会员日优惠使用（金额）"), _redemptions(s), REDEMPTIONS, "discount"
    ),
    "fee_refunds": lambda s: _part(_("经费返还发放"), _refunds(s), REFUNDS, "amount"),
}


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    # Breakdowns and distinct counts of the lists above: a card of theirs has no list of its own.
    register_derived("aid_paid_by_kind", "aid_recipients", "claims_paid_count", "fee_refund_firms")
