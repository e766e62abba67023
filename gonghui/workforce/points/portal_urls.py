"""The worker's points pages (namespace 'workforce_portal', under /m/workforce/points/)."""

from django.urls import path

from gonghui.workforce.points import portal

urlpatterns = [
    path("", portal.home, name="points"),
    path("claim/", portal.claim, name="points_claim"),
    path("rewards/<int:pk>/redeem/", portal.redeem, name="points_redeem"),
]
