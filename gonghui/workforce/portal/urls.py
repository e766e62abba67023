"""The worker's honours and studio in the portal."""

from django.urls import path

from gonghui.workforce.competitions import portal as competitions
from gonghui.workforce.portal import views

app_name = "workforce_portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/", competitions.competitions, name="competitions"),
    path("competitions/<int:pk>/", competitions.register, name="competition_register"),
]
