"""Staff pages of the aid module under /aid/. Each area keeps its own URL list."""

from django.urls import include, path

from gonghui.aid.index import index

app_name = "aid"

urlpatterns = [
    path("", index, name="index"),
    path("", include("gonghui.aid.programmes.urls")),
    path("hardship/", include("gonghui.aid.hardship.urls")),
    path("payments/", include("gonghui.aid.payments.urls")),
    path("care/", include("gonghui.aid.care.urls")),
    path("insurance/", include("gonghui.aid.insurance.urls")),
    path("benefits/", include("gonghui.aid.benefits.urls")),
    path("refunds/", include("gonghui.aid.refunds.urls")),
]
