"""Routes of the reports API, included at /api/stats/ by gonghui/api_urls.py: the figures, and
the annual reports' snapshots (/api/stats/annual-reports/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.reports.annual import api as annual_api
from gonghui.reports.api import StatsView
from gonghui.reports.api_records import FigureRecordsView, TracedFiguresView, YearsView

router = SimpleRouter()
for prefix, viewset, basename in annual_api.ROUTES:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("", StatsView.as_view(), name="stats"),
    # One name: without a key the traced figures, with one that figure's records.
    path("records/", TracedFiguresView.as_view(), name="stats-records-list"),
    path("records/<slug:key>/", FigureRecordsView.as_view(), name="stats-records-list"),
    path("years/", YearsView.as_view(), name="stats-years-list"),
    path("", include(router.urls)),
]
