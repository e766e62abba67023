"""Where a signed-in user who holds no role lands: modules with role-less accounts (a partner
merchant's counter staff) register a function from their AppConfig.ready, so core never imports
them."""

from collections.abc import Callable

LANDINGS: list[Callable] = []  # fn(user) -> URL or None


def register_landing(fn: Callable) -> None:
    if fn not in LANDINGS:
        LANDINGS.append(fn)


def landing_for(user) -> str | None:
    for fn in LANDINGS:
        url = fn(user)
        if url:
            return url
    return None
