"""URLs of the programme, application and public-notice pages (included by gonghui.aid.urls)."""

from django.urls import path

from gonghui.aid.programmes import views

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/add/", views.ProgrammeEditView.as_view(), name="programme_add"),
    path("programmes/kinds/", views.kind_list, name="kind_list"),
    path("programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme_edit"),
    path("applications/", views.ApplicationListView.as_view(), name="application_list"),
    path("applications/add/", views.ApplicationAddView.as_view(), name="application_add"),
    path(
        "applications/<int:pk>/", views.ApplicationDetailView.as_view(), name="application_detail"
    ),
    path("applications/<int:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/approve/", views.application_approve, name="application_approve"),
    path("applications/<int:pk>/refuse/", views.application_refuse, name="application_refuse"),
    path(
        "applications/<int:pk>/withdraw/", views.application_withdraw, name="application_withdraw"
    ),
    path("applications/<int:pk>/upload/", views.application_upload, name="application_upload"),
    path("notice/", views.notice_list, name="notice_list"),
    path("notice/public/", views.notice_public, name="notice_public"),
]
