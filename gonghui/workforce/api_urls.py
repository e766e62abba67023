"""The workforce API under /api/workforce/: each area lists its routes; one router serves them."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.workforce.care import api as api_care
from gonghui.workforce.competitions import api as api_competitions
from gonghui.workforce.honours import api as api_honours
from gonghui.workforce.points import api as api_points
from gonghui.workforce.proposals import api as api_proposals
from gonghui.workforce.studios import api as api_studios

router = SimpleRouter()  # the project API root lists no sub-roots
for module in (api_honours, api_care, api_studios, api_proposals, api_points, api_competitions):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
