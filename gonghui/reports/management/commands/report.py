"""`gonghui report annual --year 2026 [--org NAME] --out FILE.docx|FILE.xlsx`: the annual report
of the whole county (or one organisation's subtree), as gonghui/reports/annual renders it on
the pages. Each run takes a snapshot (stored, as on the pages); `--snapshot ID` renders an
earlier snapshot again instead, whatever the data say now."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gonghui.core.models import Organisation
from gonghui.reports.annual import services, word, xlsx
from gonghui.reports.annual.models import AnnualReport
from gonghui.reports.management.commands.stats import find_org

RENDERERS = {".docx": word.render, ".xlsx": xlsx.render}


class Command(BaseCommand):
    help = "生成报表。annual：年度工作统计报告（Word 或 Excel，按 --out 的扩展名）。"

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        annual = kinds.add_parser("annual", help="年度工作统计报告")
        annual.add_argument("--year", type=int, help="年度（使用 --snapshot 时可省略）")
        annual.add_argument("--org", metavar="NAME", help="组织全称（默认：唯一的县总工会）")
        annual.add_argument("--out", required=True, metavar="FILE", help="输出文件 .docx 或 .xlsx")
        annual.add_argument("--snapshot", type=int, metavar="ID", help="使用已有快照重新生成")

    def handle(self, *args, kind, year, org, out, snapshot, **options):
        path = Path(out)
        renderer = RENDERERS.get(path.suffix.lower())
        if renderer is None:
            raise CommandError(f"--out 的扩展名应为 .docx 或 .xlsx，收到“{path.name}”")
        if snapshot is not None:
            report = AnnualReport.objects.select_related("organisation").filter(pk=snapshot).first()
            if report is None:
                raise CommandError(f"没有编号为 {snapshot} 的年度报告快照")
        else:
            if year is None:
                raise CommandError("请用 --year 指定年度")
            organisation = find_org(org) if org is not None else only_root()
            try:
                report = services.take_snapshot(actor=None, organisation=organisation, year=year)
            except ValidationError as exc:
                raise CommandError("；".join(exc.messages)) from exc
        path.write_bytes(renderer(services.report_data(report)))
        self.stdout.write(
            f"已生成：{path}（{report.organisation.name} {report.year} 年度，快照 {report.pk}）"
        )


def only_root() -> Organisation:
    roots = list(Organisation.objects.filter(parent__isnull=True))
    if len(roots) != 1:
        raise CommandError("数据库中有多个（或没有）顶级工会组织，请用 --org 指定")
    return roots[0]
