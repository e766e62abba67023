"""The annual report's pages, under /reports/annual/ (included by gonghui/reports/urls.py)."""

from django.urls import path

from gonghui.reports.annual import views

urlpatterns = [
    path("annual/", views.index, name="annual_index"),
    path("annual/jobs/<int:pk>/", views.job, name="annual_job"),
    path("annual/<int:pk>/", views.detail, name="annual_detail"),
    path("annual/<int:pk>/changes/", views.changes, name="annual_changes"),
    path("annual/<int:pk>/regenerate/", views.regenerate, name="annual_regenerate"),
    path("annual/<int:pk>/<str:fmt>/", views.download, name="annual_download"),
]
