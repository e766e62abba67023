"""URLs of the hardship pages and of uploaded documents (included by gonghui.aid.urls under
hardship/)."""

from django.urls import path

from gonghui.aid.documents.views import document_delete, document_download
from gonghui.aid.hardship import views

urlpatterns = [
    path("", views.HardshipListView.as_view(), name="hardship_list"),
    path("due/", views.HardshipDueView.as_view(), name="hardship_due"),
    path("add/", views.HardshipEditView.as_view(), name="hardship_add"),
    path("import/", views.hardship_import, name="hardship_import"),
    path("import/template/", views.hardship_import_template, name="hardship_import_template"),
    path("<int:pk>/", views.HardshipDetailView.as_view(), name="hardship_detail"),
    path("<int:pk>/edit/", views.HardshipEditView.as_view(), name="hardship_edit"),
    path("<int:pk>/decide/", views.hardship_decide, name="hardship_decide"),
    path("<int:pk>/review/", views.hardship_review, name="hardship_review"),
    path("<int:pk>/documents/", views.hardship_document_add, name="hardship_document_add"),
    path("documents/<int:pk>/", document_download, name="document_download"),
    path("documents/<int:pk>/delete/", document_delete, name="document_delete"),
]
