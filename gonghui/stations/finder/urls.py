"""The workers' station pages in the portal (/m/stations/): the finder, a station, scanning in,
feedback. Public pages, except scanning and feedback, which need the worker's proven phone."""

from django.urls import path

from gonghui.stations.finder import views

app_name = "stations_portal"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("<int:pk>/", views.station, name="station"),
    path("scan/<str:code>/", views.scan, name="scan"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/help/", views.help_request, name="help"),
]
