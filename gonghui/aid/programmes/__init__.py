"""Aid programmes (救助项目) and the applications to them (救助申请), with the public notice (公示).

services.py writes programmes and their kinds; applications.py writes applications and their
review steps (apply, send on, review level by level, refuse, withdraw); queries.py reads
applications (whose turn it is, the notice rows). forms.py and filters.py clean the pages' input
(filters.py serves the API too); views.py holds the staff pages, urls.py their URLs, and api.py
the API of programmes and applications under /api/aid/.
"""
