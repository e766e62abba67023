"""Visit pages (included by gonghui/stations/urls.py under the 'stations' namespace)."""

from django.urls import path

from gonghui.stations.visits import views

urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit_list"),
    path("<int:pk>/visits/walk-in/", views.walk_in_add, name="walk_in_add"),
    path("<int:pk>/visits/counter/", views.counter_import, name="counter_import"),
]
