"""URLs of the insurance pages (included by gonghui.aid.urls under insurance/)."""

from django.urls import path

from gonghui.aid.insurance import views

urlpatterns = [
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/add/", views.PlanEditView.as_view(), name="plan_add"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", views.PlanEditView.as_view(), name="plan_edit"),
    path("plans/<int:pk>/enrol/", views.plan_enrol, name="plan_enrol"),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolment_list"),
    path("claims/", views.ClaimListView.as_view(), name="claim_list"),
    path("claims/add/", views.ClaimAddView.as_view(), name="claim_add"),
    path("claims/<int:pk>/", views.ClaimDetailView.as_view(), name="claim_detail"),
    path("claims/<int:pk>/decide/", views.ClaimDecideView.as_view(), name="claim_decide"),
    path("claims/<int:pk>/pay/", views.ClaimPayView.as_view(), name="claim_pay"),
]
