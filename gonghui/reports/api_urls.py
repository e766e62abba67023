"""Routes of the reports API, included at /api/stats/ by gonghui/api_urls.py."""

from django.urls import path

from gonghui.reports.api import StatsView

urlpatterns = [path("", StatsView.as_view(), name="stats")]
