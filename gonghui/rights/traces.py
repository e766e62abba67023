"""The records behind the rights figures (由数到人), registered with core.figures beside them:
the same conditions as gonghui/rights/figures.py, as lists."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import TracePart, column, register_derived, register_trace
from gonghui.rights.choices import CaseKind, CaseStatus, ReceptionKind
from gonghui.rights.figures import bounds
from gonghui.rights.models import Case, Counsel, MonitoringPoint, Outreach, Reception, RiskWarning
from gonghui.rights.models.common import EmployerScopedQuerySet
from gonghui.rights.models.risk import PointQuerySet

CASES = (
    column(_("案件"), str),
    column(_("案件类型"), "kind"),
    column(_("承办工会"), "union.name"),
    column(_("收件时间"), "received_at"),
    column(_("状态"), "status"),
    column(_("追回金额（元）"), "amount_recovered"),
)
RECEPTIONS = (
    column(_("服务点"), "point"),
    column(_("类型"), "kind"),
    column(_("日期"), "date"),
    column(_("人次"), "count"),
)
OUTREACH = (
    column(_("活动"), str),
    column(_("组织"), "organisation.name"),
    column(_("日期"), "date"),
    column(_("发放手册（份）"), "handbooks"),
)
NAMED = (column(_("名称"), str),)


def _part(title, queryset, columns, total=None) -> TracePart:
    return TracePart(str(title), queryset, tuple(columns), total)


def _cases(s):
    return Case.objects.filter(s.q("union__path")).select_related("union")


def _received(s):
    start, end = bounds(s)
    return _cases(s).filter(received_at__gte=start, received_at__lt=end)


def _closed(s):
    start, end = bounds(s)
    return _cases(s).filter(status=CaseStatus.CLOSED, closed_at__gte=start, closed_at__lt=end)


def _receptions(s, kind=None):
    rows = Reception.objects.filter(
        s.q("point__organisation__path"), date__gte=s.date_from, date__lte=s.date_to
    ).select_related("point")
    return rows if kind is None else rows.filter(kind=kind)


def _outreach(s):
    rows = Outreach.objects.filter(
        s.q("organisation__path"), date__gte=s.date_from, date__lte=s.date_to
    )
    return rows.select_related("organisation")


def _warnings(s):
    _start, end = bounds(s)
    return (
        RiskWarning.objects.filter(s.q(*EmployerScopedQuerySet.scope_lookups))
        .filter(opened_at__lt=end)
        .filter(Q(handled_at__isnull=True) | Q(handled_at__gte=end))
    )


TRACES = {
    "cases": lambda s: _part(_("统计期内收件的案件"), _received(s), CASES),
    "cases_closed": lambda s: _part(_("统计期内结案的案件"), _closed(s), CASES),
    "wages_recovered": lambda s: _part(
        _("统计期内结案的欠薪案件"),
        _closed(s).filter(kind=CaseKind.WAGES),
        CASES,
        "amount_recovered",
    ),
    "visits": lambda s: _part(
        _("来访接待"), _receptions(s, ReceptionKind.VISIT), RECEPTIONS, "count"
    ),
    "consultations": lambda s: _part(
        _("法律咨询"), _receptions(s, ReceptionKind.CONSULTATION), RECEPTIONS, "count"
    ),
    "receptions": lambda s: _part(_("服务点接待"), _receptions(s), RECEPTIONS, "count"),
    "outreach_events": lambda s: _part(_("普法宣传活动"), _outreach(s), OUTREACH),
    "handbooks": lambda s: _part(_("普法宣传活动（手册）"), _outreach(s), OUTREACH, "handbooks"),
    "risk_points": lambda s: _part(
        _("启用中的监测点"),
        MonitoringPoint.objects.filter(is_active=True).filter(
            s.q(*PointQuerySet.scope_lookups)
        ),
        NAMED,
    ),
    "warnings_open": lambda s: _part(_("未处置的风险预警"), _warnings(s), NAMED),
    "counsel_active": lambda s: _part(
        _("在册律师与调解员"),
        Counsel.objects.filter(s.q("organisation__path"), is_active=True),
        NAMED,
    ),
}


def _rate(title, s, condition):
    from gonghui.registry.traces import employers
    from gonghui.rights.contracts.queries import unionized_employers

    base = unionized_employers(s)
    return [
        employers(_("分子：%(what)s") % {"what": title}, base.filter(condition)),
        employers(_("分母：已建会单位"), base),
    ]


def _contract(s):
    from gonghui.rights.contracts.queries import effective_coverage

    return Q(Exists(effective_coverage(s.today)))


def _democracy(s, field):
    from gonghui.rights.models import Democracy

    return Q(Exists(Democracy.objects.filter(employer=OuterRef("pk"), **{field: True})))


TRACES.update(
    {
        "contract_rate": lambda s: _rate(_("集体合同生效的已建会单位"), s, _contract(s)),
        "congress_rate": lambda s: _rate(
            _("建立职代会制度的已建会单位"), s, _democracy(s, "congress_established")
        ),
        "open_affairs_rate": lambda s: _rate(
            _("实行厂务公开的已建会单位"), s, _democracy(s, "open_affairs_established")
        ),
    }
)


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    # Breakdowns of `cases` and of `contract_rate` by category.
    register_derived("cases_by_kind", "contract_rate_by_kind")
