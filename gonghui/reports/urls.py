from django.urls import path

from gonghui.reports import views
from gonghui.reports.annual.urls import urlpatterns as annual

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    *annual,
]
