"""SMS backends. A backend failing to deliver logs and raises nothing: a text that did not go out
must never undo the approval it reports (codes can be asked for again)."""

import json
import logging
import urllib.request

from django.conf import settings

from gonghui.core import sms
from gonghui.core.validators import mask_mobile

logger = logging.getLogger("gonghui.sms")


class ConsoleBackend:
    """Development and tests: the log, and `gonghui.core.sms.outbox`."""

    def send_messages(self, messages) -> None:
        for message in messages:
            sms.outbox.append(message)
            # The number masked: a log is not a place for personal data; the text is the code.
            logger.info("SMS to %s: %s", mask_mobile(message.phone), message.text)


class HttpBackend:
    """A provider gateway taking JSON `{"phone", "text", "sign"}` with a bearer token, which is the
    shape of the county's SMS platform and of the common provider relays.

    Configured by `GONGHUI_SMS_URL`, `GONGHUI_SMS_TOKEN`, `GONGHUI_SMS_SIGN` (the 【signature】).
    """

    timeout = 5

    def send_messages(self, messages) -> None:
        for message in messages:
            body = json.dumps(
                {"phone": message.phone, "text": message.text, "sign": settings.GONGHUI_SMS_SIGN}
            ).encode()
            request = urllib.request.Request(
                settings.GONGHUI_SMS_URL,
                data=body,
                method="POST",
                headers={
                    "Content-Type": "application/json",
                    "Authorization": f"Bearer {settings.GONGHUI_SMS_TOKEN}",
                },
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
            except OSError:
                logger.exception("SMS to %s failed", mask_mobile(message.phone))
