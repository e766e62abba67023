"""`gonghui import unions|units|members FILE [--dry-run] [--user USERNAME]`.

Exit 0 with a one-line summary; exit 1 with one error per line on stderr, each beginning with
the spreadsheet's row number (第N行), then the column and the reason. Without --user the system
imports (the whole database is in scope); with it, that user's scope and name go in the log.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gonghui.core.models import User
from gonghui.registry.imports import TEMPLATES, Conflict, FileError, import_file


class Command(BaseCommand):
    help = "导入工会组织（unions）、单位（units）或会员（members）表格（xlsx 或 csv）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "template", choices=sorted(TEMPLATES), help="模板：unions、units 或 members"
        )
        parser.add_argument("file", type=Path, help="xlsx 或 csv 文件")
        parser.add_argument("--dry-run", action="store_true", help="只校验，不写入")
        parser.add_argument("--user", help="以该用户的身份和管理范围导入（默认：系统）")

    def handle(self, *args, template, file, dry_run, user, **options):
        if not file.is_file():
            raise CommandError(f"找不到文件：{file}")
        actor = None
        if user:
            try:
                actor = User.objects.get(username=user, is_active=True)
            except User.DoesNotExist:
                raise CommandError(f"没有该用户：{user}") from None
        try:
            outcome = import_file(template=template, path=file, actor=actor, dry_run=dry_run)
        except FileError as exc:
            raise CommandError(str(exc)) from exc
        except Conflict:
            raise CommandError("数据在校验后被其他人修改，未写入任何数据，请重新导入") from None
        if outcome.errors:
            for error in outcome.errors:
                self.stderr.write(str(error))
            sys.exit(1)
        self.stdout.write(outcome.summary())
