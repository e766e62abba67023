"""Supplementary medical mutual aid (职工医疗互助): yearly plans, enrolment by union, claims and
their payment.

services.py writes plans, enrolments, claims and claim payments (its `money` and `yuan` serve the
member-day pages too); views.py holds the pages (with their forms and filters; `error_text` and
`styled` are shared with gonghui.aid.benefits.views) and urls.py their URLs, under
/aid/insurance/.
"""
