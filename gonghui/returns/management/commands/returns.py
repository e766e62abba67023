"""`gonghui returns seed --year 2026 [--county 竹溪县总工会]`: the year's catalogue of the
statistical returns with the indicators and checks Gonghui ships, for every county federation
(or the one named). A county that has the year's catalogue already is left as it is."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gonghui.core.models import Organisation, OrgKind
from gonghui.returns import services
from gonghui.returns.models import Catalogue


class Command(BaseCommand):
    help = "Statistical returns (统计年报): seed a year's catalogue of indicators."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed", help="seed the year's catalogue")
        seed.add_argument("--year", type=int, required=True)
        seed.add_argument("--county", default="", help="the county federation's name")

    def handle(self, *args, action, year, county, **options):
        counties = Organisation.objects.filter(kind=OrgKind.COUNTY_FEDERATION)
        if county:
            counties = counties.filter(name=county)
            if not counties.exists():
                raise CommandError(f"没有名为“{county}”的县总工会")
        for org in counties.order_by("path"):
            if Catalogue.objects.filter(organisation=org, year=year).exists():
                self.stdout.write(f"{org.name}: {year} 年指标目录已存在")
                continue
            try:
                catalogue = services.seed_catalogue(actor=None, county=org, year=year)
            except ValidationError as exc:
                raise CommandError("；".join(exc.messages)) from exc
            self.stdout.write(
                f"{org.name}: {year} 年指标目录已建立（{catalogue.indicators.count()} 项指标）"
            )
