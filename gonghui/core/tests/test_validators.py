"""Tests for gonghui.core.validators: pure functions, so no database and no project settings."""

import os
import random
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gonghui.core.validators import (
    CREDIT_CODE_ALPHABET,
    RESIDENT_ID_PROVINCES,
    CharacterClassPasswordValidator,
    ResidentId,
    credit_code_check_char,
    make_credit_code,
    make_mobile,
    make_resident_id,
    mask_mobile,
    mask_resident_id,
    normalize_credit_code,
    normalize_mobile,
    normalize_resident_id,
    parse_resident_id,
    resident_id_check_char,
    validate_credit_code,
    validate_mobile,
    validate_resident_id,
)

# Importing the validators needs no settings (messages are lazy), but rendering a message does.
# When run without pytest-django (-p no:django) and without DJANGO_SETTINGS_MODULE, configure the
# bare minimum so this file does not depend on the project's settings being importable. When a
# settings module is named, leave it alone: configure() would silently replace it.
if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure(USE_I18N=False)

# A fixed "today" keeps property tests independent of the day they run on.
TODAY = date(2025, 6, 1)
ID_CHECK_CHARS = "0123456789X"


def error_of(func, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        func(*args, **kwargs)
    return excinfo.value


def codes_of(exc: ValidationError) -> list[str]:
    return [e.code for e in exc.error_list]


def with_check(body: str) -> str:
    return body + resident_id_check_char(body)


def with_credit_check(body: str) -> str:
    return body + credit_code_check_char(body)


def other_id_check_chars(number: str) -> list[str]:
    return [c for c in ID_CHECK_CHARS if c != number[17]]


# ---------------------------------------------------------------------------------------------
# Resident ID: examples
# ---------------------------------------------------------------------------------------------


class TestResidentIdExamples:
    @pytest.mark.parametrize(
        "number",
        [
            "11010519491231002X",  # widely published GB 11643 example, check char X
            with_check("42032419900307123"),
            with_check("44030119991231001"),
            with_check("81000019800101001"),  # Hong Kong (港澳台居民居住证 810000)
            with_check("71000019800101002"),  # Taiwan prefix
            with_check("65400120050101001"),
        ],
    )
    def test_valid_numbers(self, number):
        assert validate_resident_id(number, today=TODAY) == number

    def test_known_check_char(self):
        assert resident_id_check_char("11010519491231002") == "X"
        assert resident_id_check_char("42032419900307123") == "1"

    @pytest.mark.parametrize(
        "body",
        [
            "42220119850615004",  # 孝感地区 code, abolished as a prefecture in 1993
            "42032219700101001",  # 420322, as given in the brief
            "42032119700101001",  # 郧县, which became 郧阳区 (420304) in 2014
            "42210119650101001",  # 咸宁地区 code, replaced by 4212xx in 1998
        ],
    )
    def test_former_county_codes_stay_valid(self, body):
        number = with_check(body)
        assert validate_resident_id(number, today=TODAY) == number

    def test_lowercase_x_accepted_and_stored_upper(self):
        assert validate_resident_id("11010519491231002x") == "11010519491231002X"

    def test_surrounding_whitespace_stripped(self):
        assert validate_resident_id("  11010519491231002X\n") == "11010519491231002X"

    def test_full_width_input_folded(self):
        full_width = "１１０１０５１９４９１２３１００２ｘ"
        assert validate_resident_id(full_width) == "11010519491231002X"

    def test_normalize(self):
        assert normalize_resident_id(" 11010519491231002x ") == "11010519491231002X"

    def test_wrong_check_char_reports_expected(self):
        exc = error_of(validate_resident_id, "110105194912310021")
        assert codes_of(exc) == ["invalid_checksum"]
        assert exc.messages == ["公民身份号码校验位错误：应为 X"]

    def test_wrong_check_char_expected_digit(self):
        exc = error_of(validate_resident_id, "42032419900307123X", today=TODAY)
        assert codes_of(exc) == ["invalid_checksum"]
        assert "应为 1" in exc.messages[0]

    def test_before_1900_rejected_even_with_correct_check_char(self):
        # The check char 4 is correct for this body; only the 1880 birth year is wrong.
        assert resident_id_check_char("44052418800101001") == "4"
        exc = error_of(validate_resident_id, "440524188001010014")
        assert codes_of(exc) == ["invalid_birth_date"]
        assert "公民身份号码出生日期无效" in exc.messages[0]
        assert "1900" in exc.messages[0]

    def test_first_day_of_1900_accepted(self):
        number = with_check("11010519000101001")
        assert validate_resident_id(number) == number

    @pytest.mark.parametrize("raw_date", ["19990230", "19991301", "19990000", "20230229"])
    def test_impossible_date_rejected(self, raw_date):
        exc = error_of(validate_resident_id, with_check(f"420324{raw_date}123"))
        assert codes_of(exc) == ["invalid_birth_date"]
        assert exc.messages[0].startswith("公民身份号码出生日期无效")
        assert raw_date in exc.messages[0]

    def test_leap_day_accepted(self):
        number = with_check("42032420000229123")
        assert validate_resident_id(number) == number

    def test_future_date_rejected(self):
        future = date.today() + timedelta(days=3)
        exc = error_of(validate_resident_id, with_check(f"420324{future:%Y%m%d}123"))
        assert codes_of(exc) == ["invalid_birth_date"]
        assert "晚于今天" in exc.messages[0]

    def test_future_relative_to_explicit_today(self):
        number = with_check("42032420250602123")
        assert codes_of(error_of(validate_resident_id, number, today=TODAY)) == [
            "invalid_birth_date"
        ]
        assert validate_resident_id(number, today=TODAY + timedelta(days=1)) == number

    def test_born_today_accepted(self):
        number = with_check(f"420324{TODAY:%Y%m%d}123")
        assert validate_resident_id(number, today=TODAY) == number

    @pytest.mark.parametrize("province", ["99", "00", "10", "16", "20", "39", "72", "91"])
    def test_bad_province_rejected(self, province):
        exc = error_of(validate_resident_id, with_check(f"{province}032419900307123"))
        assert codes_of(exc) == ["invalid_province"]
        assert province in exc.messages[0]

    @pytest.mark.parametrize(
        ("value", "length"),
        [("", 0), ("11010519491231002", 17), ("11010519491231002X0", 19), ("110105491231002", 15)],
    )
    def test_wrong_length_rejected(self, value, length):
        exc = error_of(validate_resident_id, value)
        assert codes_of(exc) == ["invalid_length"]
        assert exc.messages == [f"公民身份号码应为18位，当前为{length}位"]

    @pytest.mark.parametrize(
        "value",
        [
            "1101051949123100XX",  # X only allowed last
            "11010519491231002Y",
            "11010519491231002-",
            "1101 519491231002X",
            "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits: isdigit() but not ASCII
        ],
    )
    def test_bad_characters_rejected(self, value):
        assert codes_of(error_of(validate_resident_id, value)) == ["invalid_format"]

    def test_non_string_rejected(self):
        assert codes_of(error_of(validate_resident_id, 110105194912310020)) == ["invalid_type"]

    def test_check_char_requires_17_digits(self):
        with pytest.raises(ValueError):
            resident_id_check_char("1101051949123100")
        with pytest.raises(ValueError):
            resident_id_check_char("1101051949123100X")

    def test_parse(self):
        parsed = parse_resident_id("11010519491231002x")
        assert parsed == ResidentId(
            number="11010519491231002X", birth_date=date(1949, 12, 31), gender="F"
        )
        assert parse_resident_id(with_check("42032419900307123")).gender == "M"

    def test_parse_validates(self):
        assert codes_of(error_of(parse_resident_id, "110105194912310021")) == ["invalid_checksum"]

    def test_resident_id_is_frozen(self):
        parsed = parse_resident_id("11010519491231002X")
        with pytest.raises(AttributeError):
            parsed.gender = "M"  # type: ignore[misc]

    def test_mask(self):
        assert mask_resident_id("42032419900307123X") == "420324********123X"
        assert mask_resident_id(" 11010519491231002x ") == "110105********002X"

    def test_mask_malformed_values_never_shown_in_full(self):
        assert mask_resident_id("110105491231002") == "110105*****1002"
        assert mask_resident_id("1234567890") == "**********"
        assert mask_resident_id("") == ""


# ---------------------------------------------------------------------------------------------
# Resident ID: properties
# ---------------------------------------------------------------------------------------------

provinces = st.sampled_from(sorted(RESIDENT_ID_PROVINCES))


def digits(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


id_bodies = st.builds(
    lambda province, area, born, seq: f"{province}{area}{born:%Y%m%d}{seq}",
    provinces,
    digits(4),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    digits(3),
)


class TestResidentIdProperties:
    @given(id_bodies)
    def test_computed_check_char_validates(self, body):
        number = with_check(body)
        assert validate_resident_id(number, today=TODAY) == number

    @given(id_bodies, st.data())
    def test_any_other_check_char_fails(self, body, data):
        number = with_check(body)
        wrong = data.draw(st.sampled_from(other_id_check_chars(number)))
        exc = error_of(validate_resident_id, body + wrong, today=TODAY)
        assert codes_of(exc) == ["invalid_checksum"]
        assert exc.messages == [f"公民身份号码校验位错误：应为 {number[17]}"]

    @given(id_bodies, st.integers(min_value=0, max_value=16), st.data())
    def test_any_single_digit_substitution_fails(self, body, position, data):
        number = with_check(body)
        replacement = data.draw(st.sampled_from([d for d in "0123456789" if d != body[position]]))
        typo = number[:position] + replacement + number[position + 1 :]
        with pytest.raises(ValidationError):
            validate_resident_id(typo, today=TODAY)

    @given(id_bodies, st.integers(min_value=0, max_value=15))
    def test_adjacent_transposition_fails(self, body, position):
        number = with_check(body)
        a, b = number[position], number[position + 1]
        if a == b:
            return
        swapped = number[:position] + b + a + number[position + 2 :]
        with pytest.raises(ValidationError):
            validate_resident_id(swapped, today=TODAY)

    @given(id_bodies)
    def test_lowercase_equivalent(self, body):
        number = with_check(body)
        assert validate_resident_id(number.lower(), today=TODAY) == number

    @given(id_bodies)
    def test_parse_derives_birth_date_and_gender(self, body):
        parsed = parse_resident_id(with_check(body), today=TODAY)
        assert parsed.birth_date == date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
        assert parsed.gender == ("M" if int(body[16]) % 2 == 1 else "F")

    @given(id_bodies)
    def test_mask_keeps_six_and_four(self, body):
        number = with_check(body)
        masked = mask_resident_id(number)
        assert len(masked) == 18
        assert masked[:6] == number[:6]
        assert masked[-4:] == number[-4:]
        assert masked[6:14] == "*" * 8


# ---------------------------------------------------------------------------------------------
# Resident ID generator
# ---------------------------------------------------------------------------------------------


class TestMakeResidentId:
    @given(st.integers(min_value=0, max_value=2**32))
    def test_always_valid_with_defaults(self, seed):
        number = make_resident_id(random.Random(seed))
        parsed = parse_resident_id(number)
        assert number.startswith("420324")
        assert date(1960, 1, 1) <= parsed.birth_date <= date(2005, 12, 31)

    @given(
        st.integers(min_value=0, max_value=2**32),
        provinces,
        digits(4),
        st.dates(min_value=date(1900, 1, 1), max_value=date.today()),
        st.sampled_from(["M", "F"]),
    )
    def test_requested_fields_are_encoded(self, seed, province, area_rest, born, gender):
        area = province + area_rest
        number = make_resident_id(random.Random(seed), area=area, birth_date=born, gender=gender)
        parsed = parse_resident_id(number)
        assert parsed.number[:6] == area
        assert parsed.birth_date == born
        assert parsed.gender == gender

    def test_deterministic(self):
        first = [make_resident_id(random.Random(7)) for _ in range(3)]
        assert len(set(first)) == 1
        rng_a, rng_b = random.Random(42), random.Random(42)
        assert [make_resident_id(rng_a) for _ in range(20)] == [
            make_resident_id(rng_b) for _ in range(20)
        ]

    def test_both_genders_when_unspecified(self):
        rng = random.Random(1)
        genders = {parse_resident_id(make_resident_id(rng)).gender for _ in range(50)}
        assert genders == {"M", "F"}

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"area": "990324"},
            {"area": "42032"},
            {"area": "42032A"},
            {"gender": "X"},
            {"birth_date": date(1899, 12, 31)},
            {"birth_date": date.today() + timedelta(days=3)},
        ],
    )
    def test_rejects_bad_arguments(self, kwargs):
        with pytest.raises(ValueError):
            make_resident_id(random.Random(0), **kwargs)


# ---------------------------------------------------------------------------------------------
# Unified social credit code
# ---------------------------------------------------------------------------------------------


class TestCreditCodeExamples:
    @pytest.mark.parametrize(
        "code",
        [
            "91420324MA4F00000H",  # 市场监管 (formerly 工商), enterprise
            "N1420324MA0000000L",  # 农业: rejected by python-stdnum
            "Y1420324MA0000000C",  # 其他: rejected by python-stdnum
            "A1420324MA00000001",  # 中央军委改革和编制办公室
            "81420324MA00000003",  # 工会: a union's own code
            "91110000100000000R",
            "12100000400000000W",  # 机构编制, 事业单位
        ],
    )
    def test_valid_codes(self, code):
        assert validate_credit_code(code) == code

    def test_check_char_examples(self):
        assert credit_code_check_char("81420324MA0000000") == "3"
        assert credit_code_check_char("N1420324MA0000000") == "L"

    def test_check_char_can_be_zero(self):
        # (31 - sum % 31) % 31 maps a sum divisible by 31 to "0", not to an out-of-range 31.
        assert credit_code_check_char("0" * 17) == "0"

    def test_lowercase_and_whitespace_normalised(self):
        assert validate_credit_code("  n1420324ma0000000l ") == "N1420324MA0000000L"
        assert normalize_credit_code(" 81420324ma00000003") == "81420324MA00000003"

    def test_full_width_input_folded(self):
        assert validate_credit_code("８１４２０３２４ＭＡ０００００００３") == "81420324MA00000003"

    def test_wrong_check_char_reports_expected(self):
        exc = error_of(validate_credit_code, "81420324MA00000004")
        assert codes_of(exc) == ["invalid_checksum"]
        assert exc.messages == ["统一社会信用代码校验位错误：应为 3"]

    @pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
    def test_excluded_letters_rejected(self, letter):
        exc = error_of(validate_credit_code, f"91420324MA4F0000{letter}H")
        assert codes_of(exc) == ["invalid_format"]
        assert letter in exc.messages[0]

    @pytest.mark.parametrize("authority", ["0", "B", "C", "G", "X"])
    def test_bad_authority_rejected(self, authority):
        code = with_credit_check(f"{authority}1420324MA0000000")
        exc = error_of(validate_credit_code, code)
        assert codes_of(exc) == ["invalid_authority"]
        assert authority in exc.messages[0]

    def test_non_digit_area_rejected(self):
        code = with_credit_check("9142A324MA0000000")
        exc = error_of(validate_credit_code, code)
        assert codes_of(exc) == ["invalid_area"]
        assert "42A324" in exc.messages[0]

    @pytest.mark.parametrize(("value", "length"), [("", 0), ("81420324MA0000000", 17)])
    def test_wrong_length_rejected(self, value, length):
        exc = error_of(validate_credit_code, value)
        assert codes_of(exc) == ["invalid_length"]
        assert exc.messages == [f"统一社会信用代码应为18位，当前为{length}位"]

    def test_non_string_rejected(self):
        assert codes_of(error_of(validate_credit_code, None)) == ["invalid_type"]

    def test_check_char_requires_alphabet(self):
        with pytest.raises(ValueError):
            credit_code_check_char("81420324MA000000I")
        with pytest.raises(ValueError):
            credit_code_check_char("81420324MA00000")


def alphabet_text(n: int):
    return st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=n, max_size=n)


credit_bodies = st.builds(
    lambda authority, category, area, org: f"{authority}{category}{area}{org}",
    st.sampled_from("123456789ANY"),
    alphabet_text(1),
    digits(6),
    alphabet_text(9),
)


class TestCreditCodeProperties:
    @given(credit_bodies)
    def test_computed_check_char_validates(self, body):
        code = with_credit_check(body)
        assert validate_credit_code(code) == code
        assert validate_credit_code(code.lower()) == code

    @given(credit_bodies, st.data())
    def test_any_other_check_char_fails(self, body, data):
        expected = credit_code_check_char(body)
        wrong = data.draw(st.sampled_from([c for c in CREDIT_CODE_ALPHABET if c != expected]))
        exc = error_of(validate_credit_code, body + wrong)
        assert codes_of(exc) == ["invalid_checksum"]
        assert exc.messages == [f"统一社会信用代码校验位错误：应为 {expected}"]

    @given(credit_bodies, st.integers(min_value=0, max_value=17), st.data())
    def test_any_single_substitution_fails(self, body, position, data):
        code = with_credit_check(body)
        replacement = data.draw(
            st.sampled_from([c for c in CREDIT_CODE_ALPHABET if c != code[position]])
        )
        typo = code[:position] + replacement + code[position + 1 :]
        with pytest.raises(ValidationError):
            validate_credit_code(typo)

    @given(credit_bodies, st.integers(min_value=0, max_value=15))
    def test_adjacent_transposition_fails(self, body, position):
        code = with_credit_check(body)
        a, b = code[position], code[position + 1]
        if a == b:
            return
        swapped = code[:position] + b + a + code[position + 2 :]
        with pytest.raises(ValidationError):
            validate_credit_code(swapped)


class TestMakeCreditCode:
    @given(
        st.integers(min_value=0, max_value=2**32),
        st.sampled_from("123456789ANY"),
        alphabet_text(1),
        digits(6),
    )
    def test_always_valid(self, seed, authority, category, area):
        code = make_credit_code(
            random.Random(seed), authority=authority, category=category, area=area
        )
        assert validate_credit_code(code) == code
        assert code[:8] == f"{authority}{category}{area}"
        assert all(c in CREDIT_CODE_ALPHABET for c in code[8:17])

    def test_defaults(self):
        code = make_credit_code(random.Random(3))
        assert code.startswith("91420324")
        assert validate_credit_code(code) == code

    def test_union_code(self):
        code = make_credit_code(random.Random(3), authority="8", category="1")
        assert code.startswith("81420324")
        assert validate_credit_code(code) == code

    def test_deterministic(self):
        rng_a, rng_b = random.Random(99), random.Random(99)
        assert [make_credit_code(rng_a) for _ in range(20)] == [
            make_credit_code(rng_b) for _ in range(20)
        ]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"authority": "0"},
            {"authority": "91"},
            {"category": "I"},
            {"category": ""},
            {"area": "4203"},
            {"area": "4203A4"},
        ],
    )
    def test_rejects_bad_arguments(self, kwargs):
        with pytest.raises(ValueError):
            make_credit_code(random.Random(0), **kwargs)


# ---------------------------------------------------------------------------------------------
# Mobile numbers
# ---------------------------------------------------------------------------------------------


class TestMobile:
    @pytest.mark.parametrize(
        "value",
        [
            "13812345678",
            " 13812345678 ",
            "138 1234 5678",
            "138-1234-5678",
            "+8613812345678",
            "+86 138 1234 5678",
            "+86-138-1234-5678",
            "8613812345678",
            "86 138-1234-5678",
            "１３８１２３４５６７８",  # full-width digits from a Chinese IME
        ],
    )
    def test_valid(self, value):
        assert validate_mobile(value) == "13812345678"

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            ("", "invalid_format"),
            ("1381234567", "invalid_length"),
            ("138123456789", "invalid_length"),
            ("+861381234567", "invalid_format"),  # +86 with only 10 digits is not stripped
            ("23812345678", "invalid_prefix"),
            ("1381234567a", "invalid_format"),
            ("(138)12345678", "invalid_format"),
            ("010-12345678", "invalid_prefix"),  # landline
            ("١٣٨١٢٣٤٥٦٧٨", "invalid_format"),  # Arabic-Indic digits
        ],
    )
    def test_invalid(self, value, code):
        assert codes_of(error_of(validate_mobile, value)) == [code]

    def test_length_message(self):
        exc = error_of(validate_mobile, "1381234567")
        assert exc.messages == ["手机号码应为11位，当前为10位"]

    def test_non_string_rejected(self):
        assert codes_of(error_of(validate_mobile, 13812345678)) == ["invalid_type"]

    def test_normalize_only_strips_86_before_eleven_digits(self):
        assert normalize_mobile("+86 138 1234 5678") == "13812345678"
        assert normalize_mobile("86123") == "86123"

    def test_mask(self):
        assert mask_mobile("13812345678") == "138****5678"
        assert mask_mobile("+86 138-1234-5678") == "138****5678"
        assert mask_mobile("1234567") == "*******"

    @given(st.integers(min_value=0, max_value=2**32))
    def test_generator_valid_and_masked(self, seed):
        number = make_mobile(random.Random(seed))
        assert validate_mobile(number) == number
        assert number[1] in "3456789"
        masked = mask_mobile(number)
        assert masked == number[:3] + "****" + number[-4:]

    def test_generator_deterministic(self):
        rng_a, rng_b = random.Random(5), random.Random(5)
        assert [make_mobile(rng_a) for _ in range(20)] == [make_mobile(rng_b) for _ in range(20)]


# ---------------------------------------------------------------------------------------------
# Password validator
# ---------------------------------------------------------------------------------------------


class TestCharacterClassPasswordValidator:
    validator = CharacterClassPasswordValidator()

    @pytest.mark.parametrize(
        "password", ["abc12345", "A1", "Passw0rd!", "工会密码2024", "ｐａｓｓ１"]
    )
    def test_accepts(self, password):
        assert self.validator.validate(password) is None
        assert self.validator.validate(password, user=object()) is None

    def test_digits_only_rejected(self):
        exc = error_of(self.validator.validate, "19900307")
        assert codes_of(exc) == ["password_no_letter"]
        assert exc.messages == ["密码必须至少包含一个字母"]

    def test_letters_only_rejected(self):
        exc = error_of(self.validator.validate, "password")
        assert codes_of(exc) == ["password_no_digit"]
        assert exc.messages == ["密码必须至少包含一个数字"]

    def test_symbols_only_reports_both(self):
        exc = error_of(self.validator.validate, "!@#$%^&*")
        assert codes_of(exc) == ["password_no_letter", "password_no_digit"]

    def test_superscript_is_not_a_digit(self):
        # "²" passes str.isdigit() but is not something a user would call a digit.
        assert codes_of(error_of(self.validator.validate, "password²")) == ["password_no_digit"]

    def test_help_text(self):
        assert str(self.validator.get_help_text()) == "密码必须同时包含字母和数字。"
