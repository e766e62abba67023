"""Staff pages of the stations module under /stations/. Each feature keeps its own URL list."""

from django.urls import include, path

from gonghui.stations.index import index

app_name = "stations"

urlpatterns = [
    path("", index, name="index"),
    path("", include("gonghui.stations.stations.urls")),
    path("", include("gonghui.stations.visits.urls")),
    path("", include("gonghui.stations.care.urls")),
]
