"""Labour-risk monitoring (劳动关系风险监测预警): enterprise grids and monitoring points, their
monthly reports, the evaluation of each employer's risk level and the warnings it opens.

`services.py` holds the rules and the evaluation (风险研判), `grids.py` the writes of grids and
monitoring points (网格、监测点), `reports.py` those of the monthly reports (监测月报),
`warnings.py` those of the warnings (风险预警: signing, handling, escalation), `queries.py` the read
side (month arithmetic, counts, the board), `forms.py` and `filters.py` the pages' forms and list
filters, `views/` the pages (`common.py` who may open them, then `grids.py`, `reports.py`,
`warnings.py`), `urls.py` their URL list (included by gonghui/rights/urls.py) and `api.py` the API
routes (collected by gonghui/rights/api_urls.py). The daily task is the `rights_risk` command."""
