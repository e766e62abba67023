"""A person's or an employer's name that begins as a spreadsheet formula is refused, by the
services and by the import, with a message naming the field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gonghui.registry.choices import Ownership
from gonghui.registry.models import Application, Employer, Member
from gonghui.registry.services import create_employer, create_member, update_member
from gonghui.registry.tests.sheets import MEMBER_HEADERS, UNIT_HEADERS, codes, ids, run
from gonghui.registry.tests.test_import_members import member
from gonghui.registry.tests.test_import_units import unit
from gonghui.registry.tests.test_membership import join

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", " =1"]


@pytest.mark.parametrize("name", FORMULAS)
def test_member_service_refuses_a_formula_name(county, name):
    with pytest.raises(ValidationError) as exc:
        create_member(
            actor=None,
            name=name,
            id_number="11010519491231002X",
            union=county.union_a,
            joined_on=datetime.date(2024, 1, 1),
        )
    assert exc.value.message_dict["name"] == ["姓名不能以 = + - @ 开头"]
    assert not Member.objects.filter(name=name).exists()


def test_member_update_refuses_a_formula_name(county):
    with pytest.raises(ValidationError) as exc:
        update_member(actor=None, member=county.member_a, name="=1+1")
    assert "name" in exc.value.message_dict
    county.member_a.refresh_from_db()
    assert county.member_a.name == "张甲明"


def test_a_name_with_a_dash_inside_is_fine(county):
    m = create_member(
        actor=None,
        name="阿依古丽-买买提",
        id_number="11010519491231002X",
        union=county.union_a,
        joined_on=datetime.date(2024, 1, 1),
    )
    assert m.name == "阿依古丽-买买提"


@pytest.mark.parametrize("name", FORMULAS)
def test_employer_service_refuses_a_formula_name(county, name):
    before = Employer.objects.count()
    with pytest.raises(ValidationError) as exc:
        create_employer(
            actor=None,
            credit_code="91420324MA4F000051",
            name=name,
            territory=county.town_a,
            ownership=Ownership.NON_PUBLIC,
            headcount=8,
        )
    assert exc.value.message_dict["name"] == ["单位名称不能以 = + - @ 开头"]
    assert Employer.objects.count() == before


def test_member_import_refuses_a_formula_name(tmp_path, county):
    n = ids(2)
    rows = [MEMBER_HEADERS, member("王小明", n[0]), member('=HYPERLINK("http://x")', n[1])]
    outcome = run(tmp_path, "members", rows)
    (error,) = outcome.errors
    assert (error.row, error.column) == (3, "姓名")
    assert "不能以 = + - @ 开头" in str(error)
    assert not Member.objects.filter(name="王小明").exists()


def test_unit_import_refuses_a_formula_name(tmp_path, county):
    (code,) = codes(1, seed=42)
    outcome = run(tmp_path, "units", [UNIT_HEADERS, unit(code, "@SUM(A1)")])
    (error,) = outcome.errors
    assert (error.row, error.column) == (2, "单位名称")
    assert not Employer.objects.filter(credit_code=code).exists()


def test_a_join_application_refuses_a_formula_name(county):
    before = Application.objects.count()
    with pytest.raises(ValidationError) as exc:
        join(county, name='=HYPERLINK("http://x")')
    assert exc.value.message_dict["name"] == ["姓名不能以 = + - @ 开头"]
    assert Application.objects.count() == before


def test_a_union_chair_is_a_name_too(tmp_path, county, alice):
    """工会主席 is a person's name: refused as a formula by the import and by the service."""
    from gonghui.core.models import Organisation, OrgKind
    from gonghui.core.services.orgs import create_organisation
    from gonghui.registry.tests.test_import_unions import UNION_HEADERS, org

    rows = [UNION_HEADERS, org("新材料公司工会", "基层工会", "城关镇总工会", 工会主席="=1+1")]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    (error,) = outcome.errors
    assert (error.row, error.column) == (2, "工会主席")
    assert "不能以 = + - @ 开头" in str(error)
    with pytest.raises(ValidationError) as caught:
        create_organisation(
            actor=alice, name="新材料公司工会", kind=OrgKind.GRASSROOTS, parent=county.town_a,
            chair="@SUM(A1)",
        )  # fmt: skip
    assert caught.value.message_dict["chair"] == ["工会主席不能以 = + - @ 开头"]
    assert not Organisation.objects.filter(name="新材料公司工会").exists()
