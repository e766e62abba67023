"""Quarterly reviews and the annual assessment: services.py (writes), forms.py, views.py,
urls.py, api.py, demo.py."""
