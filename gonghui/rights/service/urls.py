"""Pages of the service area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

from django.urls import path

from gonghui.rights.service.views import outreach, points, receptions, rota

urlpatterns = [
    path("points/", points.PointListView.as_view(), name="point_list"),
    path("points/add/", points.point_edit, name="point_add"),
    path("points/<int:pk>/", points.point_detail, name="point_detail"),
    path("points/<int:pk>/edit/", points.point_edit, name="point_edit"),
    path("points/<int:pk>/deactivate/", points.point_deactivate, name="point_deactivate"),
    path("points/<int:pk>/rota/", rota.rota_month, name="rota"),
    path("points/<int:pk>/rota/add/", rota.rota_slot_add, name="rota_slot_add"),
    path("points/<int:pk>/rota/copy/", rota.rota_copy, name="rota_copy"),
    path("points/<int:pk>/rota/print/", rota.rota_print, name="rota_print"),
    path("points/<int:pk>/rota/export/", rota.rota_export, name="rota_export"),
    path("duty-slots/<int:pk>/remove/", rota.rota_slot_remove, name="rota_slot_remove"),
    path("duty/", rota.duty_mine, name="duty_mine"),
    path("receptions/", receptions.ReceptionListView.as_view(), name="reception_list"),
    path("receptions/add/", receptions.reception_add, name="reception_add"),
    path("outreach/", outreach.OutreachListView.as_view(), name="outreach_list"),
    path("outreach/add/", outreach.outreach_edit, name="outreach_add"),
    path("outreach/<int:pk>/edit/", outreach.outreach_edit, name="outreach_edit"),
]
