"""Pinyin initials for search: 城关镇 → CGZ, so a clerk can type `cgz`."""

from pypinyin import Style, lazy_pinyin


def initials(text: str) -> str:
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(ch for ch in "".join(letters).upper() if ch.isalnum())[:64]
