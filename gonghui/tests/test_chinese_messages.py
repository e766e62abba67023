"""Django's and DRF's own messages reach people in Chinese, including those their translations
lack (gonghui/locale): password validation, throttling, the API's errors."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from rest_framework.exceptions import Throttled

from gonghui.core.models import User

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
PO = Path(__file__).resolve().parents[1] / "locale/zh_Hans/LC_MESSAGES/django.po"


def test_weak_passwords_are_refused_in_chinese():
    with pytest.raises(ValidationError) as exc:
        validate_password("abc", User(username="zhangsan", name="张三"))
    messages = exc.value.messages
    assert "密码太短，至少需要 10 个字符。" in messages
    for text in [*messages, *password_validators_help_texts()]:
        assert not LATIN_WORD.search(str(text)), text


def test_throttling_is_explained_in_chinese():
    assert str(Throttled(wait=3).detail) == "请求已被限流。 预计 3 秒后可用。"


def test_the_compiled_catalogue_matches_its_source():
    """Every entry of the .po answers from the committed .mo (run msgfmt after an edit)."""
    source = PO.read_text(encoding="utf-8")
    for block in source.split("\n\n")[1:]:
        msgid = re.search(r'^msgid "(.*)"$', block, re.M).group(1)
        plural = re.search(r'^msgid_plural "(.*)"$', block, re.M)
        wanted = re.search(r'^msgstr(?:\[0\])? "(.*)"$', block, re.M).group(1)
        got = ngettext(msgid, plural.group(1), 2) if plural else gettext(msgid)
        assert got == wanted, msgid
