"""Pages of studios and alliances (namespace 'workforce', under /workforce/studios/)."""

from django.urls import path

from gonghui.workforce.studios import views

urlpatterns = [
    path("", views.StudioListView.as_view(), name="studio_list"),
    path("add/", views.studio_add, name="studio_add"),
    path("<int:pk>/", views.studio_detail, name="studio_detail"),
    path("<int:pk>/grants/", views.studio_grant, name="studio_grant"),
    path("<int:pk>/results/", views.studio_result, name="studio_result"),
    path("<int:pk>/reports/", views.studio_report, name="studio_report"),
    path("<int:pk>/reviews/", views.studio_review, name="studio_review"),
    path("<int:pk>/document/", views.studio_document, name="studio_document"),
    path("alliances/", views.AllianceListView.as_view(), name="alliance_list"),
    path("alliances/add/", views.alliance_add, name="alliance_add"),
    path("alliances/<int:pk>/", views.alliance_detail, name="alliance_detail"),
    path("alliances/<int:pk>/activities/", views.alliance_activity, name="alliance_activity"),
]
