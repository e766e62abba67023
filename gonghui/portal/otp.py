"""Signing in to the worker portal with a mobile number and a one-time code (the only code that
writes OneTimeCode and PhoneGuard).

A code is six digits, sent by text message, stored as an HMAC, valid for a few minutes and once;
asking for a new one invalidates the old. Numbers and client addresses are rate-limited, and too
many wrong codes lock the number for a while, whoever asks. All limits are settings.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from gonghui.core import pii, sms
from gonghui.core.validators import validate_mobile
from gonghui.portal.models import OneTimeCode, PhoneGuard

HOUR = datetime.timedelta(hours=1)
# Codes older than this are deleted when new ones are issued: nothing needs them any more.
KEEP = datetime.timedelta(days=1)
CODE_DIGITS = 6


class OtpRefused(Exception):
    """A code was not sent or not accepted; the message says why and when to retry."""

    def __init__(self, message: str, *, field: str = "code"):
        super().__init__(message)
        self.message = message
        self.field = field


class CodeAlreadySent(OtpRefused):
    """A code went to this number less than a minute ago: no new one yet, but the one sent is
    still good, so the worker is taken to type it rather than stopped at the number."""


def _code_hash(phone_hash: str, code: str) -> str:
    return salted_hmac("gonghui.portal.otp", f"{phone_hash}:{code}").hexdigest()


def address_hash(address: str) -> str:
    return pii.keyed_hash(f"address:{address}") if address else ""


def _at(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def _guard(phone_hash: str) -> PhoneGuard:
    """The number's guard row, locked until the transaction ends (serialises its requests)."""
    guard, _created = PhoneGuard.objects.select_for_update().get_or_create(phone_hash=phone_hash)
    return guard


def _check_lock(guard: PhoneGuard, now) -> None:
    if guard.locked_until and guard.locked_until > now:
        raise OtpRefused(
            _("验证码错误次数过多，该手机号已暂时锁定，请于%(time)s后再试")
            % {"time": _at(guard.locked_until)},
            field="phone",
        )


def _check_rate(phone_hash: str, addr_hash: str, now) -> None:
    recent = OneTimeCode.objects.filter(created_at__gt=now - HOUR)
    mine = recent.filter(phone_hash=phone_hash).order_by("created_at")
    last = mine.last()
    resend = datetime.timedelta(seconds=settings.GONGHUI_OTP_RESEND_SECONDS)
    if last is not None and last.created_at + resend > now:
        wait = int((last.created_at + resend - now).total_seconds()) + 1
        raise CodeAlreadySent(
            _("验证码已发送，请%(seconds)d秒后再重新获取") % {"seconds": wait}, field="phone"
        )
    if mine.count() >= settings.GONGHUI_OTP_PER_NUMBER_PER_HOUR:
        raise OtpRefused(
            _("该手机号获取验证码过于频繁，请于%(time)s后再试")
            % {"time": _at(mine.first().created_at + HOUR)},
            field="phone",
        )
    if addr_hash:
        from_here = recent.filter(address_hash=addr_hash).order_by("created_at")
        if from_here.count() >= settings.GONGHUI_OTP_PER_ADDRESS_PER_HOUR:
            raise OtpRefused(
                _("当前网络获取验证码过于频繁，请于%(time)s后再试")
                % {"time": _at(from_here.first().created_at + HOUR)},
                field="phone",
            )


@transaction.atomic
def _issue(number: str, address: str, now) -> str:
    phone_hash = pii.keyed_hash(number)
    guard = _guard(phone_hash)
    _check_lock(guard, now)
    addr_hash = address_hash(address)
    _check_rate(phone_hash, addr_hash, now)
    OneTimeCode.objects.filter(created_at__lt=now - KEEP).delete()
    OneTimeCode.objects.filter(
        phone_hash=phone_hash, used_at__isnull=True, superseded_at__isnull=True
    ).update(superseded_at=now)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    OneTimeCode.objects.create(
        phone_hash=phone_hash,
        address_hash=addr_hash,
        code_hash=_code_hash(phone_hash, code),
        created_at=now,
        expires_at=now + datetime.timedelta(seconds=settings.GONGHUI_OTP_TTL_SECONDS),
    )
    return code


def request_code(*, phone: str, address: str, now: datetime.datetime | None = None) -> str:
    """Send a new code to `phone` and return the number (normalised). Raises ValidationError
    (a bad number, on "phone") or OtpRefused (locked or too many requests)."""
    try:
        number = validate_mobile(phone or "")
    except ValidationError as exc:
        raise ValidationError({"phone": exc.messages}) from None
    now = now or timezone.now()
    code = _issue(number, address, now)
    minutes = max(1, settings.GONGHUI_OTP_TTL_SECONDS // 60)
    # Sent after the commit above: the worker is waiting, and the code is already valid.
    sms.send(
        phone=number,
        text=_("您的工会职工端验证码为%(code)s，%(minutes)d分钟内有效。请勿告诉他人。")
        % {"code": code, "minutes": minutes},
    )
    return number


@transaction.atomic
def _check(number: str, code: str, now) -> str | None:
    """None when the code signs in; otherwise the reason. Failures are saved, never rolled back
    (the caller raises after this transaction commits)."""
    phone_hash = pii.keyed_hash(number)
    guard = _guard(phone_hash)
    try:
        _check_lock(guard, now)
    except OtpRefused as exc:
        return exc.message
    wanted = _code_hash(phone_hash, code)
    candidates = OneTimeCode.objects.filter(
        phone_hash=phone_hash, created_at__gt=now - KEEP
    ).order_by("-created_at")
    otp = next((c for c in candidates if constant_time_compare(c.code_hash, wanted)), None)
    if otp is None:
        return _fail(guard, now)
    if otp.used_at:
        return _("该验证码已使用过，请重新获取验证码")
    if otp.superseded_at:
        return _("该验证码已失效（您已重新获取），请输入最新收到的验证码")
    if otp.expires_at <= now:
        return _("验证码已过期，请重新获取")
    otp.used_at = now
    otp.save(update_fields=["used_at"])
    guard.failures = 0
    guard.last_failure_at = guard.locked_until = None
    guard.save()
    return None


def _fail(guard: PhoneGuard, now) -> str:
    limit = settings.GONGHUI_OTP_FAILURE_LIMIT
    lock = datetime.timedelta(minutes=settings.GONGHUI_OTP_LOCK_MINUTES)
    # Old mistakes are forgiven: only wrong codes within one lock period add up.
    if guard.last_failure_at is None or guard.last_failure_at <= now - lock:
        guard.failures = 0
    guard.failures += 1
    guard.last_failure_at = now
    if guard.failures >= limit:
        guard.failures = 0
        guard.locked_until = now + lock
        guard.save()
        return _("验证码错误次数过多，该手机号已锁定至%(time)s，请届时重新获取验证码") % {
            "time": _at(guard.locked_until)
        }
    guard.save()
    return _("验证码错误，还可尝试%(left)d次") % {"left": limit - guard.failures}


def verify_code(*, phone: str, code: str, now: datetime.datetime | None = None) -> str:
    """Check `code` for `phone`; return the number (normalised) when it signs in. Raises
    ValidationError for malformed input and OtpRefused otherwise."""
    try:
        number = validate_mobile(phone or "")
    except ValidationError as exc:
        raise ValidationError({"phone": exc.messages}) from None
    code = (code or "").strip()
    if len(code) != CODE_DIGITS or not (code.isascii() and code.isdigit()):
        raise ValidationError({"code": _("验证码应为6位数字")})
    reason = _check(number, code, now or timezone.now())
    if reason is not None:
        raise OtpRefused(reason)
    return number
