"""`gonghui stats`: the published figures (统计口径) for the whole database or one organisation's
subtree, over a period; `--json` for machines. The same `compute()` as the dashboard and the API.
"""

import datetime
import json
import re
import unicodedata

from django.core.management.base import BaseCommand, CommandError

from gonghui.core.models import Organisation
from gonghui.reports import display
from gonghui.reports.figures import (
    PeriodError,
    compute_years,
    figures_for,
    make_scope,
    years_range,
)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = "统计口径：单位、建会率、会员、入会率、工会组织等数据。默认统计期为当年。"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        parser.add_argument("--org", metavar="NAME", help="只统计该组织（全称）及其下级")
        parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="统计期起")
        parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="统计期止")
        parser.add_argument(
            "--as-of",
            dest="as_of",
            metavar="YYYY-MM-DD",
            help="统计时点：存量按该日统计（默认今天）",
        )
        parser.add_argument(
            "--years", metavar="YYYY-YYYY", help="逐年统计（如 2021-2025）：各年流量、年末存量"
        )

    def handle(self, *args, **options):
        date_from = parse_date(options["date_from"], "--from")
        date_to = parse_date(options["date_to"], "--to")
        as_of = parse_date(options["as_of"], "--as-of")
        org = find_org(options["org"]) if options["org"] is not None else None
        if options["years"] is not None:
            return self.years(options["years"], org, options["json"])
        try:
            scope = make_scope(org=org, date_from=date_from, date_to=date_to, today=as_of)
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        values = figures_for(scope)
        if options["json"]:
            # Yuan are Decimals: written as exact strings ("2000.00"), as the API writes them.
            self.stdout.write(json.dumps(values, ensure_ascii=False, default=str))
            return
        self.stdout.write(
            f"范围：{display.scope_name(org)}　统计期：{scope.date_from} 至 {scope.date_to}"
            f"　统计时点：{scope.today}"
        )
        self.stdout.write(table(display.rows(values)))

    def years(self, text: str, org, as_json: bool) -> None:
        try:
            first, last = years_range(text)
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        rows = compute_years(org=org, first=first, last=last)
        if as_json:
            data = {str(row["year"]): row["values"] for row in rows}
            self.stdout.write(json.dumps(data, ensure_ascii=False, default=str))
            return
        self.stdout.write(f"范围：{display.scope_name(org)}　逐年：{first} 至 {last}（年末存量）")
        columns = [display.rows(row["values"]) for row in rows]
        header = [("", "　".join(str(row["year"]) for row in rows))]
        lines = [
            (label, "　".join(column[i][1] for column in columns))
            for i, (label, _value) in enumerate(columns[0])
        ]
        self.stdout.write(table(header + lines))


def parse_date(value: str | None, option: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} 日期格式应为 YYYY-MM-DD，收到“{value}”") from None


def find_org(name: str) -> Organisation:
    """By exact name; names are unique within a county, so two hits mean two counties."""
    matches = list(Organisation.objects.filter(name=name.strip()).select_related("county"))
    if not matches:
        raise CommandError(f"没有名为“{name}”的工会组织")
    if len(matches) > 1:
        counties = "、".join(sorted(str(o.county or o) for o in matches))
        raise CommandError(f"有多个名为“{name}”的工会组织（分属 {counties}），无法确定")
    return matches[0]


def width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: list[tuple[str, str]]) -> str:
    label_width = max((width(label) for label, _ in rows), default=0)
    return "\n".join(
        f"{label}{' ' * (label_width - width(label))}  {value}" for label, value in rows
    )
