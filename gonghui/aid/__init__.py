"""Aid and services (帮扶服务): hardship files, aid programmes and applications, payments, care
campaigns, medical mutual aid, member-day benefits and union-fee refunds.

One package per feature, each with its writes (services.py), reads (queries.py), forms.py,
filters.py, pages (views.py, urls.py) and API (api.py), as far as it has them:

- hardship/     困难职工档案: hardship files, their review, the spreadsheet import (imports.py)
- programmes/   救助项目 and 救助申请: programmes (services.py), applications (applications.py),
                the public notice, and the API of both
- payments/     救助发放: the payment ledger, bank batches, and their API
- care/         四送活动: seasonal care campaigns and visits
- insurance/    职工医疗互助: medical mutual-aid plans, enrolments and claims
- benefits/     会员日: partner merchants, offers and redemptions
- refunds/      小微企业经费返还: union-fee refunds to small employers
- documents/    证明材料: uploaded documents of hardship files and applications
- portal/       the worker's pages under /m/aid/ (included by gonghui.urls)

At the top level: apps.py and registration.py (what aid adds to the project at start-up),
models/ (every model, by feature), choices.py, kinds.py (the programme kinds every county has),
urls.py (the staff pages under /aid/, including each feature's urls.py), index.py (the front
page), api_urls.py (one router for the API under /api/aid/), figures.py and dashboard.py (the
figures and the dashboard section) and demo.py (the demo data). Templates stay in
templates/aid/, tests flat in tests/.

Shared pieces come from core: amounts through core.money.parse_yuan, ledger rows through
core.ledgers (LedgerRow, pay_once), documents through core.models.StoredDocument and
core.uploads, the staff-page check through core.views.access, spreadsheets through core.sheets.
"""
