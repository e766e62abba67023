"""An import on the web pages as background jobs: the upload is stored and checked; confirming
starts a follow-up job that checks again and writes. The job's result holds what the pages show.

The upload and its error workbook hold personal data in clear, so they are kept encrypted in the
private storage (gonghui.core.private_files: under imports/, named by the job's id, never served
by URL) and only decrypted into a temporary file while a job reads them. The upload goes as soon
as it is written; whatever is left is purged by the schedule (`purge`, gonghui.core.periodic)
once older than settings.GONGHUI_IMPORT_FILE_RETENTION_HOURS: long enough to fix a file and
upload it again."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from gonghui.core import jobs, private_files
from gonghui.core.models import Job
from gonghui.core.roles import REGISTRY_ROLES
from gonghui.core.scoping import scope_root
from gonghui.core.sheets.cells import Template, excerpt
from gonghui.core.sheets.readers import SUFFIXES, read_rows
from gonghui.core.sheets.workbooks import column_positions, error_workbook
from gonghui.registry.imports import TEMPLATES, Conflict, FileError, Outcome, import_table

KIND = "import"
TASK = "gonghui.registry.imports.tasks.run_import"
PREVIEW_ROWS = 50
SHOWN_ERRORS = 1000
SHOWN_CHARS = 60  # of a cell, in the stored preview


FOLDER = "imports"


def retention() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.GONGHUI_IMPORT_FILE_RETENTION_HOURS)


def upload_name(job: Job) -> str:
    """The stored upload's name in the private storage ("" for a job of an older version,
    whose clear file in the data directory is purged, never read)."""
    name = job.params.get("file", "")
    return name if name.startswith(FOLDER + "/") else ""


def errors_name(job: Job) -> str:
    return f"{FOLDER}/{job.pk}-errors.xlsx"


def start(*, actor, template: str, upload) -> Job:
    """Store an uploaded file and queue its check (a dry run)."""
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SUFFIXES:
        raise FileError(_("只能导入 xlsx 或 csv 文件"))
    job = jobs.create(
        TASK,
        kind=KIND,
        owner=actor,
        # Filed under everything the owner may see, not only what they may edit: the job's
        # messages are worded for the owner, so only administrators over all of it may read them.
        org_path=scope_root(actor, REGISTRY_ROLES),
        template=template,
        filename=Path(upload.name).name[:200],
        file="",
        dry_run=True,
    )
    job.params["file"] = private_files.store(f"{FOLDER}/{job.pk}{suffix}", upload)
    job.save(update_fields=["params"])
    return jobs.enqueue(job)


def confirm(*, actor, job: Job) -> Job:
    """Write a checked upload: a follow-up job that checks again (the registry may have changed
    since) and writes only if nothing is wrong."""
    params = {**job.params, "dry_run": False}
    return jobs.submit(TASK, kind=KIND, owner=actor, org_path=job.org_path, parent=job, **params)


def run_import(job: Job, *, template: str, file: str, filename: str, dry_run: bool) -> dict:
    actor = job.owner
    if actor is None or not actor.is_active:
        # Never fall back to the system's scope for a job whose owner is gone.
        raise jobs.JobError(_("提交人的账号已停用"))
    spec = TEMPLATES[template]
    stored = upload_name(job)
    if not private_files.exists(stored):
        raise jobs.JobError(_("上传的文件已被清理，请重新上传"))

    def progress(done: int, total: int, stage: str) -> None:
        jobs.report(job, done, total, stage)

    progress(0, 0, _("读取"))
    try:
        with private_files.decrypted(stored, suffix=Path(stored).suffix) as path:
            table = read_rows(path, sheet_title=str(spec.title))
        outcome = import_table(spec, table, actor=actor, dry_run=dry_run, progress=progress)
    except private_files.DecryptError as exc:
        raise jobs.JobError(_("上传的文件无法读取（已损坏或密钥已更换），请重新上传")) from exc
    except FileError as exc:
        raise jobs.JobError(str(exc)) from exc
    except Conflict as exc:
        raise jobs.JobError(_("数据在校验后被其他人修改，未写入任何数据，请重新导入")) from exc
    if outcome.errors:
        with private_files.sealed_output(errors_name(job), suffix=".xlsx") as path:
            error_workbook(table, outcome.errors, path)
    elif not dry_run:
        private_files.delete(stored)  # written: the personal data need not stay stored
    return result_of(outcome, table, spec)


def purge(older_than: datetime.timedelta | None = None) -> dict:
    """Delete stored uploads and error workbooks older than the retention (the schedule's
    "import_files" job), and any clear file an older version left in the data directory."""
    older_than = retention() if older_than is None else older_than
    removed = private_files.purge(FOLDER, older_than)
    legacy = Path(settings.DATA_DIR) / "imports"
    if legacy.is_dir():
        for path in legacy.iterdir():
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return {"removed": removed}


def result_of(outcome: Outcome, table: list[list], spec: Template) -> dict:
    """What the pages show: counts, the first errors and the first rows (personal data
    masked: the result is stored in the database, which never holds it in clear)."""
    header = [_display(c) for c in table[0]] if table else []
    positions = column_positions(table[0] if table else [])
    masks = {positions[c.header]: c.mask for c in spec.columns if c.mask and c.header in positions}
    # Only cells under a column the template accepted are kept: an unknown, repeated or unnamed
    # column may hold anything (a misnamed ID column), and the result is stored.
    accepted = {positions[c.header] for c in spec.columns if c.header in positions}
    bad_cells: dict[int, set[int]] = {}
    for error in outcome.errors:
        if error.column in positions:
            bad_cells.setdefault(error.row, set()).add(positions[error.column])
    preview = []
    for index, cells in enumerate(table[1:], start=2):
        if len(preview) >= PREVIEW_ROWS:
            break
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        shown = [_display(c) for c in cells] + [""] * (len(header) - len(cells))
        for col, mask in masks.items():
            if col < len(shown) and shown[col]:
                shown[col] = mask(shown[col])
        shown = [cell if col in accepted or not cell else "…" for col, cell in enumerate(shown)]
        preview.append({"row": index, "cells": shown, "bad": sorted(bad_cells.get(index, ()))})
    return {
        "template": outcome.template,
        "dry_run": outcome.dry_run,
        "ok": outcome.ok,
        "summary": outcome.summary(),
        "rows": outcome.rows,
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "error_count": len(outcome.errors),
        "errors": [[e.row, e.column, e.reason] for e in outcome.errors[:SHOWN_ERRORS]],
        "header": header,
        "header_bad": sorted(bad_cells.get(1, ())),
        "preview": preview,
    }


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return excerpt(value, SHOWN_CHARS)  # the result is stored and shown: a cell's first words
