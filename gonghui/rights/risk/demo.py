"""Labour-risk monitoring for `gonghui demo` (a part of gonghui.rights.demo): a grid per town (two
in the first) with its members and employers, monitoring points at the bigger employers, their
monthly reports since each point was set up, and the evaluation, all through the services
(gonghui.rights.risk.grids, reports, warnings, services).

Reports are filed with the moment they were filed (`now=`), month by month in order, so that
each one is judged as it was then: most on time, some late, a few months missing; a handful
report wage arrears, layoffs or safety problems, which open warnings that the town signed for
and handled. Two points have stopped reporting and the latest bad reports are still open
(one signed for); the day's evaluation and escalation run last, as the daily task does.

The county's rules are the defaults as its own rows. The points are set up today with months
behind them, so the missed-report rules stay switched off while their back reports are entered
(else every new point would be flagged for months it had not been set up to report), then on.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from gonghui.registry.models import Employer
from gonghui.rights.choices import GridRole, RuleSource, WarningStatus
from gonghui.rights.models import MonitoringPoint, RiskWarning
from gonghui.rights.risk import grids, reports, services, warnings
from gonghui.rights.risk.queries import add_months, due_date, month_start

GRID_SHARE = 0.2  # of a town's operating employers, the biggest first
POINT_SHARE = 0.25  # of a grid's employers, the biggest first
MONTHS = (4, 8)  # a point has been reporting for this many months (low, high)
LATE_SHARE = 0.1
MISSING_SHARE = 0.04
CLEAN = dict.fromkeys(("wage_arrears", "layoffs", "unrest", "safety", "other"), 0)
TROUBLE = (  # (ratings, remarks) of the bad reports
    ({"wage_arrears": 2}, "企业资金周转困难，{n}名职工上月工资延期发放。"),
    ({"wage_arrears": 3}, "企业停产，拖欠{n}名职工两个月工资，职工情绪较大。"),
    ({"layoffs": 2}, "订单减少，企业计划裁减{n}名一线职工。"),
    ({"safety": 2}, "车间消防通道堆放杂物，已提醒企业整改。"),
    ({"unrest": 1, "wage_arrears": 2}, "{n}名职工因欠薪聚集到企业办公室讨要说法。"),
)
HANDLING = (
    "镇工会会同人社所约谈企业负责人，企业承诺按期支付，已跟踪落实。",
    "已督促企业依法制定裁员方案并听取工会意见，经济补偿已足额支付。",
    "已联合安监站现场检查，隐患已整改。",
)


def generate(demo) -> list[str]:
    admin = demo.users["admin"]
    rules = services.create_default_rules(actor=admin, organisation=demo.county)
    # The points are set up today with months behind them: until their back reports are in,
    # the missed-report rules would flag every one of them, so they wait switched off.
    missed = [r for r in rules if r.source == RuleSource.MISSED_REPORTS]
    for rule in missed:
        services.update_rule(actor=admin, riskrule=rule, is_active=False)
    points = []
    for index, town in enumerate(demo.towns):
        points += _town(demo, town, index)
    n_reports = _reports(demo, points)
    for rule in missed:
        services.update_rule(actor=admin, riskrule=rule, is_active=True)
    now = timezone.now()
    services.evaluate_all(now=now)
    _sign_recent(demo, now)
    warnings.escalate_overdue(now=now)
    open_n = RiskWarning.objects.unhandled().count()
    return [
        f"风险监测：{len(demo.towns)} 个镇（乡）建网格，监测点 {len(points)} 个，"
        f"月报 {n_reports} 份；未处置预警 {open_n} 条。"
    ]


def _town(demo, town, index: int) -> list[MonitoringPoint]:
    rng, clerk = demo.rng, demo.clerk_for(town)
    employers = list(
        Employer.objects.operating()
        .filter(territory__path__startswith=town.path)
        .select_related("territory", "union")
        .order_by("-headcount", "pk")
    )
    if not employers:
        return []
    chosen = employers[: max(3, round(len(employers) * GRID_SHARE))]
    short = town.name.replace("总工会", "")
    halves = [chosen] if index or len(chosen) < 40 else [chosen[::2], chosen[1::2]]
    points = []
    for n, members in enumerate(halves, start=1):
        grid = grids.create_grid(
            actor=clerk, organisation=town, name=f"{short}{'一二'[n - 1]}号网格",
            code=f"WG{index + 1:02d}{n:02d}",
        )  # fmt: skip
        leader = clerk if clerk.username != "admin" else None
        grids.add_member(actor=clerk, grid=grid, name=demo.person(), role=GridRole.LEADER,
                         phone=demo.phone(), user=leader)  # fmt: skip
        for _ in range(rng.randint(2, 3)):
            grids.add_member(actor=clerk, grid=grid, name=demo.person(), role=GridRole.MEMBER,
                             phone=demo.phone())  # fmt: skip
        for employer in members:
            grids.add_employer(actor=clerk, grid=grid, employer=employer)
        for employer in members[: max(2, round(len(members) * POINT_SHARE))]:
            started = add_months(month_start(demo.today), -rng.randint(*MONTHS))
            contact = demo.person()
            point = grids.create_point(
                actor=clerk, grid=grid, employer=employer, contact_name=contact,
                established_on=started + datetime.timedelta(days=rng.randint(0, 20)),
                report_due_day=rng.choice((5, 10, 10, 10, 15)),
            )  # fmt: skip
            grids.add_member(actor=clerk, grid=grid, name=contact, role=GridRole.LIAISON,
                             phone=demo.phone())  # fmt: skip
            points.append(point)
    return points


def _filed_at(demo, month: datetime.date, due_day: int, late: bool) -> datetime.datetime | None:
    """When the report of `month` was filed: before its due day, or some days after it when
    late; None when that moment has not come yet."""
    rng = demo.rng
    due = due_date(month, due_day)
    if late:
        day = due + datetime.timedelta(days=rng.randint(1, 12))
    else:
        day = add_months(month, 1) + datetime.timedelta(days=rng.randint(0, due_day - 1))
    moment = demo.at(day)
    return moment if moment < timezone.now() - datetime.timedelta(hours=1) else None


def _reports(demo, points: list[MonitoringPoint]) -> int:
    """Every point's reports, month by month across all points (each judged as it was filed)."""
    rng = demo.rng
    if not points:
        return 0
    silent = set(rng.sample([p.pk for p in points], min(2, len(points) // 6)))
    troubled = {
        p.pk: rng.choice(TROUBLE) for p in rng.sample(points, max(1, min(8, len(points) // 8)))
    }
    # A troubled point reports its trouble in one month: long ago (handled since) or lately.
    trouble_month = {pk: add_months(month_start(demo.today), -rng.choice((1, 2, 3, 4, 5)))
                     for pk in troubled}  # fmt: skip
    first = min(month_start(p.established_on) for p in points)
    month, filed = first, 0
    while month < month_start(demo.today):
        for point in points:
            if month < month_start(point.established_on):
                continue
            if point.pk in silent and month >= add_months(month_start(demo.today), -3):
                continue  # stopped reporting
            if rng.random() < MISSING_SHARE:
                continue
            moment = _filed_at(demo, month, point.report_due_day, rng.random() < LATE_SHARE)
            if moment is None:
                continue
            fields, remarks = dict(CLEAN), "本月劳动关系总体稳定。"
            amount, workers = "", 0
            if trouble_month.get(point.pk) == month:
                given, text = troubled[point.pk]
                workers = rng.randint(5, 40)
                fields.update(given)
                remarks = text.format(n=workers)
                if given.get("wage_arrears"):
                    amount = Decimal(workers * rng.randrange(3000, 9000, 100))
                else:
                    workers = 0
            elif rng.random() < 0.08:
                fields["other"] = 1
                remarks = "个别职工反映加班费计算有异议，已协调。"
            reports.file_report(
                actor=demo.clerk_for(point.grid.organisation), point=point, month=month,
                arrears_amount=amount, arrears_workers=workers, remarks=remarks, now=moment,
                **fields,
            )  # fmt: skip
            filed += 1
        month = add_months(month, 1)
    _handle_old(demo)
    return filed


def _handle_old(demo) -> None:
    """The warnings the reports opened more than a fortnight ago were handled within a day or
    two, all but one, which was forgotten (and moves up the tree when escalation runs)."""
    cutoff = demo.at(demo.today, 0) - datetime.timedelta(days=14)
    old = list(
        RiskWarning.objects.unhandled()
        .filter(opened_at__lt=cutoff)
        .select_related("responsible")
        .order_by("pk")
    )
    for warning in old[1:]:
        warnings.handle(
            actor=demo.clerk_for(warning.responsible), warning=warning,
            handling=demo.rng.choice(HANDLING),
            now=warning.opened_at + datetime.timedelta(hours=demo.rng.randint(3, 40)),
        )  # fmt: skip


def _sign_recent(demo, now) -> None:
    """One of the open warnings has been signed for: someone is on it."""
    warning = (
        RiskWarning.objects.filter(status=WarningStatus.OPEN)
        .select_related("responsible")
        .order_by("-opened_at")
        .first()
    )
    if warning is not None:
        signed = min(now, warning.opened_at + datetime.timedelta(hours=3))
        warnings.acknowledge(actor=demo.clerk_for(warning.responsible), warning=warning, now=signed)
