"""Deployment checks of Gonghui's own settings (`gonghui check --deploy`)."""

from django.conf import settings
from django.core import checks

CONSOLE_SMS = "gonghui.core.sms.backends.ConsoleBackend"


@checks.register(checks.Tags.security, deploy=True)
def sms_backend_delivers(app_configs, **kwargs):
    """In production the console backend would only log one-time codes: workers could not sign
    in to the portal, and nobody would be told anything."""
    problems = []
    if settings.GONGHUI_SMS_BACKEND == CONSOLE_SMS:
        problems.append(
            checks.Warning(
                "GONGHUI_SMS_BACKEND is the console backend: text messages are only logged.",
                hint="Set GONGHUI_SMS_BACKEND=gonghui.core.sms.backends.HttpBackend and "
                "GONGHUI_SMS_URL / GONGHUI_SMS_TOKEN.",
                id="gonghui.W001",
            )
        )
    elif settings.GONGHUI_SMS_BACKEND.endswith(".HttpBackend") and not settings.GONGHUI_SMS_URL:
        problems.append(
            checks.Error("GONGHUI_SMS_URL is not set for the HTTP SMS backend.", id="gonghui.E001")
        )
    return problems
