"""Pinyin initials for search: 城关镇 → CGZ, so a clerk can type `cgz`."""

from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

# pypinyin reads a character differently inside a phrase of its dictionary (重庆 → CQ, while 重
# alone is Z); a text none of whose substrings is such a phrase reads character by character.
_LONGEST_PHRASE = max(map(len, PHRASES_DICT))


# pypinyin is the slowest per-row step of imports and the demo (about 60 µs a name), and names
# repeat a great deal; the result depends on the name only, so one bounded cache serves every
# caller.
@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    if _has_phrase(text):
        letters = "".join(_pinyin_letters(text))
    else:
        letters = "".join(map(_char_initial, text))
    return "".join(ch for ch in letters.upper() if ch.isalnum())[:64]


def _pinyin_letters(text: str) -> list[str]:
    return lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))


@lru_cache(maxsize=32768)
def _char_initial(char: str) -> str:
    return "".join(_pinyin_letters(char))


def _has_phrase(text: str) -> bool:
    """Whether some substring of two or more characters is one of pypinyin's phrases; a person's
    name (two to four characters) is checked in at most six dictionary look-ups."""
    size = len(text)
    return any(
        text[start : start + length] in PHRASES_DICT
        for length in range(2, min(size, _LONGEST_PHRASE) + 1)
        for start in range(size - length + 1)
    )
