"""`gonghui demo`: fill an empty database with a realistic generated county (registry/demo.py)."""

from django.core.management.base import BaseCommand, CommandError

from gonghui.registry import demo


class Command(BaseCommand):
    help = "生成演示县：竹溪县总工会、乡镇和园区工会、单位、会员，以及每个角色一个用户。"

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=30000, help="在会会员人数（默认 30000）")
        parser.add_argument("--employers", type=int, default=1000, help="单位数（默认 1000）")
        parser.add_argument("--seed", type=int, default=2026, help="随机种子（默认 2026）")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="先删除现有的会员、单位、组织、角色、审计日志和非超级用户",
        )

    def handle(self, *args, members, employers, seed, reset, **options):
        if members < 0:
            raise CommandError("--members 不能为负数")
        if employers < 1:
            raise CommandError("--employers 至少为 1")
        try:
            result = demo.build(members=members, employers=employers, seed=seed, reset=reset)
        except demo.DemoError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(demo.report(result))
