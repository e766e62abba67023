"""A hand-built county whose figures are worked out by hand in test_figures.py.

Built on the shared `county` fixture (towns A and B, union_a/employer_a/member_a in A,
union_b/employer_b/member_b in B), so the personas alice, bob and charlie apply. Figures are
taken on TODAY (31 Dec 2025); the default period is then the year 2025.

Town A (城关镇):
  organisations  union_a (grassroots, term 2030), union_late (grassroots, term ended 2025-06-30:
                 overdue), union_dormant (dormant, term ended 2020: not counted as overdue),
                 union_gone (dissolved), group_a (group under union_a)
  employers      a  union_a        120  non-public  operating            unionized
                 c  union_late      10  non-public  operating            unionized (overdue union)
                 d  union_dormant   30  non-public  operating, party, founded 2020   not unionized
                 e  —                8  state       operating, party, founded 2025-03-01
                 f  union_a         50  non-public  deregistered         not in the base
                 g  —               25  foreign     operating, founding date unknown
                 h  sf_union        20  non-public  operating            unionized; its union is a
                                                    county industry union's, outside town A
  members        member_a        union_a  a  2024-05-01
                 new_first       union_a  a  2025-01-01  migrant, woman
                 new_last        union_a  —  2025-12-31  courier
                 before          union_a  a  2024-12-31
                 left            union_a  a  2025-02-01  left 2025-05-01, woman
                 late            union_late  c  2025-06-01  delivery rider, migrant, woman
                 dormant         union_dormant  d  2022-01-01
                 closed          union_a  f  2020-01-01
                 at_g            union_a  g  2023-01-01  (an employer without a union)
Town B (水坪镇): employer_b (union_b, 40, unionized); member_b (courier, 2023-03-01, woman),
                 b_new (employer_b, 2025-07-01, woman)
Everyone else is a man (the ID number's gender digit, given to make_resident_id).
County: industry union 快递行业工会联合会 → sf_union (grassroots); courier (sf_union, h, courier,
        2024-01-01)
"""

import datetime
import random
from dataclasses import dataclass

import pytest

from gonghui.core.models import Organisation, OrgKind, OrgStatus
from gonghui.core.services.orgs import create_organisation
from gonghui.core.validators import make_credit_code, make_resident_id
from gonghui.registry.choices import EmploymentForm, MemberStatus, OperatingStatus, Ownership
from gonghui.registry.models import Employer
from gonghui.registry.services import create_employer, create_member

TODAY = datetime.date(2025, 12, 31)


@dataclass
class FiguresCounty:
    base: object  # the shared County
    union_late: Organisation
    union_dormant: Organisation
    union_gone: Organisation
    group_a: Organisation
    industry: Organisation
    sf_union: Organisation
    employers: dict[str, Employer]


class Maker:
    """Valid credit codes and ID numbers, distinct within a test."""

    def __init__(self):
        self.rng = random.Random(20251231)
        self.codes: set[str] = set()

    def code(self) -> str:
        while (code := make_credit_code(self.rng)) in self.codes:
            pass
        self.codes.add(code)
        return code

    def employer(self, name, territory, union, ownership, headcount, **fields) -> Employer:
        return create_employer(
            actor=None,
            credit_code=self.code(),
            name=name,
            territory=territory,
            union=union,
            ownership=ownership,
            headcount=headcount,
            **fields,
        )

    def member(self, name, union, employer, joined_on, gender="M", **fields):
        id_number = make_resident_id(
            self.rng, birth_date=datetime.date(1990, 1, 1), gender=gender
        )
        return create_member(
            actor=None,
            name=name,
            id_number=id_number,
            union=union,
            employer=employer,
            joined_on=joined_on,
            **fields,
        )


def org(name, kind, parent, **fields) -> Organisation:
    return create_organisation(actor=None, name=name, kind=kind, parent=parent, **fields)


@pytest.fixture
def fig(county) -> FiguresCounty:
    make = Maker()
    d = datetime.date
    a = county.town_a
    late = org("丙厂工会", OrgKind.GRASSROOTS, a, term_ends_on=d(2025, 6, 30))
    dormant = org(
        "丁厂工会", OrgKind.GRASSROOTS, a, term_ends_on=d(2020, 1, 1), status=OrgStatus.DORMANT
    )
    gone = org("已撤销工会", OrgKind.GRASSROOTS, a, status=OrgStatus.DISSOLVED)
    group_a = org("甲厂一车间工会小组", OrgKind.GROUP, county.union_a)
    industry = org("快递行业工会联合会", OrgKind.INDUSTRY_UNION, county.county)
    sf_union = org("顺丰网点工会", OrgKind.GRASSROOTS, industry, term_ends_on=d(2030, 1, 1))

    np, state, foreign = Ownership.NON_PUBLIC, Ownership.STATE, Ownership.FOREIGN
    employers = {
        "a": county.employer_a,
        "b": county.employer_b,
        "c": make.employer("丙厂", a, late, np, 10),
        "d": make.employer(
            "丁厂", a, dormant, np, 30, has_party_branch=True, founded_on=d(2020, 1, 1)
        ),
        "e": make.employer(
            "戊所", a, None, state, 8, has_party_branch=True, founded_on=d(2025, 3, 1)
        ),
        "f": make.employer(
            "己厂", a, county.union_a, np, 50, operating_status=OperatingStatus.DEREGISTERED
        ),
        "g": make.employer("庚公司", a, None, foreign, 25),
        "h": make.employer("顺丰网点", a, sf_union, np, 20),
    }
    e = employers
    ua = county.union_a
    make.member("新甲一", ua, e["a"], d(2025, 1, 1), "F", is_migrant_worker=True)
    make.member("新甲二", ua, None, d(2025, 12, 31), employment_form=EmploymentForm.COURIER)
    make.member("老甲三", ua, e["a"], d(2024, 12, 31))
    make.member(
        "退甲四", ua, e["a"], d(2025, 2, 1), "F", status=MemberStatus.LEFT, left_on=d(2025, 5, 1)
    )
    make.member(
        "丙骑手",
        late,
        e["c"],
        d(2025, 6, 1),
        "F",
        employment_form=EmploymentForm.DELIVERY_RIDER,
        is_migrant_worker=True,
    )
    make.member("丁会员", dormant, e["d"], d(2022, 1, 1))
    make.member("己会员", ua, e["f"], d(2020, 1, 1))
    make.member("庚会员", ua, e["g"], d(2023, 1, 1))
    make.member("乙新会员", county.union_b, e["b"], d(2025, 7, 1), "F")
    make.member(
        "顺丰快递员", sf_union, e["h"], d(2024, 1, 1), employment_form=EmploymentForm.COURIER
    )
    return FiguresCounty(county, late, dormant, gone, group_a, industry, sf_union, employers)
