"""Exporting 100,000 members as xlsx: times, on the configured database, (a) a plain xlsxwriter
write (constant memory, as the export writes) of the same rows already in memory and (b) the
export as a county administrator gets it: `?export=xlsx` on the member list, which over
GONGHUI_EXPORT_JOB_ROWS rows is a job (run here in this process, as a worker would), reading
the members, rendering the template's columns, writing and encrypting the file. Prints both and
their ratio. Target: ≤ 3.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_import \\
        python bench/export_members.py [--rows 100000]

The members come from bench/import_members.py's generator, imported through the importer when
the database holds fewer (they are kept for the next run).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_members  # noqa: E402  (sets Django up)
import xlsxwriter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from gonghui.core import exports, private_files  # noqa: E402
from gonghui.core.models import Job, User  # noqa: E402
from gonghui.core.views.generic import EXPORTERS  # noqa: E402
from gonghui.registry.imports import import_file  # noqa: E402
from gonghui.registry.imports.columns import MEMBERS  # noqa: E402
from gonghui.registry.models import Member  # noqa: E402


def ensure_members(rows: int) -> None:
    have = Member.objects.count()
    if have >= rows:
        return
    unions, employers = import_members.ensure_county()
    Member.objects.filter(source="import").delete()  # a smaller earlier run's: made again
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "members.xlsx"
        import_members.generate(path, rows, unions, employers)
        outcome = import_file(template="members", path=path, actor=None)
        assert outcome.ok, outcome.errors[:5]


def administrator() -> User:
    user = User.objects.filter(is_superuser=True, is_active=True).first()
    return user or User.objects.create_superuser("bench-admin", password=None)


def plain_write(rows: list[list]) -> float:
    runs = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            workbook = xlsxwriter.Workbook(str(Path(tmp) / "plain.xlsx"), {"constant_memory": True})
            sheet = workbook.add_worksheet("会员")
            sheet.write_row(0, 0, MEMBERS.headers)
            for index, row in enumerate(rows, start=1):
                sheet.write_row(index, 0, row)
            workbook.close()
            runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def export_as_the_administrator(user: User) -> tuple[float, Job]:
    settings.GONGHUI_JOBS_EAGER = True  # the job runs in this process, as a worker runs it
    client = Client()
    client.force_login(user)
    start = time.perf_counter()
    response = client.get(reverse("registry:member_list"), {"export": "xlsx"},
                          HTTP_HOST="127.0.0.1")  # fmt: skip
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 302, response.status_code
    return elapsed, Job.objects.filter(kind=exports.KIND).latest("pk")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    ensure_members(args.rows)
    user = administrator()
    queryset = Member.objects.visible_to(user).order_by("-pk")
    total = queryset.count()
    print(f"database: {import_members.connection.vendor}, members exported: {total}")
    rows = list(EXPORTERS[Member].rows(queryset, reveal=False))
    plain_ms = plain_write(rows)
    del rows
    runs = []
    for _ in range(3):
        elapsed, job = export_as_the_administrator(user)
        assert job.status == "done", job.error
        runs.append(elapsed)
        private_files.delete(exports.file_name(job))
    export_ms = statistics.median(runs)
    print(f"plain xlsxwriter write: {plain_ms:9.0f} ms")
    print(f"export (job, to file):  {export_ms:9.0f} ms  ({job.result['rows']} rows)")
    print(f"ratio:                  {export_ms / plain_ms:9.2f}  (target ≤ 3)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DEBUG", "1")
    sys.exit(main())
