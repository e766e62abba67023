"""Honours and their cycles (评选表彰).

`services.py` writes kinds, cycles, quotas and share rules and moves a cycle on;
`nominations.py` writes nominations and everything on their way (sending up, vetting, scores,
the public notice's objections, approval and certificate numbers); `queries.py` is the read side
(the live share of each rule, who may act, the masked notice, the roll); `forms.py`, `views.py`,
`urls.py` the pages and `api.py` the API routes (collected by gonghui/workforce/api_urls.py).
"""
