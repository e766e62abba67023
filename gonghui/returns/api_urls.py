"""The returns API under /api/returns/."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from gonghui.returns import api

router = SimpleRouter()
for prefix, viewset, basename in api.ROUTES:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [path("", include(router.urls))]
