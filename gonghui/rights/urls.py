"""Staff pages of the rights module under /rights/. Each area keeps its own URL list."""

from django.urls import include, path

from gonghui.rights.index import index

app_name = "rights"

urlpatterns = [
    path("", index, name="index"),
    path("cases/", include("gonghui.rights.cases.urls")),
    path("service/", include("gonghui.rights.service.urls")),
    path("counsel/", include("gonghui.rights.counsel.urls")),
    path("risk/", include("gonghui.rights.risk.urls")),
    path("contracts/", include("gonghui.rights.contracts.urls")),
]
