"""API token authentication with an expiry.

Kept apart from core.api (like api_pagination): settings may name this class in
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"], which DRF imports while its own views load.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

DEFAULT_TOKEN_DAYS = 90


def token_days() -> int:
    """Days a token is valid (setting GONGHUI_API_TOKEN_DAYS, default 90; 0 = no expiry)."""
    return int(getattr(settings, "GONGHUI_API_TOKEN_DAYS", DEFAULT_TOKEN_DAYS))


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`; a token older than GONGHUI_API_TOKEN_DAYS is refused (401).
    Renew with `gonghui drf_create_token -r USERNAME`."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        days = token_days()
        if days and token.created < timezone.now() - datetime.timedelta(days=days):
            raise AuthenticationFailed(_("令牌已过期，请重新生成"))
        return user, token
