"""Routes of the reports API, included at /api/stats/ by gonghui/api_urls.py."""

from django.urls import path

from gonghui.reports.api import StatsView
from gonghui.reports.api_records import FigureRecordsView, TracedFiguresView, YearsView

urlpatterns = [
    path("", StatsView.as_view(), name="stats"),
    # One name: without a key the traced figures, with one that figure's records.
    path("records/", TracedFiguresView.as_view(), name="stats-records-list"),
    path("records/<slug:key>/", FigureRecordsView.as_view(), name="stats-records-list"),
    path("years/", YearsView.as_view(), name="stats-years-list"),
]
