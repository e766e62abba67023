"""Hostile spreadsheets refused before they are read: builds, in a temporary folder, a 1 GiB
decompression bomb (one cell's worth of "A" that inflates to 1 GiB), a 100 MiB one, a sheet that
claims a million rows, and a normal 2,000-row members file as the baseline; then times
`core.sheets.readers.read_rows` on each and prints the refusal, the wall time, the peak memory
(Python allocations, tracemalloc) and the ratio of each to the baseline's read.
Target: the 1 GiB bomb refused in under a second with under 200 MB of memory.

    DEBUG=1 python bench/sheet_bombs.py
"""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

import xlsxwriter  # noqa: E402

from gonghui.core.sheets.readers import FileError, read_rows  # noqa: E402

MiB = 1024 * 1024
CHUNK = b"A" * MiB


def bomb(path: Path, inflated_mib: int) -> Path:
    """An xlsx-shaped zip whose one worksheet inflates to `inflated_mib` MiB, written in chunks
    so that building it needs no memory either."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
            for _ in range(inflated_mib):
                sheet.write(CHUNK)
            sheet.write(b"</t></is></c></row></sheetData></worksheet>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def tall(path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write(0, 0, "姓名")
    sheet.write(1_000_000, 0, "最后一行")
    workbook.close()
    return path


def members(path: Path, rows: int = 2000) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("会员")
    for c, header in enumerate(["姓名", "身份证号", "手机号码", "所在工会", "入会日期"]):
        sheet.write(0, c, header)
    for r in range(1, rows + 1):
        row = [f"职工{r}", "1101011990", "13900000000", "甲厂工会", "2024-01-01"]
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()
    return path


def measure(path: Path) -> tuple[str, float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        rows = read_rows(path)
        outcome = f"read {len(rows)} rows"
    except FileError as exc:
        outcome = f"refused: {exc}"
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, elapsed, peak / MiB


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print("building the files …", flush=True)
        files = {
            "baseline (2,000 members)": members(folder / "members.xlsx"),
            "bomb, 100 MiB inflated": bomb(folder / "bomb100.xlsx", 100),
            "bomb, 1 GiB inflated": bomb(folder / "bomb1g.xlsx", 1024),
            "sheet claiming 1,000,001 rows": tall(folder / "tall.xlsx"),
        }
        results = {name: measure(path) for name, path in files.items()}
        _, base_time, base_peak = results["baseline (2,000 members)"]
        print(f"{'file':32} {'size':>9} {'time':>9} {'× base':>7} {'peak MiB':>9} {'× base':>7}")
        for name, (outcome, elapsed, peak) in results.items():
            size = files[name].stat().st_size / 1024
            print(
                f"{name:32} {size:8.0f}K {elapsed:8.3f}s {elapsed / base_time:7.2f} "
                f"{peak:9.1f} {peak / max(base_peak, 0.001):7.2f}"
            )
            print(f"    {outcome[:110]}")
        _, bomb_time, bomb_peak = results["bomb, 1 GiB inflated"]
        ok = bomb_time < 1 and bomb_peak < 200
        print(f"1 GiB bomb: {bomb_time:.3f} s, {bomb_peak:.1f} MiB — {'within' if ok else 'OVER'} "
              "the target (< 1 s, < 200 MB)")  # fmt: skip
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process peak RSS, building the files included: {peak_rss:.0f} MiB")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
