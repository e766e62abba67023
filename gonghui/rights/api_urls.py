"""The rights API under /api/rights/: each area lists its routes; one router serves them all."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.rights.cases import api as api_cases
from gonghui.rights.contracts import api as api_contracts
from gonghui.rights.counsel import api as api_counsel
from gonghui.rights.risk import api as api_risk
from gonghui.rights.service import api as api_service

router = SimpleRouter()  # the project API root lists no sub-roots
for module in (api_cases, api_service, api_counsel, api_risk, api_contracts):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
