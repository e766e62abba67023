"""The worker's rights pages in the portal (/m/rights/): report a case, follow it."""

from django.urls import path

from gonghui.rights.portal import views as portal
from gonghui.rights.service.views import portal as service_portal

app_name = "rights_portal"

urlpatterns = [
    path("", portal.home, name="home"),
    path("report/", portal.report, name="report"),
    path("report/employers/", portal.employer_search, name="employer_search"),
    path("cases/<int:pk>/", portal.case, name="case"),
    path("cases/<int:pk>/upload/", portal.upload, name="upload"),
    path("cases/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("documents/<int:pk>/", portal.document, name="document"),
    path("points/", service_portal.points, name="points"),
]
