"""The annual report as background jobs (gonghui.core.jobs): computing a county's year and its
towns takes a while, so the page queues it and shows the progress. A job is filed under the
report's organisation, so the owner and the administrators above it see it."""

from django.utils.translation import gettext as _

from gonghui.core import jobs
from gonghui.core.models import Job, Organisation
from gonghui.reports.annual import services
from gonghui.reports.annual.models import AnnualReport

KIND = "annual_report"
TAKE = "gonghui.reports.annual.jobs.run_snapshot"
RENDER = "gonghui.reports.annual.jobs.run_render"


def start(*, actor, organisation: Organisation, year: int) -> Job:
    """Check what can be checked now (year, scope), then queue the snapshot."""
    services.check_year(year)
    services.ensure_may_report(actor, organisation)
    return jobs.submit(
        TAKE, kind=KIND, owner=actor, org_path=organisation.path, org=organisation.pk, year=year
    )


def start_render(*, actor, report: AnnualReport) -> Job:
    services.ensure_may_report(actor, report.organisation)
    return jobs.submit(
        RENDER, kind=KIND, owner=actor, org_path=report.organisation.path, report=report.pk
    )


def _owner(job: Job):
    if job.owner is None or not job.owner.is_active:
        raise jobs.JobError(_("提交人的账号已停用"))
    return job.owner


def run_snapshot(job: Job, *, org: int, year: int) -> dict:
    actor = _owner(job)
    organisation = Organisation.objects.get(pk=org)

    def progress(done: int, total: int, stage: str) -> None:
        jobs.report(job, done, total, stage)

    report = services.take_snapshot(
        actor=actor, organisation=organisation, year=year, progress=progress
    )
    return {"report": report.pk}


def run_render(job: Job, *, report: int) -> dict:
    actor = _owner(job)
    jobs.report(job, 0, 0, _("生成文档"))
    found = AnnualReport.objects.select_related("organisation").get(pk=report)
    services.render_again(actor=actor, report=found)
    return {"report": found.pk}
