"""Union ratings (六有 / 十星级工会) and model homes (模范职工之家 / 职工小家): services.py
(writes), queries.py (what the tree and the organisation page show), forms.py, views.py, urls.py,
api.py, demo.py."""
