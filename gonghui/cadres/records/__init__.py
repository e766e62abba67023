"""Monthly records, attendance and training entries: services.py (writes), prefill.py (the
figures a record quotes), queries.py, forms.py, views.py, urls.py, api.py, demo.py."""
