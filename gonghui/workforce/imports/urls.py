"""The import pages (namespace 'workforce', under /workforce/import/)."""

from django.urls import path

from gonghui.workforce.imports import views

urlpatterns = [
    path("honourees/", views.upload, {"kind": "honourees"}, name="import_honourees"),
    path("studios/", views.upload, {"kind": "studios"}, name="import_studios"),
    path("honourees/template/", views.template, {"kind": "honourees"},
         name="import_honourees_template"),
    path("studios/template/", views.template, {"kind": "studios"}, name="import_studios_template"),
]  # fmt: skip
