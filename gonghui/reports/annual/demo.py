"""The demo's annual report: this year's snapshot of the county, taken once the demo county is
committed (after every module's demo data), so the annual report page is not empty."""

import datetime
import random

from django.db import transaction

from gonghui.reports.annual.models import AnnualReport


def take(county_pk: int, year: int) -> None:
    from gonghui.core.models import Organisation
    from gonghui.reports.annual import services

    services.take_snapshot(
        actor=None, organisation=Organisation.objects.get(pk=county_pk), year=year
    )


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    county = town1.parent
    # The other modules' demo data come after this one's turn: the snapshot waits for the commit.
    transaction.on_commit(lambda: take(county.pk, today.year))
    return [f"年度报告：{county.name} {today.year} 年度报告（数据快照）"]


def reset() -> None:
    from gonghui.core import private_files

    for report in AnnualReport.objects.all():
        private_files.delete(report.docx_file)
        private_files.delete(report.xlsx_file)
    AnnualReport.objects.all().delete()
