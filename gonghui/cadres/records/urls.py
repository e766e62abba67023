"""Pages of monthly records (under /cadres/records/, namespace 'cadres')."""

from django.urls import path

from gonghui.cadres.records import views

urlpatterns = [
    path("", views.RecordListView.as_view(), name="record_list"),
    path("add/", views.record_add, name="record_add"),
    path("<int:pk>/", views.record_detail, name="record_detail"),
    path("<int:pk>/edit/", views.record_edit, name="record_edit"),
    path("<int:pk>/submit/", views.record_submit, name="record_submit"),
    path("<int:pk>/refresh/", views.record_refresh, name="record_refresh"),
    path("<int:pk>/attach/", views.record_attach, name="record_attach"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
]
