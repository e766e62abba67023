"""Text messages to workers: one-time codes and notices of what happened to their applications.

The backend is pluggable, like Django's e-mail backends: `GONGHUI_SMS_BACKEND` names a class with
`send_messages(messages)`. The console backend (the default, and the tests') writes each message to
the log and keeps it in `outbox`; the HTTP backend posts to a provider's gateway.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

# Messages the console backend sent in this process, newest last (tests read and clear it).
outbox: list["Message"] = []


@dataclass(frozen=True)
class Message:
    phone: str
    text: str


_muted = threading.local()


@contextmanager
def muted():
    """Send nothing inside the block: generated data (the demo) goes through the services, but
    nobody is there to be told."""
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = False


def backend():
    return import_string(settings.GONGHUI_SMS_BACKEND)()


def send(*, phone: str, text: str) -> None:
    """Send now (one-time codes: the worker is waiting for it)."""
    if phone and not getattr(_muted, "on", False):
        backend().send_messages([Message(phone=phone, text=text)])


def send_on_commit(*, phone: str, text: str) -> None:
    """Send when the surrounding transaction commits: a notice of a change that was rolled back
    would tell the worker something that is not true."""
    if phone and not getattr(_muted, "on", False):
        transaction.on_commit(lambda: send(phone=phone, text=text))
