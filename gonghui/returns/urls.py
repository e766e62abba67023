"""Pages of the statistical returns (under /returns/, namespace 'returns')."""

from django.urls import path

from gonghui.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.return_list, name="return_list"),
    path("unions/<int:pk>/", views.union_status, name="union_status"),
    path("unions/<int:pk>/open/", views.return_open, name="return_open"),
    path("<int:pk>/", views.return_detail, name="return_detail"),
    path("<int:pk>/edit/", views.return_edit, name="return_edit"),
    path("<int:pk>/refresh/", views.return_refresh, name="return_refresh"),
    path("<int:pk>/submit/", views.return_submit, name="return_submit"),
    path("<int:pk>/sign/", views.return_sign, name="return_sign"),
    path("<int:pk>/accept/", views.return_accept, name="return_accept"),
    path("<int:pk>/send-back/", views.return_send_back, name="return_send_back"),
    path("<int:pk>/xlsx/", views.return_export, name="return_export"),
    path("catalogues/", views.catalogue_list, name="catalogue_list"),
    path("catalogues/<int:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path("catalogues/<int:pk>/copy/", views.catalogue_copy, name="catalogue_copy"),
    path("catalogues/<int:pk>/indicators/", views.indicator_add, name="indicator_add"),
    path("catalogues/<int:pk>/rules/", views.rule_add, name="rule_add"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
]
