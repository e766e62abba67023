"""The cadres API under /api/cadres/: each feature lists its routes; one router serves them."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.cadres.ratings import api as api_ratings
from gonghui.cadres.records import api as api_records
from gonghui.cadres.reviews import api as api_reviews
from gonghui.cadres.training import api as api_training
from gonghui.cadres.workers import api as api_workers

router = SimpleRouter()
for module in (api_workers, api_records, api_reviews, api_training, api_ratings):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
