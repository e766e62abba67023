"""Routes of the reports API, included at /api/stats/ by gonghui/api_urls.py: the figures, and
the annual reports' snapshots (/api/stats/annual-reports/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.reports.annual import api as annual_api
from gonghui.reports.api import StatsView

router = SimpleRouter()
for prefix, viewset, basename in annual_api.ROUTES:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", StatsView.as_view(), name="stats"), path("", include(router.urls))]
