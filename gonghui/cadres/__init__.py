"""社工 — the union's social workers (工会社工) and its cadres.

Feature packages, each with its services (the only writes), queries, forms, views, urls, api:
- workers/  social workers (union served, post, grade, contract, certificates, login) and the
            growth file (成长档案): its timeline, printable
- records/  monthly records (月度工作纪实, prefilled with the union's figures, submitted then
            locked) with attachments; attendance (考勤) and training entries (学习培训)
- reviews/  quarterly reviews (季度评议) and the annual assessment (年度考核: weights per
            year, grade, sign-off, appeal)
Models are in models/<feature>.py; registration.py plugs figures, the dashboard section and the
demo into core and reports.
"""
