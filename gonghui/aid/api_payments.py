"""API of payments: (prefix, viewset, basename) routes registered by gonghui.aid.api_urls."""

ROUTES: list = []
