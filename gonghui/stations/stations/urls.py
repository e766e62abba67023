"""Station pages (included by gonghui/stations/urls.py under the 'stations' namespace)."""

from django.urls import path

from gonghui.stations.stations import views

urlpatterns = [
    path("list/", views.StationListView.as_view(), name="station_list"),
    path("add/", views.StationEditView.as_view(), name="station_add"),
    path("import/", views.station_import, name="station_import"),
    path("import/template/", views.import_template, name="station_import_template"),
    path("<int:pk>/", views.station_detail, name="station_detail"),
    path("<int:pk>/edit/", views.StationEditView.as_view(), name="station_edit"),
    path("<int:pk>/windows/add/", views.window_add, name="window_add"),
    path("<int:pk>/exceptions/add/", views.exception_add, name="exception_add"),
    path("<int:pk>/hours/confirm/", views.hours_confirm, name="hours_confirm"),
    path("<int:pk>/qr.png", views.station_qr, name="station_qr"),
    path("<int:pk>/poster/", views.station_poster, name="station_poster"),
    path("<int:pk>/photos/add/", views.photo_add, name="photo_add"),
    path("photos/<int:pk>/", views.photo_file, name="photo_file"),
    path("photos/<int:pk>/remove/", views.photo_remove, name="photo_remove"),
    path("windows/<int:pk>/remove/", views.window_remove, name="window_remove"),
    path("exceptions/<int:pk>/remove/", views.exception_remove, name="exception_remove"),
]
