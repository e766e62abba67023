"""Service points, the duty rota, receptions and outreach (坐班接访、普法宣传).

- `checks.py`      input checks the area's services share (text, counts, dates, same line)
- `points.py`      service points: the legal-aid centre and its stations (the only writes)
- `rota.py`        the duty rota: slots, copying a month weekday for weekday
- `receptions.py`  visits and consultations at a duty desk; one may open a rights case
- `outreach.py`    lectures, campaigns, school visits, handbooks
- `queries.py`     reads for the pages, the API and the portal (month grid, on duty today)
- `forms.py`, `filters.py`, `views/` (staff pages and the portal's page of points),
  `urls.py` (under the 'rights' namespace), `api.py` (ROUTES), `demo.py` (part "service")

Counsel (firms, lawyers' accounts) are built in gonghui/rights/counsel/."""
