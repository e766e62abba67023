"""Rights demo data for `gonghui demo` (registered in gonghui.rights.registration): a year of the
county's rights work, generated through the services, feature by feature.

Each feature that has demo data keeps it in its own `demo.py` with one function,
`generate(demo: RightsDemo) -> list[str]` (lines for the demo's closing report), listed in PARTS
in the order they build on each other: counsel first (cases are assigned to them, the rota
seats them), then the service points and their year, then cases, risk and contracts. A part
reads what earlier parts left on `demo` (counsel, points) and tolerates its being empty.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from importlib import import_module

from django.utils import timezone

from gonghui.core import sms
from gonghui.core.models import Organisation, OrgKind, User

SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力斌宇浩凯俊峰军波"
    "鹏飞林琳燕雪梅婷海东志国庆春晓丹宁鑫"
)

# Feature packages of gonghui.rights whose demo.py adds to the demo, in order.
PARTS: tuple[str, ...] = ("counsel", "service", "cases", "risk", "contracts")


@dataclass
class RightsDemo:
    rng: random.Random
    today: datetime.date
    county: Organisation  # the county federation
    towns: list[Organisation]  # its town federations, town1 and town2 first
    users: dict[str, User]  # the demo logins by username (admin, clerk, clerk2, lawyer …)
    counsel: list = field(default_factory=list)  # rights.Counsel, set by the counsel part
    points: list = field(default_factory=list)  # rights.ServicePoint, set by the service part

    @property
    def town1(self) -> Organisation:
        return self.towns[0]

    @property
    def town2(self) -> Organisation:
        return self.towns[1]

    def clerk_for(self, organisation: Organisation) -> User:
        """Who does an organisation's work in the demo: the town clerks for their towns, the
        county administrator for the county and every other town."""
        for name, town in (("clerk", self.town1), ("clerk2", self.town2)):
            if organisation.path.startswith(town.path) and name in self.users:
                return self.users[name]
        return self.users["admin"]

    def person(self) -> str:
        """A made-up name (workers, grid members, contacts)."""
        return self.rng.choice(SURNAMES) + "".join(
            self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2)))
        )

    def phone(self) -> str:
        prefix = self.rng.choice(("139", "138", "158", "187", "135"))
        return f"{prefix}{self.rng.randrange(10**8):08d}"

    def at(self, day: datetime.date, hour: int | None = None) -> datetime.datetime:
        """A working-hours moment of `day` in the project's time zone, never later than now
        (just after midnight, today's working hours are still to come)."""
        hour = self.rng.randint(8, 17) if hour is None else hour
        moment = datetime.datetime.combine(day, datetime.time(hour, self.rng.randrange(60)))
        return min(timezone.make_aware(moment), timezone.now())


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    county = town1.parent
    others = Organisation.objects.filter(parent=county, kind=OrgKind.TOWN_FEDERATION).exclude(
        pk__in=[town1.pk, town2.pk]
    )
    demo = RightsDemo(
        rng=rng,
        today=today,
        county=county,
        towns=[town1, town2, *others.order_by("path")],
        users={u.username: u for u in User.objects.all()},
    )
    lines: list[str] = []
    with sms.muted():  # the demo's workers are not texted (a case opened at a desk would be)
        for part in PARTS:
            lines += import_module(f"gonghui.rights.{part}.demo").generate(demo)
    return lines


def reset() -> None:
    """Every rights row, children before parents (the registry's reset follows)."""
    from gonghui.rights import models as m

    for model in (
        m.WarningEscalation, m.RiskWarning, m.EmployerRisk, m.MonthlyReport, m.MonitoringPoint,
        m.RiskRule, m.GridMember, m.GridEmployer, m.Grid, m.RoundOffer, m.BargainingRound,
        m.ContractEmployer, m.CollectiveContract, m.Democracy, m.Reception, m.DutySlot,
        m.Outreach, m.CaseDocument, m.CaseNote, m.CaseEvent, m.Case, m.ServicePoint, m.Counsel,
        m.LawFirm,
    ):  # fmt: skip
        model.objects.all().delete()
