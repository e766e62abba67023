"""The returns' life cycle through the services: prefilled from the data, hand cells completed,
checked (a failing check blocks submission and sign-off with its message), signed by the union's
head, summed into the county's; sent back with a note; a year's catalogue edit touches that
year's returns only."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.core.models import AuditEntry
from gonghui.returns import services
from gonghui.returns.choices import Op, Origin
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.tests.conftest import filled

pytestmark = pytest.mark.django_db


def cell(ret, code):
    return ret.values.get(indicator__code=code)


def test_town_return_prefilled_checked_signed_and_summed(county, catalogue, alice, bob, head_a):
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    assert cell(ret, "G09").value == 1 and cell(ret, "G09").origin == Origin.FIGURE
    assert cell(ret, "G05").value == 1 and cell(ret, "G06").value == 120
    assert cell(ret, "G01").value == 1  # 甲机械厂工会
    assert cell(ret, "G18").origin == Origin.HAND and cell(ret, "G18").value is None
    with pytest.raises(ValidationError, match="专职工会工作人员数（G18）"):
        services.submit_return(actor=bob, ret=ret)  # hand cells not filled
    filled(ret, bob)
    ret = services.submit_return(actor=bob, ret=ret)
    assert ret.status == Status.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.sign_return(actor=bob, ret=ret)  # a clerk is not the union's head
    ret = services.sign_return(actor=head_a, ret=ret)
    assert ret.status == Status.SIGNED
    with pytest.raises(ValidationError):
        services.enter_values(actor=bob, ret=ret, values={"G18": 9})  # locked
    county_return = services.open_return(actor=alice, catalogue=catalogue, union=county.county)
    assert cell(county_return, "G09").value == 1
    assert cell(county_return, "G09").origin == Origin.SUMMED
    assert cell(county_return, "G20").value == Decimal("12.5")
    assert cell(county_return, "U03").origin == Origin.HAND  # 不汇总: the county's own
    assert AuditEntry.objects.filter(object_repr__contains="城关镇总工会").count() >= 4


def test_a_failing_check_blocks_submission_and_sign_off(county, catalogue, bob, head_a, alice):
    services.add_rule(actor=alice, catalogue=catalogue, left="G18", op=Op.LE, right="G19",
                      note="专职不多于兼职")  # fmt: skip
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    filled(ret, bob, G18=7, G19=2)
    with pytest.raises(ValidationError) as failed:
        services.submit_return(actor=bob, ret=ret)
    assert "专职工会工作人员数（G18）7 大于 兼职工会干部数（G19）2" in str(failed.value)
    filled(ret, bob, G18=1, G19=2)
    ret = services.submit_return(actor=bob, ret=ret)
    # The county tightens the year's checks after submission: the head cannot sign.
    services.add_rule(actor=alice, catalogue=catalogue, left="G21", op=Op.GE, right="G18+G19")
    with pytest.raises(ValidationError, match="职工之家（小家）数（G21）1 小于"):
        services.sign_return(actor=head_a, ret=ret)
    ret.refresh_from_db()
    assert ret.status == Status.SUBMITTED


def test_women_members_cannot_exceed_members(county, catalogue, bob):
    from gonghui.returns import checks

    rule = catalogue.rules.get(left="G10")
    messages = checks.failures([rule], {"G10": ("女会员", Decimal(5)), "G09": ("会员数", 3)})
    assert messages == ["女会员（G10）5 大于 会员数（G09）3：女会员不能多于会员"]


def test_send_back_unlocks_with_a_note(county, catalogue, alice, bob, head_a, frank):
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    filled(ret, bob)
    ret = services.sign_return(actor=head_a, ret=services.submit_return(actor=bob, ret=ret))
    with pytest.raises(PermissionDenied):
        services.send_back(actor=frank, ret=ret, note="x")  # a reviewer of town A itself
    with pytest.raises(ValidationError, match="退回意见"):
        services.send_back(actor=alice, ret=ret, note="")
    ret = services.send_back(actor=alice, ret=ret, note="G20 与决算不符")
    assert ret.status == Status.RETURNED and ret.return_note == "G20 与决算不符"
    filled(ret, bob, G20=13)
    ret = services.submit_return(actor=bob, ret=ret)
    ret = services.accept_return(actor=alice, ret=services.sign_return(actor=head_a, ret=ret))
    assert ret.status == Status.ACCEPTED


def test_catalogue_edit_changes_that_years_returns_only(county, alice, bob, year):
    last = services.seed_catalogue(actor=alice, county=county.county, year=year - 1)
    this = services.copy_catalogue(actor=alice, catalogue=last, year=year)
    assert this.indicators.count() == last.indicators.count()
    old = services.open_return(actor=bob, catalogue=last, union=county.town_a)
    new = services.open_return(actor=bob, catalogue=this, union=county.town_a)
    g18 = this.indicators.get(code="G18")
    fields = {f: getattr(g18, f) for f in ("code", "definition", "source", "form", "cell",
                                           "unit", "aggregation", "order")}  # fmt: skip
    services.update_indicator(actor=alice, indicator=g18, **{**fields, "label": "专职工会干部数"})
    services.add_indicator(actor=alice, catalogue=this, code="G22", label="职工书屋数",
                           form="grassroots", cell="第22行", source="")  # fmt: skip
    services.refresh_return(actor=bob, ret=new)
    assert cell(new, "G18").indicator.label == "专职工会干部数"
    assert cell(old, "G18").indicator.label == "专职工会工作人员数"
    assert new.values.filter(indicator__code="G22").exists()
    assert not old.values.filter(indicator__code="G22").exists()
    with pytest.raises(PermissionDenied):
        services.add_indicator(actor=bob, catalogue=this, code="G23", label="x",
                               form="grassroots", cell="1")  # fmt: skip
    with pytest.raises(ValidationError, match="不是系统能计算的数字"):
        services.add_indicator(actor=alice, catalogue=this, code="G24", label="x",
                               form="grassroots", cell="1", source="nonsense")  # fmt: skip


def test_hand_cells_refuse_bad_input_and_computed_cells(county, catalogue, bob):
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    with pytest.raises(ValidationError) as failed:
        services.enter_values(actor=bob, ret=ret, values={"G18": "三", "G09": 5})
    text = str(failed.value)
    assert "专职工会工作人员数（G18）：“三”不是数字" in text and "会员数（G09）由系统" in text
    assert cell(ret, "G18").value is None


def test_town_b_cannot_open_or_touch_town_a(county, catalogue, bob, charlie):
    with pytest.raises(PermissionDenied):
        services.open_return(actor=charlie, catalogue=catalogue, union=county.town_a)
    ret = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    with pytest.raises(PermissionDenied):
        services.enter_values(actor=charlie, ret=ret, values={"G18": 1})
    with pytest.raises(PermissionDenied):
        services.send_back(actor=charlie, ret=ret, note="x")


def test_town_sums_its_grassroots_returns_and_keeps_its_own_form(county, catalogue, bob, dora,
                                                                   head_a):  # fmt: skip
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    head_union = make_user("head_u", Role.ADMIN, county.union_a, "甲厂主席")
    grassroots = services.open_return(actor=dora, catalogue=catalogue, union=county.union_a)
    filled(grassroots, dora, G20="4.5")
    services.sign_return(actor=head_union,
                         ret=services.submit_return(actor=dora, ret=grassroots))  # fmt: skip
    town = services.open_return(actor=bob, catalogue=catalogue, union=county.town_a)
    assert cell(town, "G20").origin == Origin.SUMMED and cell(town, "G20").value == Decimal("4.5")
    assert cell(town, "U01").origin == Origin.FIGURE  # no grassroots return holds it
    assert cell(town, "U02").origin == Origin.HAND
