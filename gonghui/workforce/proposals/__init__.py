"""Proposals and innovation results (合理化建议, 金点子, 技术创新成果).

`services.py` writes them (submission on the phone or by a clerk, the panel's steps in one
`TRANSITIONS` table, implementation, the verified benefit) and awards the points of an adopted
one by its union's rule; `queries.py` reads the adoption and implementation rates;
`imports.py` brings an existing register from a spreadsheet; `views.py`/`urls.py` the staff
pages (the panel's pages never show the submitter), `portal.py`/`portal_urls.py` the phone
pages, `api.py` the API.
"""
