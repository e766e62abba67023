"""The aid API under /api/aid/: each area lists its routes; one router serves them all."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.aid import api_benefits, api_insurance, api_payments, api_programmes, api_refunds

router = SimpleRouter()  # the project API root lists no sub-roots
for module in (api_programmes, api_payments, api_insurance, api_benefits, api_refunds):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
