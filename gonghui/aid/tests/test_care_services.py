"""Care campaigns (四送): the services' rules, the bulk listing of filed households and the
totals the reports quote."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.aid.care import queries as care_queries
from gonghui.aid.care import services as care
from gonghui.aid.models import CareCampaign, CareVisit, HardshipFile
from gonghui.core.models import AuditEntry
from gonghui.core.validators import resident_id_check_char
from gonghui.registry.services import create_member

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def id_number(serial: int) -> str:
    body = f"42032419900307{serial:03d}"
    return body + resident_id_check_char(body)


def add_member(county, serial: int, union=None, name=None):
    return create_member(
        actor=None,
        name=name or f"会员{serial}",
        id_number=id_number(serial),
        phone="",
        union=union or county.union_a,
        employer=None,
        joined_on=datetime.date(2024, 1, 1),
    )


def file_for(member, status="filed") -> HardshipFile:
    return HardshipFile.objects.create(
        member=member, union=member.union, causes="illness", household_size=3,
        monthly_income=Decimal("1500.00"), local_line=Decimal("800.00"), status=status,
        filed_on=TODAY,
    )  # fmt: skip


def entries(obj, action: str):
    """The audit entries of `obj` (by its model, not only its pk) with `action`."""
    return AuditEntry.objects.for_object(obj).filter(action=action)


def campaign_fields(county, **overrides) -> dict:
    fields = {
        "organisation": county.county,
        "season": "winter",
        "name": "冬送温暖",
        "year": TODAY.year,
        "starts_on": TODAY - datetime.timedelta(days=20),
        "ends_on": TODAY + datetime.timedelta(days=20),
        "budget": Decimal("50000.00"),
    }
    fields.update(overrides)
    return fields


def make_campaign(county, **overrides) -> CareCampaign:
    return care.create_campaign(actor=None, **campaign_fields(county, **overrides))


def visit_fields(**overrides) -> dict:
    fields = {
        "visited_on": TODAY,
        "visitors": "王主席、李干事",
        "cash": Decimal("500.00"),
        "goods": "米、油",
        "goods_value": Decimal("120.00"),
    }
    fields.update(overrides)
    return fields


# ---------------------------------------------------------------------------------------------
# Campaigns
# ---------------------------------------------------------------------------------------------


def test_create_campaign_is_audited(county, alice):
    campaign = care.create_campaign(actor=alice, **campaign_fields(county))
    assert campaign.budget == Decimal("50000.00")
    entry = entries(campaign, "create").get()
    assert entry.actor == alice and entry.changes["budget"] == [None, "50000.00"]


def test_campaign_needs_edit_role_at_its_organisation(county, bob, frank):
    with pytest.raises(ValidationError) as caught:
        care.create_campaign(actor=bob, **campaign_fields(county))  # the county: above bob
    assert "管理范围" in caught.value.message_dict["organisation"][0]
    with pytest.raises(ValidationError):  # a reviewer does not edit
        care.create_campaign(actor=frank, **campaign_fields(county, organisation=county.town_a))
    campaign = care.create_campaign(
        actor=bob, **campaign_fields(county, organisation=county.town_a)
    )
    assert campaign.organisation == county.town_a


def test_campaign_dates_ordered_and_budget_not_negative(county, alice):
    with pytest.raises(ValidationError) as caught:
        care.create_campaign(
            actor=alice,
            **campaign_fields(
                county,
                starts_on=TODAY,
                ends_on=TODAY - datetime.timedelta(days=1),
                budget=Decimal("-1"),
            ),
        )
    errors = caught.value.message_dict
    assert "不能早于开始日期" in errors["ends_on"][0]
    assert "不能为负数" in errors["budget"][0]
    with pytest.raises(ValidationError) as caught:
        care.create_campaign(actor=alice, **campaign_fields(county, budget="1.005"))
    assert "两位小数" in caught.value.message_dict["budget"][0]
    assert not CareCampaign.objects.exists()


def test_update_campaign_keeps_visits_inside_its_dates(county, alice, bob):
    campaign = make_campaign(county)
    visit = care.add_recipient(actor=bob, campaign=campaign, union=county.union_a,
                               member=county.member_a)  # fmt: skip
    care.record_visit(actor=bob, visit=visit, **visit_fields(visited_on=TODAY))
    with pytest.raises(ValidationError) as caught:
        care.update_campaign(
            actor=alice, campaign=campaign, starts_on=TODAY + datetime.timedelta(days=1)
        )
    assert "走访记录" in caught.value.message_dict["starts_on"][0]
    care.update_campaign(actor=alice, campaign=campaign, name="冬送温暖（二期）")
    campaign.refresh_from_db()
    assert campaign.name == "冬送温暖（二期）"
    assert entries(campaign, "update").count() == 1
    with pytest.raises(PermissionDenied):  # bob may not edit the county's campaign
        care.update_campaign(actor=bob, campaign=campaign, name="x")


# ---------------------------------------------------------------------------------------------
# The visit list
# ---------------------------------------------------------------------------------------------


def test_add_member_takes_the_members_name_once_per_campaign(county, bob):
    campaign = make_campaign(county)
    visit = care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, member=county.member_a,
        recipient_name="别的名字",
    )  # fmt: skip
    assert visit.recipient_name == "张甲明" and visit.visited_on is None
    assert entries(visit, "create").exists()
    with pytest.raises(ValidationError) as caught:
        care.add_recipient(
            actor=bob, campaign=campaign, union=county.town_a, member=county.member_a
        )
    assert "已在本活动的慰问名单中" in caught.value.message_dict["member"][0]
    assert CareVisit.objects.count() == 1


def test_member_must_be_in_the_unions_subtree(county, alice):
    campaign = make_campaign(county)
    with pytest.raises(ValidationError) as caught:
        care.add_recipient(
            actor=alice, campaign=campaign, union=county.union_a, member=county.member_b
        )
    assert "不是甲机械厂工会或其下级工会的会员" in caught.value.message_dict["member"][0]
    assert not CareVisit.objects.exists()


def test_add_needs_edit_role_at_the_union(county, bob, charlie, frank):
    campaign = make_campaign(county)
    for actor in (charlie, frank):
        with pytest.raises(ValidationError) as caught:
            care.add_recipient(
                actor=actor, campaign=campaign, union=county.union_a, member=county.member_a
            )
        assert "管理范围" in caught.value.message_dict["union"][0]
    town_campaign = make_campaign(county, organisation=county.town_b, name="水坪镇冬送")
    with pytest.raises(ValidationError) as caught:  # a town-B campaign lists no town-A union
        care.add_recipient(actor=bob, campaign=town_campaign, union=county.union_a,
                           member=county.member_a)  # fmt: skip
    assert "不在本活动主办单位" in caught.value.message_dict["union"][0]
    assert not CareVisit.objects.exists()


def test_non_member_needs_a_name(county, bob):
    campaign = make_campaign(county)
    with pytest.raises(ValidationError) as caught:
        care.add_recipient(actor=bob, campaign=campaign, union=county.union_a, recipient_name=" ")
    assert "姓名" in caught.value.message_dict["recipient_name"][0]
    visit = care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, recipient_name="护林员老周",
        recipient_note="非会员护林员",
    )  # fmt: skip
    assert visit.member is None and visit.recipient_name == "护林员老周"


def test_hardship_file_brings_its_member(county, bob):
    campaign = make_campaign(county)
    hardship_file = file_for(county.member_a)
    visit = care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, hardship_file=hardship_file
    )
    assert visit.member == county.member_a and visit.hardship_file == hardship_file
    other = add_member(county, 11)
    with pytest.raises(ValidationError) as caught:
        care.add_recipient(actor=bob, campaign=campaign, union=county.union_a, member=other,
                           hardship_file=hardship_file)  # fmt: skip
    assert "不属于" in caught.value.message_dict["hardship_file"][0]


def test_add_filed_households_in_one_insert(county, bob, django_assert_max_num_queries):
    campaign = make_campaign(county)
    members = [add_member(county, i) for i in range(1, 13)]
    for member in members:
        file_for(member)
    file_for(add_member(county, 20), status="lifted")  # helped out: not on file
    file_for(add_member(county, 21), status="pending")  # not yet filed
    file_for(county.member_b)  # town B: outside union_a
    care.add_recipient(actor=bob, campaign=campaign, union=county.union_a, member=members[0])
    bob = type(bob).objects.get(pk=bob.pk)  # a fresh user: nothing cached
    with django_assert_max_num_queries(10):
        created = care.add_filed_households(actor=bob, campaign=campaign, union=county.union_a)
    assert len(created) == 11
    visits = CareVisit.objects.filter(campaign=campaign)
    assert visits.count() == 12
    assert set(visits.values_list("member", flat=True)) == {m.pk for m in members}
    assert all(v.hardship_file_id for v in visits)
    assert sum(entries(v, "create").count() for v in created) == 11
    # Again: everyone is listed already.
    assert care.add_filed_households(actor=bob, campaign=campaign, union=county.union_a) == []


def test_add_filed_households_needs_edit_role(county, charlie):
    campaign = make_campaign(county)
    file_for(county.member_a)
    with pytest.raises(ValidationError):
        care.add_filed_households(actor=charlie, campaign=campaign, union=county.union_a)
    assert not CareVisit.objects.exists()


# ---------------------------------------------------------------------------------------------
# Recording a visit
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def listed(county, bob):
    campaign = make_campaign(county)
    return care.add_recipient(
        actor=bob, campaign=campaign, union=county.union_a, member=county.member_a
    )


def test_record_visit(listed, bob):
    visit = care.record_visit(actor=bob, visit=listed, **visit_fields())
    visit.refresh_from_db()
    assert visit.visited_on == TODAY and visit.cash == Decimal("500.00")
    assert visit.goods_value == Decimal("120.00") and visit.recorded_by == bob
    entry = entries(visit, "update").get()
    assert entry.changes["cash"] == ["0.00", "500.00"] and entry.actor == bob


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"visited_on": TODAY + datetime.timedelta(days=1)}, "visited_on", "不能晚于今天"),
        ({"visited_on": TODAY - datetime.timedelta(days=30)}, "visited_on", "应在活动日期"),
        ({"visited_on": None}, "visited_on", "请填写走访日期"),
        ({"visitors": "  "}, "visitors", "请填写走访人"),
        ({"cash": Decimal("-1.00")}, "cash", "不能为负数"),
        ({"cash": "abc"}, "cash", "慰问金“abc”不是金额"),
        ({"goods_value": Decimal("-0.01")}, "goods_value", "不能为负数"),
        ({"goods": "", "goods_value": Decimal("10.00")}, "goods", "请注明慰问物资"),
    ],
)
def test_record_visit_refuses_bad_input(listed, bob, overrides, field, text):
    with pytest.raises(ValidationError) as caught:
        care.record_visit(actor=bob, visit=listed, **visit_fields(**overrides))
    assert text in caught.value.message_dict[field][0]
    listed.refresh_from_db()
    assert listed.visited_on is None and listed.cash == Decimal("0.00")


def test_record_visit_needs_edit_role(listed, charlie, frank):
    for actor in (charlie, frank):
        with pytest.raises(ValidationError):
            care.record_visit(actor=actor, visit=listed, **visit_fields())
    listed.refresh_from_db()
    assert listed.visited_on is None


def test_remove_only_before_the_visit(county, listed, bob, charlie):
    with pytest.raises(ValidationError):
        care.remove_recipient(actor=charlie, visit=listed)
    other = care.add_recipient(
        actor=bob, campaign=listed.campaign, union=county.union_a, recipient_name="老周"
    )
    care.remove_recipient(actor=bob, visit=other)
    assert not CareVisit.objects.filter(pk=other.pk).exists()
    assert entries(other, "delete").exists()
    care.record_visit(actor=bob, visit=listed, **visit_fields())
    with pytest.raises(ValidationError) as caught:
        care.remove_recipient(actor=bob, visit=listed)
    assert "不能移出名单" in caught.value.message_dict["visited_on"][0]
    assert CareVisit.objects.filter(pk=listed.pk).exists()


# ---------------------------------------------------------------------------------------------
# Totals
# ---------------------------------------------------------------------------------------------


def test_totals_on_a_hand_built_list(county, django_assert_num_queries):
    campaign = make_campaign(county)
    a1, a2, a3 = (add_member(county, i) for i in (1, 2, 3))
    f1, f2 = file_for(a1), file_for(a2)

    def row(**fields):
        return CareVisit.objects.create(campaign=campaign, recipient_name="x", **fields)

    row(union=county.union_a, member=a1, hardship_file=f1, visited_on=TODAY,
        cash=Decimal("500.00"), goods_value=Decimal("100.50"))  # fmt: skip
    row(union=county.union_a, member=a2, hardship_file=f2, visited_on=TODAY,
        cash=Decimal("300.00"), goods_value=Decimal("0.00"))  # fmt: skip
    row(union=county.union_a, member=a3, visited_on=TODAY, cash=Decimal("200.25"))
    row(union=county.union_b, recipient_note="护林员", visited_on=TODAY, cash=Decimal("100.00"),
        goods_value=Decimal("50.00"))  # fmt: skip
    # Listed but not visited: counts nowhere, whatever it holds.
    row(union=county.union_b, member=county.member_b, cash=Decimal("999.00"))

    with django_assert_num_queries(1):
        result = care_queries.totals(CareVisit.objects.filter(campaign=campaign))
    assert result == {
        "people": 4,
        "households": 2,
        "cash": Decimal("1100.25"),
        "goods_value": Decimal("150.50"),
    }
    assert isinstance(result["cash"], Decimal)
    empty = care_queries.totals(CareVisit.objects.none())
    assert empty == {"people": 0, "households": 0, "cash": 0, "goods_value": 0}
    by_union = {r["union__name"]: r for r in care_queries.totals_by_union(campaign.visits.all())}
    assert by_union["甲机械厂工会"]["people"] == 3 and by_union["甲机械厂工会"]["households"] == 2
    assert by_union["乙茶叶公司工会"]["listed"] == 2 and by_union["乙茶叶公司工会"]["people"] == 1
