"""The aid API under /api/aid/ (programmes, applications, payments): each area lists its routes;
one router serves them all."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.aid.payments import api as api_payments
from gonghui.aid.programmes import api as api_programmes

router = SimpleRouter()  # the project API root lists no sub-roots
for module in (api_programmes, api_payments):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
