"""Cadre training (工会干部培训): services.py (courses, enrolment, attendance and completion),
queries.py (hours per cadre per year), forms.py, views.py, urls.py, api.py, demo.py."""
