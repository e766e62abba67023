"""The service area of the rights API (/api/rights/): (prefix, viewset, basename) per route."""

ROUTES: list = []
