"""Staff pages of the workforce module under /workforce/. Each area keeps its own URL list."""

from django.urls import include, path

from gonghui.workforce.index import index

app_name = "workforce"

urlpatterns = [
    path("", index, name="index"),
    path("", include("gonghui.workforce.honours.urls")),
    path("", include("gonghui.workforce.care.urls")),
    path("studios/", include("gonghui.workforce.studios.urls")),
    path("import/", include("gonghui.workforce.imports.urls")),
    path("proposals/", include("gonghui.workforce.proposals.urls")),
    path("points/", include("gonghui.workforce.points.urls")),
    path("competitions/", include("gonghui.workforce.competitions.urls")),
]
