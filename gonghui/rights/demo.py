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

from gonghui.core.models import Organisation, OrgKind, User

# Feature packages of gonghui.rights whose demo.py adds to the demo, in order.
PARTS: tuple[str, ...] = ("service",)


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
