"""Pinyin initials for search: 城关镇 → CGZ, so a clerk can type `cgz`."""

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


# pypinyin is the slowest per-row step of imports and the demo, and names repeat a great deal;
# the result depends on the name only, so one bounded cache serves every caller.
@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(ch for ch in "".join(letters).upper() if ch.isalnum())[:64]
