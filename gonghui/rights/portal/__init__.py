"""The worker's rights pages in the portal (/m/rights/, 我要维权): report a case, follow it, add
documents, take it back.

`queries.py` is the read side (cases found by the worker's verified phone hash), `forms.py` the
forms, `views.py` the pages and `urls.py` their URL list (namespace 'rights_portal', included by
gonghui/urls.py). The rules are the case services' (gonghui.rights.cases.services)."""
