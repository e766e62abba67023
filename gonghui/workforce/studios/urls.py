"""Pages of studios and alliances (namespace 'workforce', under /workforce/studios/)."""

from django.urls import path

from gonghui.workforce.studios import views

urlpatterns = [
    path("", views.StudioListView.as_view(), name="studio_list"),
    path("<int:pk>/", views.studio_detail, name="studio_detail"),
    path("alliances/", views.AllianceListView.as_view(), name="alliance_list"),
    path("alliances/<int:pk>/", views.alliance_detail, name="alliance_detail"),
]
