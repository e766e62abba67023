"""The annual report's pages and API in the permission matrix (gonghui/tests/test_url_scoping.py):
a snapshot of town A and a job of bob's (town A). Town B gets 404 for each."""

import datetime

from gonghui.core.models import Job

YEAR = datetime.date.today().year


def town_a_report(county):
    from gonghui.reports.annual import services

    return services.take_snapshot(actor=None, organisation=county.town_a, year=YEAR)


def bob_job(county, bob) -> int:
    return Job.objects.create(
        kind="annual_report", task="gonghui.reports.annual.jobs.run_snapshot", owner=bob,
        org_path=county.town_a.path, params={"org": county.town_a.pk, "year": YEAR},
    ).pk  # fmt: skip


REPORT = lambda c, u: {"pk": town_a_report(c).pk}  # noqa: E731

LIST_URLS = {
    "reports:annual_index": 200,
    "annual-report-list": 200,
}
OBJECT_URLS = {
    "reports:annual_job": ("GET", lambda c, u: {"pk": bob_job(c, u)}),
    "reports:annual_detail": ("GET", REPORT),
    "reports:annual_changes": ("GET", REPORT),
    "reports:annual_regenerate": ("POST", REPORT),
    "reports:annual_download": ("GET", lambda c, u: {"pk": town_a_report(c).pk, "fmt": "docx"}),
    "annual-report-detail": ("GET", REPORT),
}
# POST only, with the organisation in the body: its scoping (town B cannot start town A's
# report, a 400 naming the field) is tested in gonghui/reports/tests/test_annual_pages.py.
PUBLIC_URLS = {"annual-report-generate"}
