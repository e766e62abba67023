from django.urls import path

from gonghui.registry.views import applications, founding, pages

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
    path(
        "members/<int:pk>/transfer/",
        applications.MemberTransferView.as_view(),
        name="member_transfer",
    ),
    path("members/<int:pk>/leave/", applications.MemberLeaveView.as_view(), name="member_leave"),
    path("applications/", applications.ApplicationListView.as_view(), name="application_list"),
    path(
        "applications/<int:pk>/",
        applications.ApplicationDetailView.as_view(),
        name="application_detail",
    ),
    path(
        "applications/<int:pk>/approve/",
        applications.application_approve,
        name="application_approve",
    ),
    path(
        "applications/<int:pk>/refuse/",
        applications.ApplicationRefuseView.as_view(),
        name="application_refuse",
    ),
    path("founding/", founding.FoundingListView.as_view(), name="founding_list"),
    path(
        "founding/employers/<int:pk>/contacts/",
        founding.contact_add,
        name="founding_contact_add",
    ),
    path(
        "founding/contacts/<int:pk>/delete/",
        founding.contact_delete,
        name="founding_contact_delete",
    ),
]
