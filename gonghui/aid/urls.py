"""Staff pages of the aid module under /aid/. Each area keeps its own URL list."""

from django.urls import include, path

from gonghui.aid.index import index

app_name = "aid"

urlpatterns = [
    path("", index, name="index"),
    path("", include("gonghui.aid.programmes.urls")),
    path("hardship/", include("gonghui.aid.hardship.urls")),
    path("payments/", include("gonghui.aid.payments.urls")),
    path("care/", include("gonghui.aid.urls_care")),
    path("insurance/", include("gonghui.aid.urls_insurance")),
    path("benefits/", include("gonghui.aid.urls_benefits")),
    path("refunds/", include("gonghui.aid.urls_refunds")),
]
