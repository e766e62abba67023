"""One-time codes: hashing, expiry, single use, supersession, lock-out and rate limits."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.core import pii, sms
from gonghui.portal import otp
from gonghui.portal.models import OneTimeCode, PhoneGuard
from gonghui.portal.tests.conftest import last_code

pytestmark = pytest.mark.django_db

PHONE = "13700001111"
ADDRESS = "10.0.0.1"


def later(**kwargs) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**kwargs)


def test_a_code_goes_by_text_and_is_stored_hashed():
    number = otp.request_code(phone="+86 137-0000-1111", address=ADDRESS)
    assert number == PHONE
    assert sms.outbox[-1].phone == PHONE
    code = last_code()
    row = OneTimeCode.objects.get()
    assert row.phone_hash == pii.keyed_hash(PHONE)
    assert code not in row.code_hash and PHONE not in row.phone_hash
    assert row.address_hash and ADDRESS not in row.address_hash
    assert otp.verify_code(phone=PHONE, code=code) == PHONE


def test_a_code_is_single_use():
    otp.request_code(phone=PHONE, address=ADDRESS)
    code = last_code()
    otp.verify_code(phone=PHONE, code=code)
    with pytest.raises(otp.OtpRefused, match="已使用"):
        otp.verify_code(phone=PHONE, code=code)


def test_a_code_expires(settings):
    settings.GONGHUI_OTP_TTL_SECONDS = 300
    otp.request_code(phone=PHONE, address=ADDRESS)
    with pytest.raises(otp.OtpRefused, match="已过期"):
        otp.verify_code(phone=PHONE, code=last_code(), now=later(seconds=301))


def test_a_new_code_invalidates_the_old_one():
    otp.request_code(phone=PHONE, address=ADDRESS)
    old = last_code()
    otp.request_code(phone=PHONE, address=ADDRESS, now=later(seconds=61))
    new = last_code()
    if old == new:  # one chance in a million
        pytest.skip("the two codes happen to be equal")
    with pytest.raises(otp.OtpRefused, match="已失效"):
        otp.verify_code(phone=PHONE, code=old, now=later(seconds=62))
    assert otp.verify_code(phone=PHONE, code=new, now=later(seconds=62)) == PHONE


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_five_wrong_codes_lock_the_number(settings):
    settings.GONGHUI_OTP_LOCK_MINUTES = 30
    otp.request_code(phone=PHONE, address=ADDRESS)
    code = last_code()
    for left in (4, 3, 2, 1):
        with pytest.raises(otp.OtpRefused, match=f"还可尝试{left}次"):
            otp.verify_code(phone=PHONE, code=wrong(code))
    with pytest.raises(otp.OtpRefused, match="已锁定"):
        otp.verify_code(phone=PHONE, code=wrong(code))
    # Locked: even the right code, and no new code either.
    with pytest.raises(otp.OtpRefused, match="锁定"):
        otp.verify_code(phone=PHONE, code=code)
    with pytest.raises(otp.OtpRefused, match="锁定"):
        otp.request_code(phone=PHONE, address=ADDRESS, now=later(minutes=5))
    # After the lock period a new code works.
    otp.request_code(phone=PHONE, address=ADDRESS, now=later(minutes=31))
    assert otp.verify_code(phone=PHONE, code=last_code(), now=later(minutes=31)) == PHONE


def test_the_lock_is_per_number():
    otp.request_code(phone=PHONE, address=ADDRESS)
    code = last_code()
    for _ in range(5):
        with pytest.raises(otp.OtpRefused):
            otp.verify_code(phone=PHONE, code=wrong(code))
    otp.request_code(phone="13700002222", address=ADDRESS)
    assert otp.verify_code(phone="13700002222", code=last_code()) == "13700002222"


def test_a_success_clears_the_wrong_count():
    otp.request_code(phone=PHONE, address=ADDRESS)
    code = last_code()
    for _ in range(4):
        with pytest.raises(otp.OtpRefused):
            otp.verify_code(phone=PHONE, code=wrong(code))
    otp.verify_code(phone=PHONE, code=code)
    assert PhoneGuard.objects.get().failures == 0


def test_malformed_input_is_named_and_not_counted():
    with pytest.raises(ValidationError) as exc:
        otp.request_code(phone="1370000", address=ADDRESS)
    assert "11位" in exc.value.message_dict["phone"][0]
    otp.request_code(phone=PHONE, address=ADDRESS)
    with pytest.raises(ValidationError) as exc:
        otp.verify_code(phone=PHONE, code="12ab")
    assert "6位数字" in exc.value.message_dict["code"][0]
    assert not PhoneGuard.objects.filter(failures__gt=0).exists()


def test_one_code_per_minute_per_number(settings):
    settings.GONGHUI_OTP_RESEND_SECONDS = 60
    otp.request_code(phone=PHONE, address=ADDRESS)
    with pytest.raises(otp.OtpRefused, match="秒后"):
        otp.request_code(phone=PHONE, address=ADDRESS, now=later(seconds=30))
    assert len(sms.outbox) == 1
    otp.request_code(phone=PHONE, address=ADDRESS, now=later(seconds=61))
    assert len(sms.outbox) == 2


def test_five_codes_per_hour_per_number(settings):
    settings.GONGHUI_OTP_PER_NUMBER_PER_HOUR = 5
    for i in range(5):
        otp.request_code(phone=PHONE, address=ADDRESS, now=later(minutes=2 * i))
    with pytest.raises(otp.OtpRefused, match="该手机号获取验证码过于频繁"):
        otp.request_code(phone=PHONE, address=ADDRESS, now=later(minutes=12))
    otp.request_code(phone=PHONE, address=ADDRESS, now=later(minutes=61))


def test_codes_per_hour_per_address(settings):
    settings.GONGHUI_OTP_PER_ADDRESS_PER_HOUR = 3
    for i in range(3):
        otp.request_code(phone=f"1370000000{i}", address=ADDRESS)
    with pytest.raises(otp.OtpRefused, match="当前网络"):
        otp.request_code(phone="13700000009", address=ADDRESS)
    otp.request_code(phone="13700000009", address="10.0.0.2")


def test_old_codes_are_deleted():
    otp.request_code(phone=PHONE, address=ADDRESS, now=later(days=-2))
    otp.request_code(phone=PHONE, address=ADDRESS)
    assert OneTimeCode.objects.count() == 1
