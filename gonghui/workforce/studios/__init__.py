"""Innovation studios and their alliances (创新工作室与联盟).

`services.py` writes studios, their grants (a core.ledgers ledger), results, quarterly reports
and yearly reviews, and alliances with their activities; `views.py`/`urls.py` are the pages.
"""
