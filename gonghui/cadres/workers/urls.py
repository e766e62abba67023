"""Pages of social workers and their files (under /cadres/workers/, namespace 'cadres')."""

from django.urls import path

from gonghui.cadres.workers import views

urlpatterns = [
    path("", views.WorkerListView.as_view(), name="worker_list"),
    path("add/", views.WorkerEditView.as_view(), name="worker_add"),
    path("<int:pk>/", views.worker_detail, name="worker_detail"),
    path("<int:pk>/edit/", views.WorkerEditView.as_view(), name="worker_edit"),
    path("<int:pk>/print/", views.worker_print, name="worker_print"),
    path("<int:pk>/certificates/", views.certificate_add, name="certificate_add"),
    path("<int:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path("<int:pk>/training/", views.training_add, name="training_add"),
]
