"""The worker's honours and studio in the portal."""

from django.urls import include, path

from gonghui.workforce.competitions import portal as competitions
from gonghui.workforce.portal import views

app_name = "workforce_portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("proposals/", include("gonghui.workforce.proposals.portal_urls")),
    path("points/", include("gonghui.workforce.points.portal_urls")),
    path("competitions/", competitions.competitions, name="competitions"),
    path("competitions/<int:pk>/", competitions.register, name="competition_register"),
]
