"""Importing a 100,000-row members file: generates the xlsx, then times on the configured
database (a) a plain read of the file with python-calamine and (b) the whole import as a user
runs it, `gonghui import members FILE` in a new process (start, read, validate, encrypt, write,
audit), and prints both and their ratio. Target: ≤ 8 on PostgreSQL. With --sqlite the same
file is also imported into a fresh SQLite database and its figures printed.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_import \\
        python bench/import_members.py [--rows 100000] [--sqlite] [--keep] [--stages] [--profile]

--stages (and --profile) run the import in this process instead, timing its stages (and
profiling it with pyinstrument). The database is migrated first. Members go into the
grassroots and joint unions of the first county (the demo's, if `gonghui demo` has run); on
an empty database a small county is created through the services. The imported rows are
deleted afterwards unless --keep is given.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

import xlsxwriter  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from gonghui.core.models import AuditEntry, Organisation, OrgKind  # noqa: E402
from gonghui.core.models.orgs import COVERING_KINDS  # noqa: E402
from gonghui.core.services.orgs import create_organisation  # noqa: E402
from gonghui.core.validators import make_credit_code, make_mobile, make_resident_id  # noqa: E402
from gonghui.registry.choices import EmploymentForm, Ownership  # noqa: E402
from gonghui.registry.demo import GIVEN_FEMALE, GIVEN_MALE, SURNAMES  # noqa: E402
from gonghui.registry.imports import import_file  # noqa: E402
from gonghui.registry.models import Employer, Member  # noqa: E402
from gonghui.registry.services import create_employer  # noqa: E402

HEADERS = ["姓名", "公民身份号码", "手机号码", "所在工会", "工作单位信用代码", "就业形态",
           "是否农民工", "入会日期"]  # fmt: skip
FORMS = [str(label) for label in EmploymentForm.labels]
AREAS = ("110105", "310104", "440305", "510107", "610113")  # not the demo county's: no clashes


def ensure_county() -> tuple[list[Organisation], list[Employer]]:
    county = Organisation.objects.filter(kind=OrgKind.COUNTY_FEDERATION).order_by("pk").first()
    if county is None:
        county = _small_county()
    unions = list(Organisation.objects.subtree(county).filter(kind__in=COVERING_KINDS)[:200])
    employers = list(Employer.objects.filter(union__in=unions).select_related("union")[:500])
    return unions, employers


@transaction.atomic
def _small_county() -> Organisation:
    rng = random.Random(1)
    county = create_organisation(
        actor=None, name="基准县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    for t in range(5):
        town = create_organisation(
            actor=None, name=f"基准{t}镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=county
        )
        for u in range(8):
            union = create_organisation(
                actor=None, name=f"基准{t}镇{u}号企业工会", kind=OrgKind.GRASSROOTS, parent=town
            )
            create_employer(actor=None, credit_code=make_credit_code(rng), name=f"基准{t}-{u}公司",
                            territory=town, union=union, ownership=Ownership.NON_PUBLIC,
                            headcount=rng.randint(5, 500))  # fmt: skip
    return county


def _name(rng: random.Random) -> str:
    surnames, weights = zip(*SURNAMES.items(), strict=True)
    chars = GIVEN_MALE if rng.random() < 0.5 else GIVEN_FEMALE
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.75 else "")
    return rng.choices(surnames, weights)[0] + given


def generate(path: Path, rows: int, unions, employers, seed: int = 2026) -> None:
    rng = random.Random(seed)
    by_union: dict[int, list[Employer]] = {}
    for employer in employers:
        by_union.setdefault(employer.union_id, []).append(employer)
    seen: set[str] = set()
    # Shared strings, as Excel itself writes them (xlsxwriter's constant_memory mode writes
    # inline strings, which python-calamine reads more slowly: a flattering baseline).
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("会员")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADERS)
    first_day = datetime.date(2005, 1, 1).toordinal()
    last_day = datetime.date.today().toordinal() - 1
    for r in range(1, rows + 1):
        number = make_resident_id(rng, area=rng.choice(AREAS))
        while number in seen:
            number = make_resident_id(rng, area=rng.choice(AREAS))
        seen.add(number)
        union = rng.choice(unions)
        staff = by_union.get(union.pk)
        form = FORMS[0] if rng.random() < 0.88 else rng.choice(FORMS[1:])
        sheet.write_string(r, 0, _name(rng))
        sheet.write_string(r, 1, number)
        if rng.random() < 0.8:
            sheet.write_string(r, 2, make_mobile(rng))
        sheet.write_string(r, 3, union.name)
        if staff and form == FORMS[0]:
            sheet.write_string(r, 4, rng.choice(staff).credit_code)
        sheet.write_string(r, 5, form)
        sheet.write_string(r, 6, "是" if rng.random() < 0.3 else "否")
        joined = datetime.date.fromordinal(rng.randint(first_day, last_day))
        sheet.write_datetime(r, 7, datetime.datetime.combine(joined, datetime.time()), date_format)
    workbook.close()


def plain_read(path: Path) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        rows = (
            CalamineWorkbook.from_path(str(path))
            .get_sheet_by_index(0)
            .to_python(skip_empty_area=False)
        )
        runs.append(time.perf_counter() - start)
        assert len(rows) > 1
    return statistics.median(runs) * 1000


def cleanup(member_max: int, audit_max: int) -> None:
    """Delete what the run imported, and vacuum so that the next run starts from the same state
    (a million dead rows slow every later COPY)."""
    with transaction.atomic():
        AuditEntry.objects.filter(pk__gt=audit_max).delete()
        Member.objects.filter(pk__gt=member_max).delete()
    vacuum()


def vacuum() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Member, AuditEntry):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the imported members")
    parser.add_argument("--sqlite", action="store_true", help="measure on SQLite too")
    parser.add_argument("--stages", action="store_true", help="in this process, by stage")
    parser.add_argument("--profile", action="store_true", help="profile the import (pyinstrument)")
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)  # --sqlite's own run
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    vacuum()
    unions, employers = ensure_county()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    print(f"unions: {len(unions)}, employers: {len(employers)}")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / "members.xlsx"
        if not args.file:
            start = time.perf_counter()
            generate(path, args.rows, unions, employers)
            size = path.stat().st_size / 1e6
            took = time.perf_counter() - start
            print(f"generated {args.rows} rows ({size:.1f} MB) in {took:.1f} s")
        result = measure(path, args)
        if result == 0 and args.sqlite and connection.vendor != "sqlite":
            result = on_sqlite(path, args, Path(tmp))
    return result


def measure(path: Path, args) -> int:
    read_ms = plain_read(path)
    member_max = Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    audit_max = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    connection.close()  # the import's process must not wait on this one's connection
    if args.stages or args.profile:
        import_ms, summary = in_process(path, args.profile)
    else:
        import_ms, summary = as_a_user_runs_it(path)
    if import_ms is None:
        return 1
    again_ms, again = as_a_user_runs_it(path)
    print(summary)
    print(f"plain calamine read:  {read_ms:9.0f} ms")
    print(f"full import:          {import_ms:9.0f} ms"
          + ("" if args.stages or args.profile else "  (gonghui import members FILE)"))  # fmt: skip
    print(f"ratio:                {import_ms / read_ms:9.2f}  (target ≤ 8 on PostgreSQL)")
    print(f"re-import, unchanged: {again_ms:9.0f} ms  ({again})")
    if not args.keep:
        cleanup(member_max, audit_max)
    return 0


def as_a_user_runs_it(path: Path) -> tuple[float | None, str]:
    command = [str(Path(sys.executable).with_name("gonghui")), "import", "members", str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode:
        print(done.stdout, done.stderr[:4000])
        return None, ""
    return elapsed, done.stdout.strip()


def in_process(path: Path, profile: bool) -> tuple[float | None, str]:
    profiler = _profiler() if profile else None
    stages = Stages()
    start = time.perf_counter()
    outcome = import_file(template="members", path=path, actor=None, progress=stages)
    import_ms = (time.perf_counter() - start) * 1000
    stages.end()
    if profiler:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
    if not outcome.ok:
        for error in outcome.errors[:20]:
            print(error)
        return None, ""
    print("stages of the import: " + ", ".join(f"{k} {v:.0f} ms" for k, v in stages.times.items()))
    return import_ms, outcome.summary()


def on_sqlite(path: Path, args, tmp: Path) -> int:
    """The same file into a fresh SQLite database, by this script in a new process."""
    print("\n--- SQLite ---")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}"}
    command = [sys.executable, __file__, "--file", str(path), "--rows", str(args.rows)]
    if args.stages:
        command.append("--stages")
    return subprocess.run(command, env=env).returncode


class Stages:
    """A progress callback that times each stage of the import (读取, 校验, 核对, 写入)."""

    def __init__(self):
        self.times: dict[str, float] = {}
        self.stage, self.since = None, time.perf_counter()

    def __call__(self, done: int, total: int, stage: str) -> None:
        if stage != self.stage:
            self.end()
            self.stage = stage

    def end(self) -> None:
        now = time.perf_counter()
        if self.stage:
            self.times[self.stage] = self.times.get(self.stage, 0) + (now - self.since) * 1000
        self.since = now


def _profiler():
    from pyinstrument import Profiler

    profiler = Profiler()
    profiler.start()
    return profiler


if __name__ == "__main__":
    sys.exit(main())
