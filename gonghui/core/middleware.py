from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Every page needs a login, except the API (it answers 401/403 itself) and the static files."""

    open_prefixes = ("/api/", "/static/")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(self.open_prefixes):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PrivacyHeadersMiddleware:
    """The Content-Security-Policy on every response; `no-store` on every page shown to a person.

    The assets are vendored and the templates carry no inline script, handler or style attribute
    (their behaviours live in `static/gonghui/app.js`), so the policy allows this site only;
    `data:` images are Tabler's inline SVG icons. Nosniff and the referrer policy are Django's own
    settings (SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY).

    A signed-in clerk's or worker's page holds personal data (members, cases, hardship files), so
    neither the browser nor a proxy may keep it: `request.user` covers staff and API tokens, and
    `request.worker` is set by the portal's sign-in check on the worker's own pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        signed_in = (user is not None and user.is_authenticated) or getattr(request, "worker", None)
        # A view that already says no-store (a bank file, the public notice) keeps its words.
        private = signed_in and not request.path.startswith(settings.STATIC_URL)
        if private and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store, private"
        return response
