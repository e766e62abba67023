from django.urls import path

from gonghui.core.views import audit, orgs, users

app_name = "core"

urlpatterns = [
    path("orgs/", orgs.OrganisationListView.as_view(), name="org_list"),
    path("orgs/tree/", orgs.org_tree, name="org_tree"),
    path("orgs/pick/", orgs.org_pick, name="org_pick"),
    path("orgs/add/", orgs.OrganisationEditView.as_view(), name="org_add"),
    path("orgs/<int:pk>/", orgs.OrganisationDetailView.as_view(), name="org_detail"),
    path("orgs/<int:pk>/edit/", orgs.OrganisationEditView.as_view(), name="org_edit"),
    path("orgs/<int:pk>/move/", orgs.OrganisationMoveView.as_view(), name="org_move"),
    path("orgs/<int:pk>/children/", orgs.org_tree_children, name="org_tree_children"),
    path("users/", users.user_list, name="user_list"),
    path("users/add/", users.user_add, name="user_add"),
    path("users/<int:pk>/", users.user_detail, name="user_detail"),
    path("users/<int:pk>/active/", users.user_set_active, name="user_set_active"),
    path(
        "users/<int:pk>/roles/<int:assignment_pk>/revoke/",
        users.user_revoke,
        name="user_revoke",
    ),
    path("audit/", audit.audit_list, name="audit_list"),
]
