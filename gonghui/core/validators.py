"""Validators, normalisers, maskers and demo-data generators for Chinese identifiers.

Covers the resident ID number (公民身份号码, GB 11643-1999), the unified social credit
code (统一社会信用代码, GB 32100-2015), mainland mobile numbers and a character-class
password rule.

This module is deliberately plain Python: no models, no settings lookups at import time, so it
can be used from forms, serializers, management commands and tests alike. Messages are lazy so
they are only translated when rendered.

python-stdnum is intentionally not used: its ``cn.ric`` checks area codes against a division
list (rejecting numbers issued under since-renamed counties, which stay valid for life) and its
``cn.uscc`` rejects legitimate codes from the N, Y and A registration authorities.
"""

from __future__ import annotations

import operator
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "CharacterClassPasswordValidator",
    "ResidentId",
    "credit_code_check_char",
    "make_credit_code",
    "make_mobile",
    "make_resident_id",
    "mask_mobile",
    "mask_resident_id",
    "normalize_credit_code",
    "normalize_mobile",
    "normalize_resident_id",
    "parse_resident_id",
    "resident_id_check_char",
    "validate_credit_code",
    "validate_mobile",
    "validate_resident_id",
]

# China Standard Time has been a fixed UTC+8 with no daylight saving since 1991, so a fixed
# offset gives the correct "today" without depending on tzdata or on Django's TIME_ZONE setting.
# "Today" matters for the future-birth-date check: a server running in UTC would otherwise
# reject babies born after midnight Beijing time for up to eight hours.
_CHINA_TZ = timezone(timedelta(hours=8), name="CST")


def _china_today() -> date:
    return datetime.now(_CHINA_TZ).date()


def _is_ascii_digits(value: str) -> bool:
    # str.isdigit() alone would accept full-width "１２３" and other Unicode digits, which
    # int() happily parses but which must never end up stored as an identifier.
    return value.isascii() and value.isdigit()


def _canonical_text(value: str) -> str:
    # NFKC folds full-width characters typed with Chinese input methods ("４２０３…Ｘ") to their
    # ASCII forms, so users are not rejected for an invisible difference. It is the identity on
    # ASCII, so already-clean values are unchanged.
    if value.isascii():  # the common case, and NFKC is the identity on ASCII
        return value.strip()
    return unicodedata.normalize("NFKC", value).strip()


# ---------------------------------------------------------------------------------------------
# Resident ID number (公民身份号码, GB 11643-1999)
# ---------------------------------------------------------------------------------------------

RESIDENT_ID_LENGTH = 18

# ISO 7064 MOD 11-2: weight i is 2^(17-i) mod 11; the check character makes the weighted sum
# congruent to 1 (mod 11), with "X" standing for the value 10.
_RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_ID_CHECK_MAP = "10X98765432"

# Province-level codes (GB/T 2260 first two digits) including Taiwan (71), Hong Kong (81) and
# Macao (82). Only the province is checked: the remaining four area digits identify the county
# where the number was first issued and are kept for life even after that county is renamed,
# merged or abolished, so checking them against a current division list rejects real people.
RESIDENT_ID_PROVINCES = frozenset(
    [f"{n}" for n in range(11, 16)]
    + [f"{n}" for n in range(21, 24)]
    + [f"{n}" for n in range(31, 38)]
    + [f"{n}" for n in range(41, 47)]
    + [f"{n}" for n in range(50, 55)]
    + [f"{n}" for n in range(61, 66)]
    # 83: residence permits of Taiwan residents (since 2018) carry the same 18-character format.
    + ["71", "81", "82", "83"]
)

# No living holder of an 18-digit number was born before 1900; earlier dates are typos.
RESIDENT_ID_MIN_BIRTH_DATE = date(1900, 1, 1)


def normalize_resident_id(value: str) -> str:
    """Strip surrounding whitespace, fold full-width characters and upper-case (x -> X)."""
    return _canonical_text(value).upper()


def resident_id_check_char(first17: str) -> str:
    """Return the GB 11643 check character ("0"-"9" or "X") for the first 17 digits."""
    if len(first17) != RESIDENT_ID_LENGTH - 1 or not _is_ascii_digits(first17):
        raise ValueError("first17 must be exactly 17 ASCII digits")
    # map with operator.mul: an import checks a hundred thousand numbers.
    total = sum(map(operator.mul, map(int, first17), _RESIDENT_ID_WEIGHTS))
    return _RESIDENT_ID_CHECK_MAP[total % 11]


def validate_resident_id(value: str, *, today: date | None = None) -> str:
    """Validate a resident ID number and return it normalised.

    ``today`` overrides the current date in China (for tests); it bounds the birth date.
    Raises ``ValidationError`` whose ``code`` identifies the first problem found.
    """
    return _check_resident_id(value, today=today)[0]


def _check_resident_id(value: str, *, today: date | None) -> tuple[str, date]:
    # Shared by validate_resident_id and parse_resident_id so the birth date is decoded once.
    if not isinstance(value, str):
        raise ValidationError(_("公民身份号码应为文本"), code="invalid_type")
    number = normalize_resident_id(value)

    if len(number) != RESIDENT_ID_LENGTH:
        raise ValidationError(
            _("公民身份号码应为18位，当前为%(length)d位"),
            code="invalid_length",
            params={"length": len(number)},
        )
    body, check = number[:17], number[17]
    if not _is_ascii_digits(body) or not (_is_ascii_digits(check) or check == "X"):
        raise ValidationError(
            _("公民身份号码格式错误：前17位应为数字，最后一位应为数字或 X"),
            code="invalid_format",
        )

    province = number[:2]
    if province not in RESIDENT_ID_PROVINCES:
        raise ValidationError(
            _("公民身份号码前两位 %(province)s 不是有效的省级行政区划代码"),
            code="invalid_province",
            params={"province": province},
        )

    birth_date = _resident_id_birth_date(number, today=today)

    expected = resident_id_check_char(body)
    if check != expected:
        raise ValidationError(
            _("公民身份号码校验位错误：应为 %(expected)s"),
            code="invalid_checksum",
            params={"expected": expected},
        )
    return number, birth_date


def _resident_id_birth_date(number: str, *, today: date | None) -> date:
    raw = number[6:14]
    try:
        birth_date = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        # e.g. 19990230 or month 13: not a calendar date.
        raise ValidationError(
            _("公民身份号码出生日期无效：%(date)s 不是真实日期"),
            code="invalid_birth_date",
            params={"date": raw},
        ) from None
    if birth_date < RESIDENT_ID_MIN_BIRTH_DATE:
        raise ValidationError(
            _("公民身份号码出生日期无效：%(date)s 早于1900年1月1日"),
            code="invalid_birth_date",
            params={"date": raw},
        )
    if birth_date > (today or _china_today()):
        raise ValidationError(
            _("公民身份号码出生日期无效：%(date)s 晚于今天"),
            code="invalid_birth_date",
            params={"date": raw},
        )
    return birth_date


@dataclass(frozen=True)
class ResidentId:
    """A validated resident ID number and the facts encoded in it."""

    number: str
    birth_date: date
    # "M" or "F": the 17th digit (sequence code) is odd for men and even for women.
    gender: str


def parse_resident_id(value: str, *, today: date | None = None) -> ResidentId:
    """Validate ``value`` and decode its birth date and gender."""
    number, birth_date = _check_resident_id(value, today=today)
    gender = "M" if int(number[16]) % 2 else "F"
    return ResidentId(number=number, birth_date=birth_date, gender=gender)


def _mask_middle(value: str, keep_start: int, keep_end: int) -> str:
    # Values too short to keep both ends would leak most of themselves, so mask everything.
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def mask_resident_id(number: str) -> str:
    """Return the number with only the area code and last four shown: ``420324********123X``.

    Does not validate, so legacy or malformed stored values still render masked rather than
    raising in a template; a 15-digit first-generation number keeps the same 6 + 4 characters.
    """
    return _mask_middle(normalize_resident_id(number), 6, 4)


# ---------------------------------------------------------------------------------------------
# Unified social credit code (统一社会信用代码, GB 32100-2015)
# ---------------------------------------------------------------------------------------------

CREDIT_CODE_LENGTH = 18

# 31 characters: digits and upper-case letters without I, O, Z, S, V, which are too easily
# confused with 1, 0, 2, 5 and U.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_VALUES = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}
# Weight i is 3^i mod 31.
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Registration-management authority (登记管理部门): 1 机构编制, 2 外交, 3 司法行政, 4 文化,
# 5 民政, 6 旅游, 7 宗教, 8 工会 (trade unions' own codes start "81"), 9 市场监管 (formerly
# 工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
CREDIT_CODE_AUTHORITIES = frozenset("123456789ANY")


def normalize_credit_code(value: str) -> str:
    """Strip surrounding whitespace, fold full-width characters and upper-case."""
    return _canonical_text(value).upper()


def credit_code_check_char(first17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters."""
    if len(first17) != CREDIT_CODE_LENGTH - 1 or any(
        ch not in _CREDIT_CODE_VALUES for ch in first17
    ):
        raise ValueError("first17 must be exactly 17 characters of the credit code alphabet")
    total = sum(
        _CREDIT_CODE_VALUES[ch] * w for ch, w in zip(first17, _CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> str:
    """Validate a unified social credit code and return it normalised.

    The nine-character organisation part (positions 9-17) is not checked against the older
    GB 11714 organisation-code checksum: codes issued directly under GB 32100 (for example to
    individual businesses) do not always satisfy it, and the overall check character already
    catches typing errors.
    """
    if not isinstance(value, str):
        raise ValidationError(_("统一社会信用代码应为文本"), code="invalid_type")
    code = normalize_credit_code(value)

    if len(code) != CREDIT_CODE_LENGTH:
        raise ValidationError(
            _("统一社会信用代码应为18位，当前为%(length)d位"),
            code="invalid_length",
            params={"length": len(code)},
        )
    bad = sorted({ch for ch in code if ch not in _CREDIT_CODE_VALUES})
    if bad:
        raise ValidationError(
            _("统一社会信用代码含有无效字符：%(chars)s（不使用字母 I、O、Z、S、V）"),
            code="invalid_format",
            params={"chars": "".join(bad)},
        )
    if code[0] not in CREDIT_CODE_AUTHORITIES:
        raise ValidationError(
            _("统一社会信用代码第1位登记管理部门代码 %(authority)s 无效"),
            code="invalid_authority",
            params={"authority": code[0]},
        )
    if not _is_ascii_digits(code[2:8]):
        raise ValidationError(
            _("统一社会信用代码第3至8位应为数字行政区划代码，当前为 %(area)s"),
            code="invalid_area",
            params={"area": code[2:8]},
        )

    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(
            _("统一社会信用代码校验位错误：应为 %(expected)s"),
            code="invalid_checksum",
            params={"expected": expected},
        )
    return code


# ---------------------------------------------------------------------------------------------
# Mainland mobile numbers
# ---------------------------------------------------------------------------------------------

MOBILE_LENGTH = 11


def normalize_mobile(value: str) -> str:
    """Remove whitespace and hyphens and a leading +86/86 country code before 11 digits."""
    if len(value) == MOBILE_LENGTH and _is_ascii_digits(value):  # already bare: most cells
        return value
    compact = "".join(ch for ch in _canonical_text(value) if not ch.isspace() and ch != "-")
    for prefix in ("+86", "86"):
        rest = compact.removeprefix(prefix)
        # Only strip the country code when what remains is a full mobile number, so a malformed
        # value is reported as entered rather than silently shortened.
        if rest != compact and len(rest) == MOBILE_LENGTH and _is_ascii_digits(rest):
            return rest
    return compact


def validate_mobile(value: str) -> str:
    """Validate a mainland mobile number and return the bare 11 digits."""
    if not isinstance(value, str):
        raise ValidationError(_("手机号码应为文本"), code="invalid_type")
    number = normalize_mobile(value)
    if not _is_ascii_digits(number):
        raise ValidationError(_("手机号码只能包含数字"), code="invalid_format")
    if len(number) != MOBILE_LENGTH:
        raise ValidationError(
            _("手机号码应为11位，当前为%(length)d位"),
            code="invalid_length",
            params={"length": len(number)},
        )
    if not number.startswith("1"):
        raise ValidationError(_("手机号码应以1开头"), code="invalid_prefix")
    return number


def mask_mobile(number: str) -> str:
    """Return ``138****5678``: the carrier prefix and last four digits only."""
    return _mask_middle(normalize_mobile(number), 3, 4)


# ---------------------------------------------------------------------------------------------
# Passwords
# ---------------------------------------------------------------------------------------------


# A name a spreadsheet program would run as a formula (=HYPERLINK(…)) once a list is exported.
# Exports neutralise such cells, but a person's or an employer's name never starts so: refused.
FORMULA_NAME_STARTS = ("=", "+", "-", "@")


def name_error(value: str, label: str) -> str | None:
    """What is wrong with a (stripped) name that begins as a formula, naming the field; else None.

    Every service that takes a person's or an employer's name asks this; imports use
    `sheets.cells.plain_name`."""
    if value and value.startswith(FORMULA_NAME_STARTS):
        return str(_("%(label)s不能以 = + - @ 开头") % {"label": label})
    return None


class CharacterClassPasswordValidator:
    """Require at least one letter and one digit (use with Django's AUTH_PASSWORD_VALIDATORS).

    Any Unicode letter counts (so Chinese characters do too) and any decimal digit; the point is
    to stop all-digit passwords such as birthdays and phone numbers, which dominate guessing
    lists, without forcing ASCII on users.
    """

    def validate(self, password: str, user: object | None = None) -> None:
        errors = []
        if not any(ch.isalpha() for ch in password):
            errors.append(ValidationError(_("密码必须至少包含一个字母"), code="password_no_letter"))
        if not any(ch.isdecimal() for ch in password):
            errors.append(ValidationError(_("密码必须至少包含一个数字"), code="password_no_digit"))
        if errors:
            raise ValidationError(errors)

    def get_help_text(self) -> str:
        return _("密码必须同时包含字母和数字。")


# ---------------------------------------------------------------------------------------------
# Generators for demo data and tests. They take an explicit random.Random so output is
# reproducible from a seed and never touches the global random state.
# ---------------------------------------------------------------------------------------------

_DEMO_BIRTH_MIN = date(1960, 1, 1)
_DEMO_BIRTH_MAX = date(2005, 12, 31)


def make_resident_id(
    rng: random.Random,
    *,
    area: str = "420324",
    birth_date: date | None = None,
    gender: str | None = None,
) -> str:
    """Return a valid resident ID number; birth date defaults to a random day in 1960-2005."""
    if len(area) != 6 or not _is_ascii_digits(area) or area[:2] not in RESIDENT_ID_PROVINCES:
        raise ValueError(f"area must be 6 digits with a valid province prefix, got {area!r}")
    if gender not in (None, "M", "F"):
        raise ValueError(f"gender must be 'M', 'F' or None, got {gender!r}")
    if birth_date is None:
        birth_date = date.fromordinal(
            rng.randint(_DEMO_BIRTH_MIN.toordinal(), _DEMO_BIRTH_MAX.toordinal())
        )
    elif not RESIDENT_ID_MIN_BIRTH_DATE <= birth_date <= _china_today():
        raise ValueError(f"birth_date must be between 1900-01-01 and today, got {birth_date}")
    if gender is None:
        gender = rng.choice("MF")

    sequence = f"{rng.randint(0, 99):02d}"
    # The 17th digit carries the gender: odd for men, even for women.
    gender_digit = rng.choice("13579" if gender == "M" else "02468")
    body = f"{area}{birth_date:%Y%m%d}{sequence}{gender_digit}"
    return body + resident_id_check_char(body)


def make_credit_code(
    rng: random.Random,
    *,
    authority: str = "9",
    category: str = "1",
    area: str = "420324",
) -> str:
    """Return a valid unified social credit code with a random organisation part."""
    if authority not in CREDIT_CODE_AUTHORITIES or len(authority) != 1:
        raise ValueError(f"authority must be one of 1-9, A, N, Y, got {authority!r}")
    if len(category) != 1 or category not in _CREDIT_CODE_VALUES:
        raise ValueError(f"category must be one character of the alphabet, got {category!r}")
    if len(area) != 6 or not _is_ascii_digits(area):
        raise ValueError(f"area must be 6 digits, got {area!r}")
    organisation = "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    body = f"{authority}{category}{area}{organisation}"
    return body + credit_code_check_char(body)


def make_mobile(rng: random.Random) -> str:
    """Return a plausible mainland mobile number (second digit 3-9, as issued numbers are)."""
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def is_date(value) -> bool:
    """A calendar date and not a datetime (which is a date subclass): what a service's date
    fields must hold before they are compared."""
    return isinstance(value, date) and not isinstance(value, datetime)
