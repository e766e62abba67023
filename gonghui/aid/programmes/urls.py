"""URLs of the programme, application and public-notice pages (included by gonghui.aid.urls)."""

from django.urls import path

from gonghui.aid.programmes import views
from gonghui.aid.programmes import views as apps

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/add/", views.ProgrammeEditView.as_view(), name="programme_add"),
    path("programmes/kinds/", views.kind_list, name="kind_list"),
    path("programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("programmes/<int:pk>/edit/", views.ProgrammeEditView.as_view(), name="programme_edit"),
    path("applications/", apps.ApplicationListView.as_view(), name="application_list"),
    path("applications/add/", apps.ApplicationAddView.as_view(), name="application_add"),
    path("applications/<int:pk>/", apps.ApplicationDetailView.as_view(), name="application_detail"),
    path("applications/<int:pk>/submit/", apps.application_submit, name="application_submit"),
    path("applications/<int:pk>/approve/", apps.application_approve, name="application_approve"),
    path("applications/<int:pk>/refuse/", apps.application_refuse, name="application_refuse"),
    path("applications/<int:pk>/withdraw/", apps.application_withdraw, name="application_withdraw"),
    path("applications/<int:pk>/upload/", apps.application_upload, name="application_upload"),
    path("notice/", apps.notice_list, name="notice_list"),
    path("notice/public/", apps.notice_public, name="notice_public"),
]
