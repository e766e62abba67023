"""The establishment rates (contract_queries) on a hand-built county, worked out by hand.

Town A: employer_a and four more. Unionized (operating, covered by active union_a): employer_a,
two, three, four. Not in the base: five (no union) and six (closed).
- employer_a: effective enterprise comprehensive contract; congress and open affairs
- two: effective enterprise comprehensive contract; congress only
- three: comprehensive contract that expired yesterday; a women's contract effective tomorrow
- four, five, six: an effective regional wage contract covering all three
- five and six: a workers' congress (outside the base: never counted)
Town B: employer_b (unionized, no contract, no democracy row).
"""

import pytest

from gonghui.core.figures import FigureScope, rate
from gonghui.rights.choices import ContractKind, ContractScope
from gonghui.rights.contracts.queries import (
    contract_coverage,
    democracy_counts,
    establishment_rates,
    unionized_employers,
)
from gonghui.rights.tests.contract_helpers import DAY, TODAY, contract, democracy, employer

pytestmark = pytest.mark.django_db


def scope_of(*paths, today=TODAY) -> FigureScope:
    return FigureScope(
        paths=paths or None, date_from=today.replace(month=1, day=1), date_to=today, today=today
    )


@pytest.fixture
def built(county):
    two = employer(county, 2)
    three = employer(county, 3)
    four = employer(county, 4)
    five = employer(county, 5, union=None)
    six = employer(county, 6, closed=True)
    contract(county, county.employer_a)
    contract(county, two, title="二号企业综合合同")
    contract(
        county, three, title="三号企业已到期合同",
        effective_on=TODAY - 3 * 365 * DAY, expires_on=TODAY - DAY,
    )  # fmt: skip
    contract(
        county, three, title="三号企业女职工专项（明日生效）", kind=ContractKind.WOMEN,
        signed_on=TODAY, effective_on=TODAY + DAY,
    )  # fmt: skip
    contract(
        county, four, five, six, title="城关镇区域性工资专项集体合同",
        scope=ContractScope.REGIONAL, kind=ContractKind.WAGE,
    )  # fmt: skip
    democracy(county.employer_a, congress_established=True, open_affairs_established=True)
    democracy(two, congress_established=True)
    democracy(five, congress_established=True, open_affairs_established=True)
    democracy(six, congress_established=True)
    return county


def test_base_is_operating_employers_covered_by_an_active_union(built):
    names = set(unionized_employers(scope_of(built.town_a.path)).values_list("name", flat=True))
    assert names == {"甲机械厂", "合同测试企业2号", "合同测试企业3号", "合同测试企业4号"}


def test_contract_coverage_by_kind_in_town_a(built):
    coverage = contract_coverage(scope_of(built.town_a.path))
    assert coverage == {"any": 3, "comprehensive": 2, "wage": 1, "safety": 0, "women": 0}


def test_contract_coverage_over_the_county_adds_town_b_to_the_base_only(built):
    scope = scope_of()
    assert contract_coverage(scope)["any"] == 3
    assert democracy_counts(scope) == {"congress": 2, "open_affairs": 1, "base": 5}


def test_town_b_has_no_coverage(built):
    scope = scope_of(built.town_b.path)
    assert contract_coverage(scope) == {
        "any": 0, "comprehensive": 0, "wage": 0, "safety": 0, "women": 0,
    }  # fmt: skip
    assert democracy_counts(scope) == {"congress": 0, "open_affairs": 0, "base": 1}


def test_democracy_counts_in_town_a(built):
    assert democracy_counts(scope_of(built.town_a.path)) == {
        "congress": 2, "open_affairs": 1, "base": 4,
    }  # fmt: skip


def test_effective_is_decided_on_scope_today(built):
    # Tomorrow the women's contract of three is effective; yesterday three's comprehensive one was.
    tomorrow = contract_coverage(scope_of(built.town_a.path, today=TODAY + DAY))
    assert tomorrow["women"] == 1 and tomorrow["any"] == 4
    yesterday = contract_coverage(scope_of(built.town_a.path, today=TODAY - DAY))
    assert yesterday["comprehensive"] == 3 and yesterday["women"] == 0


def test_the_rates_panel(built):
    rates = establishment_rates(scope_of(built.town_a.path))
    assert rates["base"] == 4
    assert rates["contract_any"] == {"count": 3, "rate": 0.75}
    by_kind = {row["key"]: (row["count"], row["rate"]) for row in rates["contracts"]}
    assert by_kind == {
        "comprehensive": (2, 0.5), "wage": (1, 0.25), "safety": (0, 0.0), "women": (0, 0.0),
    }  # fmt: skip
    assert rates["congress"] == {"count": 2, "rate": 0.5}
    assert rates["open_affairs"] == {"count": 1, "rate": rate(1, 4)}


def test_one_query_each(built, django_assert_num_queries):
    with django_assert_num_queries(1):
        contract_coverage(scope_of(built.town_a.path))
    with django_assert_num_queries(1):
        democracy_counts(scope_of(built.town_a.path))
