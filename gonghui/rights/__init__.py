"""The rights module (维权服务): legal aid and mediation cases, counsel and service points,
labour-risk monitoring, collective contracts and democratic management, and the worker's rights
pages in the portal. Grouped by feature; each package's docstring says which file holds what.

- `cases/`      rights cases (维权案件) and the court mediation platform (法院调解平台)
- `counsel/`    law firms and counsel: lawyers, mediators, union legal officers, their logins and
                patches (律师事务所、律师与调解员、分片包干)
- `service/`    service points, duty rota, receptions and outreach (服务点与值班、接访、普法宣传)
- `risk/`       enterprise grids, monitoring points, monthly reports, risk levels and warnings
                (劳动关系风险监测预警)
- `contracts/`  collective contracts, bargaining rounds, workers' congresses and open factory
                affairs (集体合同、集中要约、职代会与厂务公开)
- `portal/`     the worker's pages under /m/rights/ (我要维权)

At the top: `apps.py` and `registration.py` (what the module adds to the rest of the project at
start-up), `choices.py` (the codes every feature shares), `access.py` (who may open the staff
pages), `index.py` (the module's front page), `urls.py` (the staff pages under /rights/, including
each feature's `urls.py`), `api_urls.py` (one router over each feature's `api.py` ROUTES),
`figures.py` and `dashboard.py` (the module's figures and its dashboard section) and `demo.py`
(demo data). Models are in `models/` (one module per feature), the daily task is
`management/commands/rights_risk.py`, templates are under `templates/rights/` and the tests,
flat, in `tests/`."""
