"""The one yuan parser: what every module's amounts go through."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gonghui.core.money import collect_yuan, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1200.5", Decimal("1200.50")),
        ("1,200.50", Decimal("1200.50")),
        ("1200元", Decimal("1200.00")),
        ("１２００．５", Decimal("1200.50")),
        (" 7 ", Decimal("7.00")),
        (Decimal("0.1"), Decimal("0.10")),
        (15, Decimal("15.00")),
        ("0", Decimal("0.00")),
    ],
)
def test_amounts_as_people_type_them(value, expected):
    assert parse_yuan(value) == expected


@pytest.mark.parametrize(
    ("value", "options", "message"),
    [
        (None, {}, "请填写金额"),
        ("  ", {"label": "预算"}, "请填写预算"),
        (1.5, {}, "不能是浮点数"),
        (True, {}, "不能是浮点数"),
        ("abc", {}, "金额“abc”不是金额"),
        ("NaN", {}, "不是金额"),
        ("12.345", {}, "最多保留两位小数"),
        ("1e20", {}, "超出范围"),
        ("Infinity", {}, "过大"),
        ("-5", {}, "金额不能为负数"),
        ("0", {"positive": True}, "金额应大于 0 元"),
        ("-5", {"positive": True}, "应大于 0 元"),
    ],
)
def test_refusals_name_the_field_and_the_reason(value, options, message):
    with pytest.raises(ValidationError) as caught:
        parse_yuan(value, **options)
    assert message in caught.value.messages[0]


def test_a_long_bad_value_is_not_echoed_whole():
    with pytest.raises(ValidationError) as caught:
        parse_yuan("A" * 10_000)
    assert len(caught.value.messages[0]) < 80


def test_optional_blank_is_nought_and_keyed_errors_go_under_their_field():
    assert parse_yuan("", required=False) == Decimal("0.00")
    with pytest.raises(ValidationError) as caught:
        parse_yuan("x", field="budget", label="预算")
    assert "预算“x”不是金额" in caught.value.message_dict["budget"][0]


def test_spreadsheet_numbers_lose_binary_noise_but_are_never_rounded():
    assert parse_yuan(0.1 + 0.2, from_cell=True) == Decimal("0.30")
    assert parse_yuan(1200.5, from_cell=True) == Decimal("1200.50")
    with pytest.raises(ValidationError, match="两位小数"):
        parse_yuan(12.345, from_cell=True)


def test_collect_gathers_instead_of_raising():
    errors: dict = {}
    assert collect_yuan("1.234", field="cash", errors=errors, label="现金") is None
    assert errors == {"cash": "现金最多保留两位小数（精确到分）"}
    assert collect_yuan("3", field="goods", errors=errors) == Decimal("3.00")


def test_format_yuan():
    assert format_yuan(Decimal("5")) == "5.00"
    assert format_yuan(None) == "0.00"
