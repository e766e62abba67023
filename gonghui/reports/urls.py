from django.urls import path

from gonghui.reports import records, views, years
from gonghui.reports.annual.urls import urlpatterns as annual

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    *annual,
    # One name for both: reverse("reports:figure_records", args=[key]) opens a figure's records,
    # without a key the index of the figures that have them.
    path("records/", records.figure_records, name="figure_records"),
    path("records/<slug:key>/", records.figure_records, name="figure_records"),
    path("years/", years.figure_years, name="figure_years"),
]
