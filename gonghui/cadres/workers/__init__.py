"""Social workers and their growth file: services.py (writes), queries.py (the file's
timeline), forms.py, views.py, urls.py, api.py, demo.py."""
