"""The worker's aid pages in the portal (/m/aid/): apply, upload, follow, payments received."""

from django.urls import path

from gonghui.aid.portal import views as portal

app_name = "aid_portal"

urlpatterns = [
    path("", portal.home, name="home"),
    path("programmes/<int:pk>/apply/", portal.apply, name="apply"),
    path("applications/<int:pk>/", portal.application, name="application"),
    path("applications/<int:pk>/upload/", portal.upload, name="upload"),
    path("applications/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("documents/<int:pk>/", portal.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", portal.document_delete, name="document_delete"),
]
