"""The figures of the hand-built county (conftest.py), worked out by hand."""

import datetime
import json
from decimal import Decimal

import pytest

from gonghui.core.models import Organisation, OrgKind
from gonghui.core.services.orgs import create_organisation
from gonghui.registry import figures as registry
from gonghui.registry.choices import NEW_EMPLOYMENT_FORMS
from gonghui.reports.figures import PeriodError, compute, make_scope
from gonghui.reports.tests.conftest import TODAY

pytestmark = pytest.mark.django_db

d = datetime.date


def kinds(**counts) -> dict:
    return {kind: counts.get(kind, 0) for kind in OrgKind.values}


def forms(**counts) -> dict:
    return {form: counts.get(form, 0) for form in NEW_EMPLOYMENT_FORMS}


# Town A. Operating employers: a, c, d, e, g (territory A) and h (territory A, union outside):
# 6 (f is deregistered). Covered by an active union: a, c (overdue still covers), h: 3 (d's
# union is dormant). Headcount ≥ 25: a 120, d 30, g 25: 3, of which unionized: a. Headcount of
# the unionized: 120 + 10 + 20 = 150.
# Active members by union in A: member_a, new_first, new_last, before, late, dormant, closed,
# at_g: 8 (left has left; courier's union is outside A). Joined in 2025: new_first (1 Jan), late
# (1 Jun), new_last (31 Dec): 3. New forms: new_last, late: 2. Migrants: new_first, late: 2.
# Employed by a, c or h: member_a, new_first, before (a), late (c), courier (h, whose union is
# not in A but whose employer is): 5 → 5 / 150.
# Organisations in A, active: town A; union_a, union_late; group_a (dormant and dissolved
# left out). Overdue: union_late (union_dormant's term ended too, but it is not active).
# Women among the active: new_first, late (left has left): 2. By new form: new_last courier,
# late delivery rider.
TOWN_A = {
    "employers": 6,
    "employers_unionized": 3,
    "founding_rate": 0.5,
    "founding_rate_25plus": 0.3333,
    "employees_unionized": 150,
    "members": 8,
    "members_new": 3,
    "members_new_form": 2,
    "members_migrant": 2,
    "members_women": 2,
    "members_new_form_by_form": forms(courier=1, delivery_rider=1),
    "membership_rate": 0.0333,  # 0.03333…
    "orgs_by_kind": kinds(town_federation=1, grassroots=2, group=1),
    "unions_term_overdue": 1,
    "applications_pending": 0,
    "applications_overdue": 0,
    "members_joined_online": 0,
    "transfers_in": 0,
    "transfers_out": 0,
}
# Town B: employer_b (40, unionized); member_b (courier, 2023), b_new (2025), both of b: 2 / 40;
# both women.
TOWN_B = {
    "employers": 1,
    "employers_unionized": 1,
    "founding_rate": 1.0,
    "founding_rate_25plus": 1.0,
    "employees_unionized": 40,
    "members": 2,
    "members_new": 1,
    "members_new_form": 1,
    "members_migrant": 0,
    "members_women": 2,
    "members_new_form_by_form": forms(courier=1),
    "membership_rate": 0.05,
    "orgs_by_kind": kinds(town_federation=1, grassroots=1),
    "unions_term_overdue": 0,
    "applications_pending": 0,
    "applications_overdue": 0,
    "members_joined_online": 0,
    "transfers_in": 0,
    "transfers_out": 0,
}
# The county: A and B, plus the industry union and its sf_union (whose employer h lies in A, so
# already counted there), and the courier member: 11 members, 4 of new forms. Unionized 4 of 7
# employers (a, b, c, h); ≥ 25: a, b, d, g, unionized a, b. Headcount 120+40+10+20 = 190;
# employed by them: 5 (as in A) + member_b + b_new = 7. Women: A's 2 and B's 2 (the courier of
# sf_union is a man); couriers: new_last, member_b and the courier.
COUNTY = {
    "employers": 7,
    "employers_unionized": 4,
    "founding_rate": 0.5714,  # 4/7 = 0.571428…
    "founding_rate_25plus": 0.5,
    "employees_unionized": 190,
    "members": 11,
    "members_new": 4,
    "members_new_form": 4,
    "members_migrant": 2,
    "members_women": 4,
    "members_new_form_by_form": forms(courier=3, delivery_rider=1),
    "membership_rate": 0.0368,  # 7/190 = 0.036842…
    "orgs_by_kind": kinds(
        county_federation=1, town_federation=2, industry_union=1, grassroots=4, group=1
    ),
    "unions_term_overdue": 1,
    "applications_pending": 0,
    "applications_overdue": 0,
    "members_joined_online": 0,
    "transfers_in": 0,
    "transfers_out": 0,
}
# The aid module's figures (gonghui/aid/tests test them on data of their own): this county has
# no aid records, so every one is zero, and every seeded programme kind is listed.
SEEDED_KINDS = ["医疗救助", "生活救助", "金秋助学", "求学圆梦", "临时救助", "冬送温暖", "夏送清凉",
                "春送岗位", "疗休养", "专项保险"]  # fmt: skip
NO_YUAN = Decimal("0.00")
NO_AID = {
    "hardship_households": 0,
    "aid_paid": NO_YUAN,
    "aid_paid_by_kind": dict.fromkeys(SEEDED_KINDS, NO_YUAN),
    "aid_recipients": 0,
    "care_visits": 0,
    "care_cash": NO_YUAN,
    "care_goods": NO_YUAN,
    "insured_members": 0,
    "claims_paid": NO_YUAN,
    "claims_paid_count": 0,
    "benefit_redemptions": 0,
    "benefit_discount": NO_YUAN,
    "fee_refunds": NO_YUAN,
    "fee_refund_firms": 0,
}
# The rights module's figures (gonghui/rights/tests/test_figures_rights.py): no cases, service
# points, monitoring points, warnings, contracts or democracy rows here, so all zero; every case
# type and contract kind is listed.
NO_RIGHTS = {
    "cases": 0,
    "cases_closed": 0,
    "cases_by_kind": dict.fromkeys(
        ["拖欠工资", "劳动合同", "工伤", "社会保险", "解除劳动关系", "其他"], 0
    ),
    "wages_recovered": NO_YUAN,
    "visits": 0,
    "consultations": 0,
    "receptions": 0,
    "outreach_events": 0,
    "handbooks": 0,
    "risk_points": 0,
    "warnings_open": 0,
    "contract_rate": 0.0,
    "contract_rate_by_kind": dict.fromkeys(
        ["综合性集体合同", "工资专项集体合同", "劳动安全卫生专项集体合同",
         "女职工权益保护专项集体合同"], 0.0,
    ),  # fmt: skip
    "congress_rate": 0.0,
    "open_affairs_rate": 0.0,
    "counsel_active": 0,
}
# The stations module's figures (gonghui/stations/tests): no stations here; every kind listed;
# no incident answered, so no median.
NO_STATIONS = {
    "stations": 0,
    "stations_by_kind": dict.fromkeys(
        ["工会自建", "共建·银行网点", "共建·商铺", "共建·加油站", "共建·其他单位"], 0
    ),
    "stations_smart": 0,
    "stations_open_24h": 0,
    "station_visits": 0,
    "station_visitors": 0,
    "incidents": 0,
    "incident_response_minutes": None,
    "inspections": 0,
    "fixes_overdue": 0,
}
# The workforce module's figures (gonghui/workforce/tests): no honours or studios here.
LEVELS = {"县级": 0, "市级": 0, "省级": 0, "全国": 0}
NO_WORKFORCE = {
    "honourees": 0,
    "honourees_by_level": LEVELS,
    "honours_awarded": 0,
    "honours_awarded_by_kind": {},
    "studios": 0,
    "studios_by_level": LEVELS,
    "studio_alliances": 0,
    "honourees_due_checkup": 0,
}
# The cadres module's figures (gonghui/cadres/tests/test_figures_cadres.py): no social workers,
# courses or ratings here; every grade is listed, levels only when some union holds one.
NO_CADRES = {
    "social_workers": 0,
    "monthly_records": 0,
    "assessments": dict.fromkeys(["优秀", "称职", "基本称职", "不称职"], 0),
    "cadres_trained": 0,
    "training_hours": Decimal("0.0"),
    "unions_rated": {},
    "model_homes": 0,
}
for expected in (TOWN_A, TOWN_B, COUNTY):
    expected.update(NO_AID)
    expected.update(NO_RIGHTS)
    expected.update(NO_STATIONS)
    expected.update(NO_WORKFORCE)
    expected.update(NO_CADRES)
KEYS = list(COUNTY)


def as_json(expected: dict) -> dict:
    """What the console and the API write: yuan as exact decimal strings."""
    return json.loads(json.dumps(expected, default=str))


def test_county(fig):
    assert compute(today=TODAY) == COUNTY


def test_keys_in_order(fig):
    assert list(compute(today=TODAY)) == KEYS


def test_town_a_by_org(fig):
    assert compute(org=fig.base.town_a, today=TODAY) == TOWN_A


def test_town_b_by_org(fig):
    assert compute(org=fig.base.town_b, today=TODAY) == TOWN_B


def test_scope_follows_the_user(fig, alice, bob, charlie):
    assert compute(user=alice, today=TODAY) == COUNTY
    assert compute(user=bob, today=TODAY) == TOWN_A
    assert compute(user=charlie, today=TODAY) == TOWN_B


def test_user_and_org_intersect(fig, bob):
    union_a = compute(user=bob, org=fig.base.union_a, today=TODAY)
    # union_a: members member_a, new_first, new_last, before, closed, at_g; employers a and f
    # (f deregistered; g has no union and lies in A, not in union_a): a, unionized, 120 staff,
    # 3 of its members (member_a, new_first, before).
    assert union_a["members"] == 6
    assert union_a["employers"] == 1
    assert union_a["membership_rate"] == 0.025  # 3 / 120
    assert union_a["orgs_by_kind"] == kinds(grassroots=1, group=1)


@pytest.mark.parametrize("where", ["county", "town_b", "union_b"])
def test_org_outside_the_users_scope_is_not_found(fig, bob, where):
    with pytest.raises(Organisation.DoesNotExist):
        compute(user=bob, org=getattr(fig.base, where), today=TODAY)


def test_a_user_without_a_registry_role_counts_nothing(fig, county):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    lawyer = make_user("lawyer", Role.LAWYER, county.county)
    values = compute(user=lawyer, today=TODAY)
    assert values["members"] == values["employers"] == 0
    assert values["founding_rate"] == values["membership_rate"] == 0.0
    assert sum(values["orgs_by_kind"].values()) == 0


def test_a_second_county_changes_nothing_for_the_first(fig, alice):
    """With two roots, alice's scope is no longer "everything": the figures go through the
    scoped queries (members of unionized employers employer by employer) and must agree."""
    other = create_organisation(
        actor=None, name="邻县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    create_organisation(actor=None, name="城关镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=other)
    assert make_scope(user=alice, today=TODAY).paths == (fig.base.county.path,)
    assert compute(user=alice, today=TODAY) == COUNTY
    everything = compute(today=TODAY)
    assert everything["orgs_by_kind"]["county_federation"] == 2
    assert everything["membership_rate"] == COUNTY["membership_rate"]


@pytest.mark.parametrize(
    "date_from,date_to,expected",
    [
        (d(2025, 1, 1), d(2025, 12, 31), 3),  # both ends inclusive
        (d(2025, 1, 2), d(2025, 12, 31), 2),  # new_first joined the day before
        (d(2025, 1, 1), d(2025, 12, 30), 2),  # new_last joined the day after
        (d(2025, 6, 1), d(2025, 6, 1), 1),  # one day: late
        (d(2024, 12, 31), d(2024, 12, 31), 1),  # before (left, who joined in 2025, never counts)
        (d(2025, 2, 1), d(2025, 2, 1), 0),  # the day `left` joined: not active, not counted
    ],
)
def test_period_boundaries(fig, date_from, date_to, expected):
    values = compute(org=fig.base.town_a, date_from=date_from, date_to=date_to, today=TODAY)
    assert values["members_new"] == expected
    # Stocks do not depend on the period.
    assert values["members"] == TOWN_A["members"]


def test_default_period_is_the_calendar_year_of_today(fig):
    scope = make_scope(today=d(2024, 7, 15))
    assert (scope.date_from, scope.date_to) == (d(2024, 1, 1), d(2024, 12, 31))
    # In 2024: member_a (1 May) and before (31 Dec) in A; courier (1 Jan) under the county.
    assert compute(today=d(2024, 7, 15))["members_new"] == 3


def test_one_end_of_the_period_takes_the_others_year(fig):
    scope = make_scope(date_from=d(2024, 3, 1), today=TODAY)
    assert (scope.date_from, scope.date_to) == (d(2024, 3, 1), d(2024, 12, 31))
    scope = make_scope(date_to=d(2023, 6, 30), today=TODAY)
    assert (scope.date_from, scope.date_to) == (d(2023, 1, 1), d(2023, 6, 30))


def test_period_must_not_run_backwards(fig):
    with pytest.raises(PeriodError):
        compute(date_from=d(2025, 2, 1), date_to=d(2025, 1, 31), today=TODAY)


def test_overdue_depends_on_today(fig):
    assert compute(today=d(2025, 6, 30))["unions_term_overdue"] == 0  # ends that day: not yet
    assert compute(today=d(2025, 7, 1))["unions_term_overdue"] == 1


def test_zero_denominators_give_zero(fig):
    # The group has no employers and no members: every rate is 0, nothing divides by zero.
    values = compute(org=fig.group_a, today=TODAY)
    assert values["employers"] == values["employees_unionized"] == 0
    assert values["founding_rate"] == values["founding_rate_25plus"] == 0.0
    assert values["membership_rate"] == 0.0
    assert values["orgs_by_kind"] == kinds(group=1)


def test_empty_database(db):
    values = compute(today=TODAY)
    assert list(values) == KEYS
    assert values["members"] == values["employers"] == 0
    assert values["founding_rate"] == 0.0
    assert values["orgs_by_kind"] == kinds()


def test_rates_rounded_to_four_places(fig):
    for key in ("founding_rate", "founding_rate_25plus", "membership_rate"):
        value = compute(today=TODAY)[key]
        assert isinstance(value, float)
        assert round(value, 4) == value


# ---------------------------------------------------------------------------------------------
# The dashboard's breakdowns
# ---------------------------------------------------------------------------------------------


def town_a_scope(fig):
    return make_scope(org=fig.base.town_a, today=TODAY)


def test_founding_drive(fig):
    drive = registry.founding_drive(town_a_scope(fig))
    names = {key: [e.name for e in value["employers"]] for key, value in drive.items()}
    # Without an active union: d (dormant union), e, g. Operating a year or more with a known
    # founding date: d (e was founded in March 2025, g's date is unknown).
    assert drive["operating_1y"]["count"] == 1 and names["operating_1y"] == ["丁厂"]
    # Party branch: d and e, the larger first.
    assert drive["party_branch"]["count"] == 2 and names["party_branch"] == ["丁厂", "戊所"]
    # Non-public (foreign counts) with 25 or more: d (30), g (25, the boundary); e is state-owned.
    assert names["non_public_25"] == ["丁厂", "庚公司"]
    assert drive["non_public_25"]["count"] == 2


def test_founding_drive_list_is_limited(fig):
    drive = registry.founding_drive(town_a_scope(fig), limit=1)
    assert drive["party_branch"]["count"] == 2
    assert len(drive["party_branch"]["employers"]) == 1


def test_overdue_unions(fig):
    assert registry.overdue_unions(make_scope(today=TODAY)) == [fig.union_late]
    assert registry.overdue_unions(make_scope(org=fig.base.town_b, today=TODAY)) == []


def test_founding_by_town(fig):
    scope = make_scope(today=TODAY)
    rows = registry.founding_by_org(scope, [fig.base.town_a, fig.base.town_b, fig.industry])
    assert [(r["employers"], r["unionized"], r["founding_rate"]) for r in rows] == [
        (6, 3, 0.5),  # the same as the town's own figures
        (1, 1, 1.0),
        (1, 1, 1.0),  # h, through its union
    ]


def test_members_by_form(fig):
    assert registry.members_by_form(town_a_scope(fig)) == {
        "standard": 6,
        "courier": 1,
        "delivery_rider": 1,
    }


def test_new_members_by_month(fig):
    months = registry.members_new_by_month(town_a_scope(fig))
    assert [m for m, _ in months] == [d(2025, month, 1) for month in range(1, 13)]
    assert [n for _, n in months] == [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]


def test_new_members_by_month_stop_at_this_month(fig):
    scope = make_scope(org=fig.base.town_a, today=d(2025, 6, 15))
    months = registry.members_new_by_month(scope)
    assert [m.month for m, _ in months] == [1, 2, 3, 4, 5, 6]
    assert [n for _, n in months] == [1, 0, 0, 0, 0, 1]
