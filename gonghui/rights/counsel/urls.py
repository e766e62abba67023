"""Pages of law firms and counsel (included by gonghui/rights/urls.py under the 'rights'
namespace, at /rights/counsel/)."""

from django.urls import path

from gonghui.rights.counsel import views

urlpatterns = [
    path("", views.CounselListView.as_view(), name="counsel_list"),
    path("add/", views.CounselEditView.as_view(), name="counsel_add"),
    path("<int:pk>/", views.counsel_detail, name="counsel_detail"),
    path("<int:pk>/edit/", views.CounselEditView.as_view(), name="counsel_edit"),
    path("<int:pk>/active/", views.counsel_set_active, name="counsel_set_active"),
    path("firms/", views.FirmListView.as_view(), name="firm_list"),
    path("firms/add/", views.FirmEditView.as_view(), name="firm_add"),
    path("firms/<int:pk>/", views.firm_detail, name="firm_detail"),
    path("firms/<int:pk>/edit/", views.FirmEditView.as_view(), name="firm_edit"),
]
