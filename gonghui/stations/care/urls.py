"""Care pages (included by gonghui/stations/urls.py under the 'stations' namespace)."""

from django.urls import path

from gonghui.stations.care import views

urlpatterns = [
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/<str:action>/", views.incident_step, name="incident_step"),
    path("<int:pk>/incidents/add/", views.incident_add, name="incident_add"),
    path("watch/", views.watch_list, name="watch_list"),
    path("<int:pk>/watch/add/", views.watch_add, name="watch_add"),
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("<int:pk>/inspections/add/", views.inspection_add, name="inspection_add"),
    path("findings/<int:pk>/fix/", views.finding_fix, name="finding_fix"),
    path("feedback/", views.feedback_list, name="feedback_list"),
    path("feedback/<int:pk>/answer/", views.feedback_answer, name="feedback_answer"),
]
