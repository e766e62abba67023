from django.urls import path

from gonghui.reports import records, views

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("records/<slug:key>/", records.figure_records, name="figure_records"),
]
