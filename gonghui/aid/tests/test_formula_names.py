"""A hardship household member's name that begins as a spreadsheet formula is refused."""

from gonghui.aid.hardship.services import clean_household


def test_hardship_household_name_refuses_a_formula(county):
    errors = {}
    clean_household([{"name": "-1+1", "relation": "配偶"}], errors)
    assert "姓名不能以 = + - @ 开头" in str(errors)
