"""Rights cases (维权案件: 法律援助与调解): intake, assignment, mediation, outcome and closing,
and the court mediation platform (法院调解平台).

`services.py` holds the writes and the rules of the life cycle, `deadlines.py` the time limits,
`court.py` the platform's export and import, `queries.py` the read side (scoping, the next steps a
user may take), `forms.py` and `filters.py` the staff pages' forms and list filters, `views.py` the
pages, `urls.py` their URL list (included by gonghui/rights/urls.py) and `api.py` the API routes
(collected by gonghui/rights/api_urls.py)."""
