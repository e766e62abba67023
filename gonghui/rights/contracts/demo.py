"""Collective contracts and democratic management for `gonghui demo` (a part of
gonghui.rights.demo), through gonghui.rights.contracts.services, bargaining and democracy.

Over the unionized employers (operating, covered by an active union): the biggest have their own
enterprise contract (some with a wage contract too, a few expired, a few expiring within the
quarter); each town's small employers are mostly under its regional contract; the county's
construction and catering employers under industry contracts, the park's under a women
workers' contract. This year's wage bargaining round is under way (offers at every response,
the signed ones with their contract); last year's is closed. Workers' congresses and open
factory affairs are established at most big employers and a share of the small ones, so that
every rate lands between about 30 % and 80 %.
"""

from __future__ import annotations

import datetime

from gonghui.core.models import OrgKind
from gonghui.registry.figures import COVERED
from gonghui.registry.models import Employer
from gonghui.rights.choices import ContractKind, ContractScope, OfferResponse
from gonghui.rights.contracts import bargaining, democracy
from gonghui.rights.contracts import services as contracts
from gonghui.rights.contracts.queries import establishment_rates, scope_for

DAY = datetime.timedelta(days=1)
ENTERPRISE_SHARE = 0.15  # of the unionized employers, the biggest first
REGIONAL_SHARE = 0.55  # of a town's other unionized employers
INDUSTRY = (  # (industry letter, name, kind, share of those employers)
    ("E", "竹溪县建筑业工资专项集体合同", ContractKind.WAGE, 0.7),
    ("H", "竹溪县餐饮行业集体合同", ContractKind.COMPREHENSIVE, 0.6),
)
R = OfferResponse


def generate(demo) -> list[str]:
    employers = list(
        Employer.objects.operating()
        .filter(COVERED)
        .select_related("territory", "union")
        .order_by("-headcount", "pk")
    )
    if not employers:
        return []
    big = employers[: max(1, round(len(employers) * ENTERPRISE_SHARE))]
    small = employers[len(big) :]
    _enterprise(demo, big)
    _regional(demo, small)
    _industry(demo, small)
    _rounds(demo, employers)
    _democracy(demo, employers, len(big))
    rates = establishment_rates(scope_for(demo.users["admin"], demo.today))
    return [
        "集体合同与民主管理：集体合同签订率 {c:.0%}，职代会建制率 {g:.0%}，厂务公开建制率 "
        "{o:.0%}；{y}年工资集中要约行动进行中。".format(
            c=rates["contract_any"]["rate"] or 0,
            g=rates["congress"]["rate"] or 0,
            o=rates["open_affairs"]["rate"] or 0,
            y=demo.today.year,
        )  # fmt: skip
    ]


def _years(start: datetime.date, years: int) -> datetime.date:
    """The last day of a term of `years` from `start`."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - DAY


def _term(demo, *, expiring=False, expired=False, years=3) -> dict:
    """Dates of a contract signed within its term: current, expiring within 90 days, or expired
    (not renewed)."""
    rng, today = demo.rng, demo.today
    if expiring:
        expires = today + rng.randint(10, 85) * DAY
        effective = expires + DAY - (_years(today, years) + DAY - today)
    elif expired:
        expires = today - rng.randint(20, 200) * DAY
        effective = expires + DAY - (_years(today, years) + DAY - today)
    else:
        effective = today - rng.randint(30, 365 * years - 120) * DAY
        expires = _years(effective, years)
    signed = effective - rng.randint(5, 30) * DAY
    filed = signed + rng.randint(3, 20) * DAY
    return {"signed_on": signed, "effective_on": effective, "expires_on": expires,
            "filed_on": filed if filed <= today else None}  # fmt: skip


def _enterprise(demo, big: list[Employer]) -> None:
    rng = demo.rng
    for i, employer in enumerate(big):
        actor = demo.clerk_for(employer.union)
        term = _term(demo, expiring=i % 9 == 4, expired=i % 11 == 7)
        contracts.create_contract(
            actor=actor, organisation=employer.union, employers=[employer],
            title=f"{employer.name}集体合同", scope=ContractScope.ENTERPRISE,
            kind=ContractKind.COMPREHENSIVE, workers_covered=employer.headcount, **term,
        )  # fmt: skip
        if i % 3 == 0:
            contracts.create_contract(
                actor=actor, organisation=employer.union, employers=[employer],
                title=f"{employer.name}工资专项集体合同", scope=ContractScope.ENTERPRISE,
                kind=ContractKind.WAGE, workers_covered=employer.headcount,
                **_term(demo, years=rng.choice((1, 2))),
            )  # fmt: skip
        if i % 4 == 1:
            contracts.create_contract(
                actor=actor, organisation=employer.union, employers=[employer],
                title=f"{employer.name}女职工权益保护专项集体合同", scope=ContractScope.ENTERPRISE,
                kind=ContractKind.WOMEN, workers_covered=employer.headcount // 2, **_term(demo),
            )  # fmt: skip


def _regional(demo, small: list[Employer]) -> None:
    rng = demo.rng
    for i, town in enumerate(demo.towns):
        mine = [e for e in small if e.territory.path.startswith(town.path)]
        covered = [e for e in mine if rng.random() < REGIONAL_SHARE]
        if not covered:
            continue
        short = town.name.replace("总工会", "")
        term = _term(demo, expiring=i == 2)
        contracts.create_contract(
            actor=demo.clerk_for(town), organisation=town, employers=covered,
            title=f"{short}区域性集体合同（{term['effective_on'].year}—"
            f"{term['expires_on'].year}）",
            scope=ContractScope.REGIONAL, kind=ContractKind.COMPREHENSIVE,
            workers_covered=sum(e.headcount for e in covered), **term,
        )  # fmt: skip


def _industry(demo, small: list[Employer]) -> None:
    rng, admin = demo.rng, demo.users["admin"]
    for letter, title, kind, share in INDUSTRY:
        covered = [e for e in small if e.industry == letter and rng.random() < share]
        if covered:
            contracts.create_contract(
                actor=admin, organisation=demo.county, employers=covered, title=title,
                scope=ContractScope.INDUSTRY, kind=kind,
                workers_covered=sum(e.headcount for e in covered), **_term(demo),
            )  # fmt: skip
    park = [e for e in small if e.territory.kind == OrgKind.PARK_UNION]
    if park:
        contracts.create_contract(
            actor=admin, organisation=park[0].territory,
            employers=[e for e in park if rng.random() < 0.5] or park[:1],
            title=f"{park[0].territory.name.replace('工会联合会', '')}女职工权益保护专项集体合同",
            scope=ContractScope.REGIONAL, kind=ContractKind.WOMEN,
            workers_covered=sum(e.headcount for e in park) // 2, **_term(demo),
        )  # fmt: skip


# Responses of this year's offers, in turn (the rest still pending).
THIS_YEAR = (R.SIGNED, R.NEGOTIATING, R.ACCEPTED, R.REFUSED, R.SIGNED, R.NEGOTIATING, R.FAILED)
PATH = {  # the moves an offer made to reach a response (gonghui.rights.contracts.bargaining)
    R.PENDING: (), R.ACCEPTED: (R.ACCEPTED,), R.REFUSED: (R.REFUSED,),
    R.NEGOTIATING: (R.ACCEPTED, R.NEGOTIATING), R.SIGNED: (R.ACCEPTED, R.NEGOTIATING, R.SIGNED),
    R.FAILED: (R.ACCEPTED, R.NEGOTIATING, R.FAILED),
}  # fmt: skip
NOTES = {
    R.ACCEPTED: "企业同意协商，已确定协商代表。",
    R.REFUSED: "企业以经营困难为由暂不同意协商，工会将再次发出要约。",
    R.NEGOTIATING: "已进行第一轮协商，双方就工资增长幅度存在分歧。",
    R.SIGNED: "协商一致，职代会审议通过。",
    R.FAILED: "协商未达成一致，提请上级工会协调。",
}


def _rounds(demo, employers: list[Employer]) -> None:
    """This year's wage bargaining round, under way, and last year's, closed. The offers go to
    middle-sized employers (the biggest have their own wage contracts already)."""
    rng, admin, today = demo.rng, demo.users["admin"], demo.today
    pool = employers[len(employers) // 6 :]
    n = max(6, min(24, len(pool) // 10))
    chosen = rng.sample(pool, min(n, len(pool)))
    last = bargaining.create_round(
        actor=admin, organisation=demo.county, name=f"{today.year - 1}年工资集体协商集中要约行动",
        year=today.year - 1, kind=ContractKind.WAGE, started_on=today - 400 * DAY,
        closed_on=today - 250 * DAY, notes="春季集中要约，覆盖各镇（乡）中小企业。",
    )  # fmt: skip
    _offers(demo, last, chosen[: len(chosen) // 2], [R.SIGNED, R.SIGNED, R.FAILED, R.REFUSED])
    current = bargaining.create_round(
        actor=admin, organisation=demo.county, name=f"{today.year}年工资集体协商集中要约行动",
        year=today.year, kind=ContractKind.WAGE, started_on=today - 75 * DAY,
        notes="工会向企业发出协商要约书，一个月内书面回应。",
    )  # fmt: skip
    _offers(demo, current, chosen[len(chosen) // 2 :], list(THIS_YEAR))


def _offers(demo, round_, employers: list[Employer], responses: list[str]) -> None:
    admin = demo.users["admin"]
    offered = round_.started_on + 7 * DAY
    offers = bargaining.add_offers(actor=admin, round=round_, employers=employers,
                                   offered_on=offered)  # fmt: skip
    for offer, response in zip(offers, responses, strict=False):
        day = offered
        for step in PATH[response]:
            day = min(demo.today, day + demo.rng.randint(5, 20) * DAY)
            contract = None
            if step == R.SIGNED:
                contract = contracts.create_contract(
                    actor=admin, organisation=offer.employer.union, employers=[offer.employer],
                    title=f"{offer.employer.name}工资专项集体合同", scope=ContractScope.ENTERPRISE,
                    kind=ContractKind.WAGE, workers_covered=offer.employer.headcount,
                    signed_on=day, effective_on=day, expires_on=_years(day, 1), filed_on=None,
                )  # fmt: skip
            offer = bargaining.update_offer(
                actor=admin, offer=offer, response=step, responded_on=day,
                outcome_note=NOTES[step], contract=contract,
            )  # fmt: skip


def _democracy(demo, employers: list[Employer], n_big: int) -> None:
    """Workers' congresses and open factory affairs: most of the biggest, some of the rest."""
    rng, today = demo.rng, demo.today
    for rank, employer in enumerate(employers):
        likely = 0.9 if rank < n_big else 0.6 if rank < 3 * n_big else 0.35
        congress = rng.random() < likely
        open_affairs = congress or rng.random() < 0.15
        if not (congress or open_affairs):
            continue
        founded = today - rng.randint(400, 3650) * DAY
        last = today - rng.randint(20, 480) * DAY if congress else None
        democracy.save_democracy(
            actor=demo.clerk_for(employer.union), employer=employer,
            congress_established=congress,
            congress_established_on=founded if congress else None,
            last_congress_on=max(last, founded) if congress else None,
            open_affairs_established=open_affairs,
            open_affairs_established_on=(
                founded + rng.randint(0, 200) * DAY if open_affairs else None
            ),
            star_rating=rng.choice((0, 3, 4, 4, 5)) if congress else 0,
        )  # fmt: skip
