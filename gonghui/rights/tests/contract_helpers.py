"""Builders for the contracts-area tests. Rows are written directly (fixtures, not the features
under test); the services are tested through their own calls."""

import datetime

from gonghui.core.validators import credit_code_check_char
from gonghui.registry.choices import OperatingStatus, Ownership
from gonghui.registry.services import create_employer
from gonghui.rights.choices import ContractKind, ContractScope
from gonghui.rights.models import (
    BargainingRound,
    CollectiveContract,
    ContractEmployer,
    Democracy,
    RoundOffer,
)

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def credit_code(serial: int) -> str:
    body = f"91420324MA4F2{serial:04d}"
    return body + credit_code_check_char(body)


def employer(county, serial: int, *, town="a", union="a", closed=False, name="", **fields):
    """An employer of town A (or B) covered by union_a/union_b, or by none (union=None)."""
    unions = {"a": county.union_a, "b": county.union_b, None: None}
    return create_employer(
        actor=None,
        credit_code=credit_code(serial),
        name=name or f"合同测试企业{serial}号",
        territory=county.town_a if town == "a" else county.town_b,
        union=unions[union],
        ownership=Ownership.NON_PUBLIC,
        headcount=fields.pop("headcount", 30),
        operating_status=OperatingStatus.DEREGISTERED if closed else OperatingStatus.OPERATING,
        **fields,
    )


def contract(county, *employers, org=None, **overrides) -> CollectiveContract:
    """An effective enterprise comprehensive contract of town A (one year each side of today)."""
    fields = {
        "organisation": org or county.town_a,
        "title": "甲机械厂综合性集体合同",
        "scope": ContractScope.ENTERPRISE,
        "kind": ContractKind.COMPREHENSIVE,
        "signed_on": TODAY - 400 * DAY,
        "effective_on": TODAY - 365 * DAY,
        "expires_on": TODAY + 365 * DAY,
        "workers_covered": 100,
    }
    fields.update(overrides)
    made = CollectiveContract.objects.create(**fields)
    ContractEmployer.objects.bulk_create(
        ContractEmployer(contract=made, employer=e) for e in employers
    )
    return made


def bargaining_round(county, org=None, **overrides) -> BargainingRound:
    fields = {
        "organisation": org or county.town_a,
        "name": "城关镇工资集中要约",
        "year": TODAY.year,
        "kind": ContractKind.WAGE,
        "started_on": TODAY - 10 * DAY,
    }
    fields.update(overrides)
    return BargainingRound.objects.create(**fields)


def offer(round_, employer_, **fields) -> RoundOffer:
    return RoundOffer.objects.create(round=round_, employer=employer_, **fields)


def democracy(employer_, **fields) -> Democracy:
    return Democracy.objects.create(employer=employer_, **fields)
