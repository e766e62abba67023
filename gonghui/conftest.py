"""Shared fixtures: a small county and the three personas of every permission test.

alice   — administrator of the county federation (sees everything in the county)
bob     — clerk of town A (城关镇): sees town A's subtree only
charlie — clerk of town B (水坪镇): must see nothing of town A
"""

import datetime
from dataclasses import dataclass

import pytest

from gonghui.core.models import Organisation, OrgKind, RoleAssignment, User
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.registry.choices import EmploymentForm, Ownership
from gonghui.registry.models import Employer, Member
from gonghui.registry.services import create_employer, create_member

PASSWORD = "Gonghui-test-2026"


@dataclass
class County:
    county: Organisation
    town_a: Organisation
    town_b: Organisation
    union_a: Organisation
    union_b: Organisation
    employer_a: Employer
    employer_b: Employer
    member_a: Member
    member_b: Member


def make_user(username: str, role: str, org: Organisation, name: str = "") -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, name=name or username)
    RoleAssignment.objects.create(user=user, role=role, organisation=org)
    return user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: cached workbench counts of one test's users (whose
    ids a rolled-back SQLite database reuses) never show in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def county(db) -> County:
    root = create_organisation(
        actor=None, name="测试县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    town_a = create_organisation(
        actor=None, name="城关镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=root
    )
    town_b = create_organisation(
        actor=None, name="水坪镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=root
    )
    union_a = create_organisation(
        actor=None,
        name="甲机械厂工会",
        kind=OrgKind.GRASSROOTS,
        parent=town_a,
        term_ends_on=datetime.date(2030, 1, 1),
    )
    union_b = create_organisation(
        actor=None,
        name="乙茶叶公司工会",
        kind=OrgKind.GRASSROOTS,
        parent=town_b,
        term_ends_on=datetime.date(2030, 1, 1),
    )
    employer_a = create_employer(
        actor=None,
        credit_code="91420324MA4F00001L",
        name="甲机械厂",
        territory=town_a,
        union=union_a,
        ownership=Ownership.NON_PUBLIC,
        headcount=120,
    )
    employer_b = create_employer(
        actor=None,
        credit_code="91420324MA4F00003T",
        name="乙茶叶公司",
        territory=town_b,
        union=union_b,
        ownership=Ownership.NON_PUBLIC,
        headcount=40,
    )
    member_a = create_member(
        actor=None,
        name="张甲明",
        id_number="420324199003071231",
        phone="13812345678",
        union=union_a,
        employer=employer_a,
        joined_on=datetime.date(2024, 5, 1),
    )
    member_b = create_member(
        actor=None,
        name="李乙华",
        id_number="420324198502110026",
        phone="13987654321",
        union=union_b,
        employer=employer_b,
        joined_on=datetime.date(2023, 3, 1),
        employment_form=EmploymentForm.COURIER,
    )
    return County(
        root, town_a, town_b, union_a, union_b, employer_a, employer_b, member_a, member_b
    )


@pytest.fixture
def alice(county) -> User:
    return make_user("alice", Role.ADMIN, county.county, "王爱丽")


@pytest.fixture
def bob(county) -> User:
    return make_user("bob", Role.CLERK, county.town_a, "赵博")


@pytest.fixture
def charlie(county) -> User:
    return make_user("charlie", Role.CLERK, county.town_b, "钱查理")


# The personas of the modules: a grassroots clerk, reviewers at county and town, a lawyer with no
# counsel record (rights' conftest gives lena one), a station keeper.
@pytest.fixture
def dora(county) -> User:
    return make_user("dora", Role.CLERK, county.union_a, "孙朵拉")


@pytest.fixture
def erin(county) -> User:
    return make_user("erin", Role.REVIEWER, county.county, "周艾琳")


@pytest.fixture
def frank(county) -> User:
    return make_user("frank", Role.REVIEWER, county.town_a, "吴弗兰")


@pytest.fixture
def lena(county) -> User:
    return make_user("lena", Role.LAWYER, county.county, "郑律师")


@pytest.fixture
def stan(county) -> User:
    return make_user("stan", Role.STATION_KEEPER, county.county, "冯站长")
