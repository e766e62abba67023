"""A whole ID number or mobile number never travels in a URL (so never in the web server's access
log, a proxy's log or the browser's history), while every other filter still bookmarks.

Search forms post (`method="post"` with a hidden `_search`): the middleware turns the post into
the list's GET address, replacing such a value of `q` by an opaque token kept in the user's
session (`q=~Xk3…`), and redirects there. On the GET, the token is opened again before any view
runs, so filters see the number itself; links the page builds (pagination, sorting, export) are
made from the sealed query (`request.sealed_get`). A clear number that still arrives in a URL
(typed, an old bookmark) is sealed the same way, by a redirect. The API refuses it instead
(`gonghui.core.api`): exact look-ups there go through POST.
"""

import secrets
from urllib.parse import urlencode

from django.http import HttpResponseRedirect

from gonghui.core.search import FULL_ID, MOBILE, normalise

FIELDS = ("q",)  # the query parameters that may carry a number
MARK = "~"
SESSION_KEY = "sealed_search"
KEPT = 20  # tokens a session keeps (the latest searches)
IGNORED = ("csrfmiddlewaretoken", "_search")


def is_personal(value: str) -> bool:
    value = normalise(value or "").upper()
    return bool(FULL_ID.match(value) or MOBILE.match(value))


def seal(session, value: str) -> str:
    tokens = session.get(SESSION_KEY, {})
    token = secrets.token_urlsafe(9)
    tokens[token] = value
    session[SESSION_KEY] = dict(list(tokens.items())[-KEPT:])
    return MARK + token


def unseal(session, token: str) -> str:
    """The number a token stands for in this session; an unknown token (another session's, an
    expired one) stays itself and matches nothing, rather than widening the search to all."""
    return session.get(SESSION_KEY, {}).get(token.removeprefix(MARK), token)


def _sealed_params(request, source) -> list[tuple[str, str]]:
    params = []
    for key, values in source.lists():
        if key in IGNORED:
            continue
        for value in values:
            if key in FIELDS and is_personal(value):
                value = seal(request.session, value)
            if value != "":
                params.append((key, value))
    return params


def _redirect(request, params) -> HttpResponseRedirect:
    query = urlencode(params)
    return HttpResponseRedirect(request.path + (f"?{query}" if query else ""), status=303)


class SealedSearchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") or not hasattr(request, "session"):
            return self.get_response(request)
        form = request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
        if request.method == "POST" and form and "_search" in request.POST:
            return _redirect(request, _sealed_params(request, request.POST))
        if request.method == "GET":
            if any(is_personal(v) for f in FIELDS for v in request.GET.getlist(f)):
                return _redirect(request, _sealed_params(request, request.GET))
            sealed = [f for f in FIELDS if request.GET.get(f, "").startswith(MARK)]
            if sealed:
                request.sealed_get = request.GET
                opened = request.GET.copy()
                for name in sealed:
                    opened[name] = unseal(request.session, opened[name])
                request.GET = opened
        return self.get_response(request)


def query_of(request):
    """The query as the address shows it (sealed): what links of this page are built from."""
    return getattr(request, "sealed_get", request.GET)
