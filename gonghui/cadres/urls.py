"""Pages of the cadres module under /cadres/. Each feature keeps its own URL list."""

from django.urls import include, path

from gonghui.cadres.index import index

app_name = "cadres"

urlpatterns = [
    path("", index, name="index"),
    path("workers/", include("gonghui.cadres.workers.urls")),
    path("records/", include("gonghui.cadres.records.urls")),
    path("reviews/", include("gonghui.cadres.reviews.urls")),
    path("training/", include("gonghui.cadres.training.urls")),
    path("ratings/", include("gonghui.cadres.ratings.urls")),
]
