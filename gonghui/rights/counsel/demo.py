"""Demo data of counsel (律师与调解员), through gonghui.rights.counsel.services: the county's
law firms under contract, five retained lawyers whose patches (分片包干) cover every town and
the main industries, two mediators and a union legal officer, each with a login. The first
lawyer is the demo's own lawyer account (`lawyer`, 周文博); the others sign in as lawyer2 …
(their initial passwords are in the demo's closing report). Sets `demo.counsel`."""

from __future__ import annotations

import datetime

from gonghui.core.validators import make_mobile
from gonghui.registry.demo import _password  # the registry demo's readable passwords
from gonghui.rights.choices import CounselKind
from gonghui.rights.counsel import services

# (name, licence number, contact, years of contract so far, years still to run)
FIRMS = (
    ("湖北明理律师事务所", "14203201010123456", "杨建平", 2, 1),
    ("竹溪正言律师事务所", "14203201010234567", "李秋菊", 1, 2),
    ("十堰汉江律师事务所", "14203201010345678", "胡文涛", 3, 0),
    ("竹溪公信律师事务所", "14203201010456789", "邓晓梅", 0, 1),
)
# (name, kind, firm index or None, industries)
COUNSEL = (
    ("周文博", CounselKind.LAWYER, 0, "C"),
    ("杨志远", CounselKind.LAWYER, 0, "G"),
    ("罗雪晴", CounselKind.LAWYER, 1, "E"),
    ("何建军", CounselKind.LAWYER, 2, "FH"),
    ("宋佳怡", CounselKind.LAWYER, 3, "O"),
    ("韩德明", CounselKind.MEDIATOR, None, ""),
    ("曹丽华", CounselKind.MEDIATOR, None, ""),
    ("冯国强", CounselKind.OFFICER, None, ""),
)
RETAINED = 5  # the first five are the county's retained lawyers, towns dealt out among them


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def generate(demo) -> list[str]:
    actor = demo.users.get("admin")
    if actor is None:
        return []
    county, rng = demo.county, demo.rng
    firms = []
    for name, licence, contact, ran, left in FIRMS:
        firms.append(
            services.create_firm(
                actor=actor,
                organisation=county,
                name=name,
                licence_no=licence,
                contact=contact,
                phone=f"0719-{rng.randint(2_000_000, 8_999_999)}",
                contract_starts_on=_add_years(demo.today, -ran).replace(month=1, day=1),
                contract_ends_on=_add_years(demo.today, left).replace(month=12, day=31),
            )  # fmt: skip
        )
    patches = [[] for _ in range(RETAINED)]
    for i, town in enumerate(demo.towns):
        patches[i % RETAINED].append(town)
    counsel, logins = [], []
    for i, (name, kind, firm, industries) in enumerate(COUNSEL):
        account = {}
        if i == 0 and "lawyer" in demo.users:
            account["user"] = demo.users["lawyer"]
        else:
            account["username"] = f"lawyer{i + 1}"
            account["password"] = _password()
            logins.append(f"{account['username']}（{name}） {account['password']}")
        counsel.append(
            services.create_counsel(
                actor=actor,
                organisation=county,
                name=name,
                kind=kind,
                firm=firms[firm] if firm is not None else None,
                licence_no=f"1420320{rng.randint(10**9, 10**10 - 1)}" if firm is not None else "",
                phone=make_mobile(rng),
                towns=patches[i] if i < RETAINED else [],
                industries=industries,
                **account,
            )  # fmt: skip
        )
    demo.counsel = counsel
    covered = sum(len(p) for p in patches)
    return [
        f"律师与调解员：合作律所 {len(firms)} 家，律师 {RETAINED} 名（分片包干 {covered} 个镇街），"
        f"调解员与法律工作者 {len(counsel) - RETAINED} 名",
        "律师账号（初始密码）：" + "；".join(logins),
    ]
