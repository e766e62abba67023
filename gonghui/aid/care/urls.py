"""URLs of the care pages (included by gonghui.aid.urls under care/)."""

from django.urls import path

from gonghui.aid.care import views as care

urlpatterns = [
    path("", care.CareListView.as_view(), name="care_list"),
    path("add/", care.CareEditView.as_view(), name="care_add"),
    path("<int:pk>/", care.care_detail, name="care_detail"),
    path("<int:pk>/edit/", care.CareEditView.as_view(), name="care_edit"),
    path("<int:pk>/recipients/add/", care.care_recipient_add, name="care_recipient_add"),
    path("<int:pk>/recipients/filed/", care.care_add_filed, name="care_add_filed"),
    path("<int:pk>/export/", care.care_export, name="care_export"),
    path("visits/<int:pk>/", care.care_visit, name="care_visit"),
    path("visits/<int:pk>/remove/", care.care_recipient_remove, name="care_recipient_remove"),
]
