"""Who the worker is: the mobile number they proved with a one-time code, kept in the session.

This is separate from staff authentication: `request.user` stays anonymous and a worker never
gets a staff permission. The session holds the number encrypted and its keyed hash, which is how
the registry finds the worker's own records.
"""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from gonghui.core import pii
from gonghui.core.validators import mask_mobile

SESSION_KEY = "gonghui_portal_worker"
# Between asking for a code and typing it: the number it was sent to (encrypted).
PENDING_KEY = "gonghui_portal_pending"


@dataclass(frozen=True)
class Worker:
    phone_hash: str
    phone_encrypted: str

    @property
    def phone(self) -> str:
        return pii.decrypt(self.phone_encrypted)

    @property
    def phone_masked(self) -> str:
        return mask_mobile(self.phone)


def sign_in(request, number: str) -> None:
    # A new session key on sign-in: a key planted before it must not inherit the identity.
    request.session.cycle_key()
    request.session.pop(PENDING_KEY, None)
    request.session[SESSION_KEY] = {
        "phone": pii.encrypt(number),
        "phone_hash": pii.keyed_hash(number),
        "at": timezone.now().isoformat(),
    }


def sign_out(request) -> None:
    # Only the worker's keys: a staff login in the same browser stays as it was.
    request.session.pop(SESSION_KEY, None)
    request.session.pop(PENDING_KEY, None)


def current_worker(request) -> Worker | None:
    data = request.session.get(SESSION_KEY)
    if not data or not data.get("phone_hash"):
        return None
    return Worker(phone_hash=data["phone_hash"], phone_encrypted=data["phone"])


def set_pending(request, number: str) -> None:
    request.session[PENDING_KEY] = pii.encrypt(number)


def pending_number(request) -> str | None:
    token = request.session.get(PENDING_KEY)
    return pii.decrypt(token) if token else None


def safe_next(request, default: str = "") -> str:
    """The `next` parameter if it points into this site, else `default` (the portal home)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("portal:home")


def signin_url(next_path: str) -> str:
    return f"{reverse('portal:signin')}?{urlencode({'next': next_path})}"


def worker_required(view):
    """Portal pages: open to the public (no staff login), but a worker must have signed in."""

    @login_not_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        worker = current_worker(request)
        if worker is None:
            return redirect(signin_url(request.get_full_path()))
        request.worker = worker
        return view(request, *args, **kwargs)

    return wrapper


def client_address(request) -> str:
    header = settings.GONGHUI_PORTAL_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", ""))[:64]
