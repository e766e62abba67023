"""Labour-risk evaluation (风险研判): reports and open cases become a level per employer, and a
rise opens a warning.

What an employer is judged on (its *signals*):
- the latest monthly report of its monitoring point, if that report is for this month or one of
  the two before it (an older report no longer speaks): each category's rating 0-3
  (wage_arrears, layoffs, unrest, safety, other);
- open_cases: its open rights cases (`Case.objects.open()`);
- missed_reports: months in a row without a report after the due day (only for an employer
  with an active monitoring point; counted from the month the point was set up).

A rule (RiskRule) says "if <source> reaches <threshold>, the employer is at least <level>". The
active rules of every organisation whose subtree holds the employer's territory apply together;
the level is the highest any of them gives (green when none fires), the reasons are the names of
the rules that fired. When no active rule applies to the employer's tree at all, the defaults
below apply (and `rule_defaults` creates them for an organisation to adjust):

    source          threshold  level
    wage_arrears        2      orange       wage_arrears        3      red
    layoffs             2      yellow       layoffs             3      orange
    unrest              1      orange       unrest              2      red
    safety              2      yellow       safety              3      orange
    other               3      yellow
    open_cases          1      yellow       open_cases          3      orange
    open_cases          5      red
    missed_reports      1      yellow       missed_reports      3      orange

When the level rises above the previous one a RiskWarning opens (responsible: the employer's
territory, i.e. its town or park), due for handling within the hours below, after which
`gonghui.rights.risk.warnings.escalate_overdue` moves it up the tree. A county may set its own hours
in settings.GONGHUI_WARNING_HANDLE_HOURS ({level: hours}).

    level   hours to handle
    yellow  72
    orange  48
    red     24

Evaluation is in bulk: a fixed number of queries per batch of employers, whatever its size.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gonghui.core import audit
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit, may_edit_org
from gonghui.registry.models import Employer
from gonghui.rights.choices import RiskLevel, RuleSource, WarningStatus
from gonghui.rights.models import (
    Case,
    EmployerRisk,
    GridEmployer,
    MonitoringPoint,
    MonthlyReport,
    RiskRule,
    RiskWarning,
)
from gonghui.rights.risk.queries import (
    MISSED_CAP,
    add_months,
    consecutive_missed,
    month_start,
)

REPORT_SOURCES = (
    RuleSource.WAGE_ARREARS,
    RuleSource.LAYOFFS,
    RuleSource.UNREST,
    RuleSource.SAFETY,
    RuleSource.OTHER,
)
# A report older than this many months before the current one no longer counts.
REPORT_MONTHS = 2
BATCH = 400  # employers per evaluation batch (keeps every IN (...) list well under the limits)

DEFAULT_HANDLE_HOURS = {RiskLevel.YELLOW: 72, RiskLevel.ORANGE: 48, RiskLevel.RED: 24}


@dataclass(frozen=True)
class RuleSpec:
    """A rule as evaluation reads it (a RiskRule row or one of the defaults)."""

    name: str
    source: str
    threshold: int
    level: int

    # As people read them: 欠薪 ≥ 2 → 橙色, never `wage_arrears` or 2.
    def get_source_display(self) -> str:
        return RuleSource(self.source).label

    def get_level_display(self) -> str:
        return RiskLevel(self.level).label


DEFAULT_RULES = (
    RuleSpec(_("欠薪较重"), RuleSource.WAGE_ARREARS, 2, RiskLevel.ORANGE),
    RuleSpec(_("欠薪严重"), RuleSource.WAGE_ARREARS, 3, RiskLevel.RED),
    RuleSpec(_("裁员较重"), RuleSource.LAYOFFS, 2, RiskLevel.YELLOW),
    RuleSpec(_("裁员严重"), RuleSource.LAYOFFS, 3, RiskLevel.ORANGE),
    RuleSpec(_("出现群体性事件苗头"), RuleSource.UNREST, 1, RiskLevel.ORANGE),
    RuleSpec(_("群体性事件苗头较重"), RuleSource.UNREST, 2, RiskLevel.RED),
    RuleSpec(_("安全生产隐患较重"), RuleSource.SAFETY, 2, RiskLevel.YELLOW),
    RuleSpec(_("安全生产隐患严重"), RuleSource.SAFETY, 3, RiskLevel.ORANGE),
    RuleSpec(_("其他风险严重"), RuleSource.OTHER, 3, RiskLevel.YELLOW),
    RuleSpec(_("有未结维权案件"), RuleSource.OPEN_CASES, 1, RiskLevel.YELLOW),
    RuleSpec(_("未结维权案件达 3 件"), RuleSource.OPEN_CASES, 3, RiskLevel.ORANGE),
    RuleSpec(_("未结维权案件达 5 件"), RuleSource.OPEN_CASES, 5, RiskLevel.RED),
    RuleSpec(_("月报逾期未报"), RuleSource.MISSED_REPORTS, 1, RiskLevel.YELLOW),
    RuleSpec(_("连续 3 个月未报月报"), RuleSource.MISSED_REPORTS, 3, RiskLevel.ORANGE),
)


def handle_hours(level: int) -> int:
    hours = {**DEFAULT_HANDLE_HOURS, **getattr(settings, "GONGHUI_WARNING_HANDLE_HOURS", {})}
    return int(hours.get(level, hours[RiskLevel.YELLOW]))


def handle_by(level: int, now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(hours=handle_hours(level))


# ---------------------------------------------------------------------------------------------
# Judging one employer (pure: no queries)
# ---------------------------------------------------------------------------------------------


def applicable_rules(territory_path: str, rules: list[tuple[str, RuleSpec]]) -> list[RuleSpec]:
    """The active rules of the organisations above (or at) the territory; the defaults if none."""
    found = [spec for org_path, spec in rules if territory_path.startswith(org_path)]
    return found or list(DEFAULT_RULES)


def judge(signals: dict[str, int], rules: Iterable[RuleSpec]) -> tuple[int, list[str]]:
    """The level (the highest any firing rule gives, green if none) and the fired rules' names,
    worst first."""
    fired = [r for r in rules if signals.get(r.source, 0) >= r.threshold]
    fired.sort(key=lambda r: (-r.level, str(r.name)))
    level = max((r.level for r in fired), default=RiskLevel.GREEN)
    return int(level), [str(r.name) for r in fired]


# ---------------------------------------------------------------------------------------------
# Gathering the signals (a fixed number of queries per batch)
# ---------------------------------------------------------------------------------------------


def _latest_reports(ids: list[int], today: datetime.date) -> dict[int, MonthlyReport]:
    since = add_months(month_start(today), -REPORT_MONTHS)
    rows = (
        MonthlyReport.objects.filter(point__employer_id__in=ids, month__gte=since)
        .select_related("point")
        .order_by("month", "pk")
    )
    return {report.point.employer_id: report for report in rows}  # the newest month wins


def _open_cases(ids: list[int]) -> dict[int, int]:
    rows = (
        Case.objects.open()
        .filter(employer_id__in=ids)
        .order_by()
        .values("employer_id")
        .annotate(n=Count("pk"))
    )
    return {row["employer_id"]: row["n"] for row in rows}


def _missed_months(ids: list[int], today: datetime.date) -> dict[int, int]:
    points = list(
        MonitoringPoint.objects.filter(employer_id__in=ids, is_active=True).only(
            "pk", "employer_id", "established_on", "report_due_day"
        )
    )
    if not points:
        return {}
    since = add_months(month_start(today), -(MISSED_CAP + 2))
    months: dict[int, set] = {p.pk: set() for p in points}
    filed = MonthlyReport.objects.filter(point__in=[p.pk for p in points], month__gte=since)
    for point_id, month in filed.values_list("point_id", "month"):
        months[point_id].add(month)
    return {
        p.employer_id: consecutive_missed(
            established_on=p.established_on,
            due_day=p.report_due_day,
            reported=months[p.pk],
            today=today,
        )
        for p in points
    }


def _active_rules() -> list[tuple[str, RuleSpec]]:
    rows = RiskRule.objects.filter(is_active=True).select_related("organisation")
    return [(r.organisation.path, RuleSpec(r.name, r.source, r.threshold, r.level)) for r in rows]


def signals_of(report: MonthlyReport | None, open_cases: int, missed: int) -> dict[str, int]:
    signals = {source: (getattr(report, source) if report else 0) for source in REPORT_SOURCES}
    signals[RuleSource.OPEN_CASES] = open_cases
    signals[RuleSource.MISSED_REPORTS] = missed
    return signals


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------


def evaluate_employers(*, employer_ids, now=None) -> list[RiskWarning]:
    """Re-judge these employers, store their levels and open a warning for each rise; returns
    the warnings opened. Called by the case service when a case opens or ends, by the report
    service after a report, and daily by `gonghui rights_escalate` (evaluate_all)."""
    now = now or timezone.now()
    ids = sorted({int(pk) for pk in employer_ids if pk is not None})
    opened: list[RiskWarning] = []
    for start in range(0, len(ids), BATCH):
        opened.extend(_evaluate_batch(ids[start : start + BATCH], now))
    return opened


@transaction.atomic
def _evaluate_batch(ids: list[int], now: datetime.datetime) -> list[RiskWarning]:
    today = timezone.localdate(now)
    # The employer rows are locked in order, so that two evaluations of the same employer (a
    # report and a case at once) take turns and a rise opens one warning, not two.
    employers = list(
        Employer.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("territory")
        .only("pk", "name", "territory__id", "territory__name", "territory__path")
        .order_by("pk")
    )
    reports = _latest_reports(ids, today)
    cases = _open_cases(ids)
    missed = _missed_months(ids, today)
    rules = _active_rules()
    previous = {row.employer_id: row for row in EmployerRisk.objects.filter(employer_id__in=ids)}

    created, changed, warnings, entries = [], [], [], []
    for employer in employers:
        signals = signals_of(
            reports.get(employer.pk), cases.get(employer.pk, 0), missed.get(employer.pk, 0)
        )
        level, reasons = judge(signals, applicable_rules(employer.territory.path, rules))
        row = previous.get(employer.pk)
        before_level = row.level if row else RiskLevel.GREEN
        if row is None:
            row = EmployerRisk(employer=employer, level=level, reasons=reasons, evaluated_at=now)
            created.append(row)
        else:
            row.employer = employer  # the loaded one, with its territory (audit path, no query)
            before = audit.snapshot(row)
            row.level, row.reasons, row.evaluated_at = level, reasons, now
            changed.append(row)
            entries.append(_entry(AuditAction.UPDATE, row, before, audit.snapshot(row)))
        if level > before_level:
            warnings.append(_warning(employer, level, before_level, reasons, now))

    EmployerRisk.objects.bulk_create(created)
    EmployerRisk.objects.bulk_update(changed, ["level", "reasons", "evaluated_at"])
    RiskWarning.objects.bulk_create(warnings)
    entries += [_entry(AuditAction.CREATE, row, {}, audit.snapshot(row)) for row in created]
    entries += [_entry(AuditAction.CREATE, w, {}, audit.snapshot(w)) for w in warnings]
    AuditEntry.objects.bulk_create([e for e in entries if e is not None])
    return warnings


def _warning(employer, level: int, previous: int, reasons, now) -> RiskWarning:
    return RiskWarning(
        employer=employer,
        level=level,
        previous_level=previous,
        reasons=reasons,
        status=WarningStatus.OPEN,
        responsible=employer.territory,
        opened_at=now,
        due_at=handle_by(level, now),
    )


def _entry(action: str, obj, before: dict, after: dict) -> AuditEntry | None:
    """An audit row of the system's own judgement (no actor), for one bulk insert; None when an
    update changed nothing worth saying."""
    changes = audit.diff(before, after)
    if action == AuditAction.UPDATE and not changes:
        return None
    return AuditEntry(
        actor=None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        org_path=obj.audit_org_path,
        changes=changes,
    )


def evaluate_all(now=None) -> list[RiskWarning]:
    """Every employer that is monitored (a point, a grid), has an open case, or still stands
    above green (so that it can come down): the daily run."""
    ids = set(MonitoringPoint.objects.values_list("employer_id", flat=True))
    ids |= set(GridEmployer.objects.values_list("employer_id", flat=True))
    ids |= set(
        Case.objects.open().filter(employer__isnull=False).values_list("employer_id", flat=True)
    )
    ids |= set(
        EmployerRisk.objects.filter(level__gt=RiskLevel.GREEN).values_list("employer_id", flat=True)
    )
    return evaluate_employers(employer_ids=ids, now=now)


# ---------------------------------------------------------------------------------------------
# Rules (the only code that writes them)
# ---------------------------------------------------------------------------------------------

RULE_FIELDS = ("organisation", "name", "source", "threshold", "level", "is_active")
MAX_THRESHOLD = {source: 3 for source in REPORT_SOURCES}  # a report rating is 0-3


def _check_rule(actor, fields: dict) -> dict:
    errors: dict = {}
    organisation = fields.get("organisation")
    if organisation is None:
        errors["organisation"] = gettext("请选择规则所属工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    name = (fields.get("name") or "").strip()
    if not name:
        errors["name"] = gettext("请填写规则名称")
    elif len(name) > 100:
        errors["name"] = gettext("规则名称不能超过 100 个字")
    source = fields.get("source")
    if source not in RuleSource.values:
        errors["source"] = gettext("请选择研判依据")
    threshold = _int(fields.get("threshold"))
    limit = MAX_THRESHOLD.get(source)
    if threshold is None or threshold < 1:
        errors["threshold"] = gettext("阈值须为不小于 1 的整数")
    elif limit is not None and threshold > limit:
        errors["threshold"] = gettext("月报评级最高为 3（严重），“%(source)s”的阈值不能超过 3") % {
            "source": RuleSource(source).label
        }
    level = _int(fields.get("level"))
    if level not in (RiskLevel.YELLOW, RiskLevel.ORANGE, RiskLevel.RED):
        errors["level"] = gettext("风险等级须为黄色、橙色或红色")
    fields.update(name=name, threshold=threshold, level=level)
    return errors


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@transaction.atomic
def create_rule(*, actor, organisation, name, source, threshold, level, is_active=True):
    fields = {"organisation": organisation, "name": name, "source": source,
              "threshold": threshold, "level": level}  # fmt: skip
    errors = _check_rule(actor, fields)
    if errors:
        raise ValidationError(errors)
    rule = RiskRule.objects.create(**fields, is_active=bool(is_active))
    audit.record(actor=actor, action=AuditAction.CREATE, obj=rule, after=audit.snapshot(rule))
    return rule


@transaction.atomic
def update_rule(*, actor, riskrule: RiskRule, **fields) -> RiskRule:
    """Change a rule (it takes effect at the next evaluation). Its organisation stays."""
    rule = lock_for_edit(riskrule, actor=actor)
    if fields.get("organisation", rule.organisation) != rule.organisation:
        raise ValidationError({"organisation": gettext("规则的所属工会不能更改")})
    merged = {k: fields.get(k, getattr(rule, k)) for k in RULE_FIELDS}
    errors = _check_rule(actor, merged)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(rule)
    for name in ("name", "source", "threshold", "level"):
        setattr(rule, name, merged[name])
    rule.is_active = bool(merged["is_active"])
    audit.saved(rule, actor=actor, before=before)
    return rule


@transaction.atomic
def delete_rule(*, actor, rule: RiskRule) -> None:
    rule = RiskRule.objects.select_related("organisation").get(pk=rule.pk)
    ensure_may_edit_org(actor, rule.organisation)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=rule, before=audit.snapshot(rule))
    rule.delete()


@transaction.atomic
def create_default_rules(*, actor, organisation) -> list[RiskRule]:
    """The default rule set as the organisation's own rules, to adjust; refused when it already
    has rules (active or not)."""
    if organisation is None or not may_edit_org(actor, organisation):
        raise PermissionDenied(OUT_OF_SCOPE)
    if RiskRule.objects.filter(organisation=organisation).exists():
        raise ValidationError(
            gettext("%(org)s已有研判规则，未重复创建默认规则") % {"org": organisation.name}
        )
    rules = [
        RiskRule.objects.create(
            organisation=organisation,
            name=str(spec.name),
            source=spec.source,
            threshold=spec.threshold,
            level=spec.level,
        )
        for spec in DEFAULT_RULES
    ]
    for rule in rules:
        audit.record(actor=actor, action=AuditAction.CREATE, obj=rule, after=audit.snapshot(rule))
    return rules
