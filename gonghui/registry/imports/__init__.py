"""Importing the county's spreadsheets: 工会组织 (`unions`), 单位 (`units`), 会员 (`members`).

`import_file` reads a file, checks every row (columns.py, validate.py) and, when nothing is
wrong and it is not a dry run, writes it all in one transaction (write.py). A file with any
error writes nothing. The same entry point serves the command line (`gonghui import`) and the
web pages (through a background job, tasks.py). See docs/import.md for the templates.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core.sheets.cells import Template
from gonghui.core.sheets.readers import FileError, read_rows
from gonghui.core.sheets.rows import Errors, Progress, RowError, bind_headers, parse_rows
from gonghui.registry.imports.columns import TEMPLATES
from gonghui.registry.imports.validate import VALIDATORS
from gonghui.registry.imports.write import (
    Conflict,
    WriteFailed,
    prepare_members,
    take_write_lock,
    write_members,
    write_unions,
    write_units,
)

__all__ = ["TEMPLATES", "Conflict", "FileError", "Outcome", "RowError", "import_file"]

WRITERS = {"unions": write_unions, "units": write_units, "members": write_members}


@dataclass
class Outcome:
    template: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        title = TEMPLATES[self.template].title
        counts = {
            "title": title,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.errors:
            return _("%(title)s：发现 %(n)d 处错误，未写入任何数据") % {
                "title": title,
                "n": len(self.errors),
            }
        if self.dry_run:
            return (
                _(
                    "%(title)s校验通过（试运行，未写入）：共 %(rows)d 行，将新增 %(created)d，"
                    "更新 %(updated)d，未变 %(unchanged)d"
                )
                % counts
            )
        return (
            _(
                "%(title)s导入完成：共 %(rows)d 行，新增 %(created)d，更新 %(updated)d，"
                "未变 %(unchanged)d"
            )
            % counts
        )


def import_file(
    *, template: str, path: Path, actor, dry_run: bool = False, progress: Progress | None = None
) -> Outcome:
    """Raises FileError when the file cannot be read at all."""
    spec = TEMPLATES[template]
    if progress:
        progress(0, 0, _("读取"))
    table = read_rows(Path(path), sheet_title=str(spec.title))
    return import_table(spec, table, actor=actor, dry_run=dry_run, progress=progress)


def import_table(
    spec: Template, table: list[list], *, actor, dry_run: bool, progress: Progress | None = None
) -> Outcome:
    errors = Errors(spec)
    bound = bind_headers(spec, table, errors)
    headers_ok = not errors
    rows = parse_rows(table, bound, errors, progress) if bound else []
    outcome = Outcome(template=spec.key, dry_run=dry_run, rows=len(rows))
    if not headers_ok:  # rows cannot be checked against each other without their columns
        outcome.errors = errors.sorted()
        return outcome
    plan = VALIDATORS[spec.key](rows, actor, errors, progress)
    if errors:
        outcome.errors = errors.sorted()
        return outcome
    outcome.created, outcome.updated = len(plan.creates), len(plan.updates)
    outcome.unchanged = plan.unchanged
    if dry_run or not (plan.creates or plan.updates):
        return outcome
    prepared = prepare_members(plan, progress) if spec.key == "members" else plan
    if progress:
        progress(0, 0, _("写入"))
    try:
        with transaction.atomic():
            take_write_lock()
            WRITERS[spec.key](prepared, actor, errors, progress)
    except WriteFailed as exc:
        outcome.errors = exc.errors
        outcome.created = outcome.updated = outcome.unchanged = 0
    return outcome
