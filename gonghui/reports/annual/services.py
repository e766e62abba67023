"""The annual report's writes: `take_snapshot` computes the year's figures (this year, last year,
each direct child's) once, stores them and renders the files from what it stored;
`render_again` renders a snapshot's files again from the snapshot alone ("重新生成（使用快照）"),
so the report reads as it did however the data has moved on since. `changes` compares a
snapshot with the figures of today (or with a later snapshot).

Who: administrators, clerks and leaders (REPORT_ROLES) of the organisation or above it; a
town's clerk reports on the town, never the county. Both writes are audited."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit, private_files
from gonghui.core import figures as core_figures
from gonghui.core.models import AuditAction, Organisation, OrgKind
from gonghui.core.models.orgs import SIBLING_ORDER, OrgStatus
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role_at
from gonghui.reports.annual import content, word, xlsx
from gonghui.reports.annual.models import REPORT_ROLES, AnnualReport
from gonghui.reports.figures import compute

FOLDER = "annual_reports"
FIRST_YEAR = 2000


def check_year(year: int, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError(
            {
                "year": _("年度应在 %(first)d 至 %(last)d 之间")
                % {"first": FIRST_YEAR, "last": today.year}
            }
        )


def ensure_may_report(actor, organisation: Organisation) -> None:
    if not holds_role_at(actor, organisation, REPORT_ROLES):
        raise PermissionDenied(OUT_OF_SCOPE)


def year_figures(*, actor, org: Organisation, year: int) -> dict:
    """The year's figures as the report uses them (stocks as of the year's end, or of today in
    the current year): the same compute() as `gonghui stats --from Y-01-01 --to Y-12-31`."""
    last = datetime.date(year, 12, 31)
    return content.normalise(
        compute(
            user=actor,
            org=org,
            date_from=datetime.date(year, 1, 1),
            date_to=last,
            today=min(last, timezone.localdate()),
        )
    )


def children(org: Organisation) -> list[Organisation]:
    # In the tree's order (the administrators' sort number), as every list of the tree shows them.
    return list(org.children.exclude(status=OrgStatus.DISSOLVED).order_by(*SIBLING_ORDER))


def by_town(*, actor, org: Organisation, year: int, progress=None) -> list[dict]:
    towns = children(org)
    rows = []
    for index, town in enumerate(towns, start=1):
        rows.append(
            {
                "id": town.pk,
                "name": town.name,
                "figures": year_figures(actor=actor, org=town, year=year),
            }
        )
        if progress:
            progress(index, len(towns))
    return rows


def report_data(report: AnnualReport) -> dict:
    """What the renderers read: the snapshot's JSON and names, never the live data."""
    org = report.organisation
    return {
        "year": report.year,
        "org_name": report.figures.get("org_name", org.name),
        "is_county": report.figures.get("is_county", org.kind == OrgKind.COUNTY_FEDERATION),
        "taken": timezone.localtime(report.created_at).strftime("%Y-%m-%d %H:%M"),
        "figures": report.figures,
        "by_town": report.by_town,
    }


def _render(report: AnnualReport) -> None:
    data = report_data(report)
    base = f"{FOLDER}/{report.pk}-{report.year}"
    for attr, suffix, renderer in (
        ("docx_file", ".docx", word.render),
        ("xlsx_file", ".xlsx", xlsx.render),
    ):
        old = getattr(report, attr)
        setattr(report, attr, private_files.store_bytes(base + suffix, renderer(data)))
        if old and old != getattr(report, attr):
            private_files.delete(old)
    report.rendered_at = timezone.now()
    report.save(update_fields=["docx_file", "xlsx_file", "rendered_at"])


@transaction.atomic
def take_snapshot(*, actor, organisation: Organisation, year: int, progress=None) -> AnnualReport:
    """Compute and store the year's figures for the organisation's subtree, then render."""
    check_year(year)
    ensure_may_report(actor, organisation)
    if progress:
        progress(0, 0, _("统计本年数据"))
    current = year_figures(actor=actor, org=organisation, year=year)
    if progress:
        progress(0, 0, _("统计上年数据"))
    previous = year_figures(actor=actor, org=organisation, year=year - 1)
    towns = by_town(
        actor=actor,
        org=organisation,
        year=year,
        progress=(lambda d, t: progress(d, t, _("统计各单位数据"))) if progress else None,
    )
    report = AnnualReport.objects.create(
        year=year,
        organisation=organisation,
        figures={
            "current": current,
            "previous": previous,
            # The names as they were: a renamed town keeps its old name in this year's report.
            "org_name": organisation.name,
            "is_county": organisation.kind == OrgKind.COUNTY_FEDERATION,
        },
        by_town=towns,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if progress:
        progress(0, 0, _("生成文档"))
    _render(report)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=report, after=audit.snapshot(report))
    return report


@transaction.atomic
def render_again(*, actor, report: AnnualReport) -> AnnualReport:
    """The snapshot's files rendered again from the snapshot alone."""
    report = (
        AnnualReport.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    )
    ensure_may_report(actor, report.organisation)
    before = report.rendered_at
    _render(report)
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        changes={
            _("重新生成（使用快照）"): [
                before.isoformat() if before else None,
                report.rendered_at.isoformat(),
            ]
        },
    )
    return report


def changes(old: dict, new: dict) -> list[dict]:
    """[{key, label, old, new}] of each figure whose value differs, in the report's order."""
    labels = core_figures.labels()
    rows = []
    for key in dict.fromkeys([*old, *new]):
        if old.get(key) != new.get(key):
            rows.append({
                "key": key,
                "label": str(labels.get(key, key)),
                "old": content.value_text(key, content.restore(old.get(key)), ""),
                "new": content.value_text(key, content.restore(new.get(key)), ""),
            })  # fmt: skip
    return rows


def changes_since(report: AnnualReport, *, actor) -> list[dict]:
    """The snapshot's figures against the same year's figures computed now."""
    now = year_figures(actor=actor, org=report.organisation, year=report.year)
    return changes(report.figures.get("current", {}), now)


def earlier(report: AnnualReport):
    """The snapshot of the same year and organisation taken before this one, if any."""
    return (
        AnnualReport.objects.filter(
            organisation=report.organisation, year=report.year, created_at__lte=report.created_at
        )
        .exclude(pk=report.pk)
        .filter(pk__lt=report.pk)
        .order_by("-pk")
        .first()
    )
