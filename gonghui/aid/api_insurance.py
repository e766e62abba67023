"""API of insurance: (prefix, viewset, basename) routes registered by gonghui.aid.api_urls."""

ROUTES: list = []
