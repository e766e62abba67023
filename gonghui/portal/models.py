"""One-time sign-in codes and the per-number guard against guessing them.

Nothing here holds a phone number or a code in clear: numbers are keyed hashes (the same hash the
registry uses, so a verified phone finds its own records) and codes are HMACs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OneTimeCode(models.Model):
    phone_hash = models.CharField(max_length=64)
    # The client address, hashed: it is only counted (rate limit), never shown.
    address_hash = models.CharField(max_length=64, blank=True)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # Set when a newer code was sent to the same number: only the newest code signs in.
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        indexes = [
            models.Index(fields=["phone_hash", "created_at"], name="otp_phone_created"),
            models.Index(fields=["address_hash", "created_at"], name="otp_address_created"),
            models.Index(fields=["created_at"], name="otp_created"),
        ]

    def __str__(self) -> str:
        return f"OTP {self.pk} ({self.created_at:%Y-%m-%d %H:%M})"


class PhoneGuard(models.Model):
    """Wrong codes for one number; its row is also the lock that serialises that number's codes."""

    phone_hash = models.CharField(max_length=64, unique=True)
    failures = models.PositiveSmallIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("验证码错误计数")
        verbose_name_plural = _("验证码错误计数")

    def __str__(self) -> str:
        return f"PhoneGuard {self.pk}"
