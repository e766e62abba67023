from django.urls import path

from gonghui.registry.views import pages

app_name = "registry"

urlpatterns = [
    path("employers/", pages.EmployerListView.as_view(), name="employer_list"),
    path("employers/add/", pages.EmployerEditView.as_view(), name="employer_add"),
    path("employers/<int:pk>/", pages.EmployerDetailView.as_view(), name="employer_detail"),
    path("employers/<int:pk>/edit/", pages.EmployerEditView.as_view(), name="employer_edit"),
    path("members/", pages.MemberListView.as_view(), name="member_list"),
    path("members/add/", pages.MemberEditView.as_view(), name="member_add"),
    path("members/<int:pk>/", pages.MemberDetailView.as_view(), name="member_detail"),
    path("members/<int:pk>/edit/", pages.MemberEditView.as_view(), name="member_edit"),
    path(
        "members/<int:pk>/reveal/<str:field>/",
        pages.member_reveal,
        name="member_reveal",
    ),
]
