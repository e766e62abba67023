"""Points inside an enterprise (积分制) and its rewards catalogue.

`ledger.py` is the only code that writes points rows (through core.ledgers.pay_once under the
account's row lock) and offers `award_for_source` to other features (an adopted proposal, a
competition's result); `services.py` writes rules, claims, rewards and redemptions;
`queries.py` reads balances and leaderboards; `figures.py` the figures; `views.py`/`urls.py`
the staff pages, `portal.py`/`portal_urls.py` the worker's phone pages, `api.py` the API;
`workbench.py` what waits on staff; `demo.py` a year of it for the demo county.
"""
