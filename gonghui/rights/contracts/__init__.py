"""Collective contracts and democratic management (集体合同、集中要约、职代会与厂务公开).

`services.py` holds the writes of collective contracts and the employers they cover,
`bargaining.py` those of centralised bargaining rounds and their offers (集中要约行动),
`democracy.py` those of each employer's workers' congress and open factory affairs, `queries.py`
the read side (establishment rates, the lists of the pages), `forms.py` and `filters.py` the pages'
forms and list filters, `views/` the pages (`contracts.py`, `rounds.py`, `democracy.py`),
`urls.py` their URL list (included by gonghui/rights/urls.py) and `api.py` the API routes
(collected by gonghui/rights/api_urls.py)."""
