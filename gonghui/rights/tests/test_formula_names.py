"""Names that begin as a spreadsheet formula are refused: a case's complainant and employer,
a counsel's name."""

import pytest
from django.core.exceptions import ValidationError

from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseKind
from gonghui.rights.counsel import services as counsel_services
from gonghui.rights.models import Case, Counsel

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("complainant_name", '=HYPERLINK("http://x")', "申请人姓名不能以 = + - @ 开头"),
        ("employer_name", "@SUM(A1)", "被申请单位不能以 = + - @ 开头"),
    ],
)
def test_case_intake_refuses_a_formula_name(county, bob, field, value, message):
    fields = {
        "union": county.town_a,
        "kind": CaseKind.WAGES,
        "complainant_name": "王甲骑",
        "phone": "13900000011",
        "facts": "拖欠三个月工资",
        "employer_name": "某某公司",
        "amount_claimed": "9000",
        field: value,
    }
    before = Case.objects.count()
    with pytest.raises(ValidationError) as exc:
        cases.receive_case(actor=bob, **fields)
    assert exc.value.message_dict[field] == [message]
    assert Case.objects.count() == before


def test_counsel_name_refuses_a_formula(county, alice):
    before = Counsel.objects.count()
    with pytest.raises(ValidationError) as exc:
        counsel_services.create_counsel(actor=alice, organisation=county.town_a, name="+86律师")
    assert exc.value.message_dict["name"] == ["姓名不能以 = + - @ 开头"]
    assert Counsel.objects.count() == before
