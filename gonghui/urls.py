from django.contrib.auth import views as auth_views
from django.urls import include, path

from gonghui.core.views.pages import PasswordChangeView
from gonghui.reports.views import home

urlpatterns = [
    path("", home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("", include("gonghui.core.urls")),
    path("", include("gonghui.registry.urls")),
    path("imports/", include("gonghui.registry.import_urls")),
    path("exports/", include("gonghui.core.export_urls")),
    path("reports/", include("gonghui.reports.urls")),
    path("api/", include("gonghui.api_urls")),
    path("aid/", include("gonghui.aid.urls")),
    path("m/aid/", include("gonghui.aid.portal.urls")),
    path("rights/", include("gonghui.rights.urls")),
    path("m/rights/", include("gonghui.rights.portal.urls")),
    path("stations/", include("gonghui.stations.urls")),
    path("m/stations/", include("gonghui.stations.finder.urls")),
    path("workforce/", include("gonghui.workforce.urls")),
    path("m/workforce/", include("gonghui.workforce.portal.urls")),
    path("cadres/", include("gonghui.cadres.urls")),
    path("returns/", include("gonghui.returns.urls")),
    path("m/", include("gonghui.portal.urls")),
]

handler400 = "gonghui.core.views.errors.bad_request"
handler403 = "gonghui.core.views.errors.permission_denied"
handler404 = "gonghui.core.views.errors.page_not_found"
handler500 = "gonghui.core.views.errors.server_error"
