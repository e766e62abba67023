"""Initials read character by character only where pypinyin would too."""

import pytest
from pypinyin import Style, lazy_pinyin

from gonghui.core.pinyin import initials


def reference(text: str) -> str:
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(ch for ch in "".join(letters).upper() if ch.isalnum())[:64]


@pytest.mark.parametrize(
    "text",
    ["城关镇总工会", "重庆市总工会", "重", "中国重汽集团", "银行", "行长", "张行", "长春路3号",
     "a-1 公司", "Café 咖啡", "单雄信", "曾乐乐", "", "  ", "朝阳区" * 30],
)  # fmt: skip
def test_initials_equal_pypinyin_reading_of_the_whole_text(text):
    assert initials(text) == reference(text)


def test_a_phrase_keeps_its_reading():
    assert initials("重庆") == "CQ"
    assert initials("重") == "Z"
