"""The stations API under /api/stations/: each feature lists its routes; one router serves them."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.stations.care import api as api_care
from gonghui.stations.stations import api as api_stations
from gonghui.stations.visits import api as api_visits

router = SimpleRouter()
for module in (api_stations, api_visits, api_care):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
