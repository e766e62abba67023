"""URLs of the union-fee refund pages (included by gonghui.aid.urls under refunds/)."""

from django.urls import path

from gonghui.aid.refunds import views as refunds

urlpatterns = [
    path("policies/", refunds.PolicyListView.as_view(), name="refund_policy_list"),
    path("policies/add/", refunds.PolicyEditView.as_view(), name="refund_policy_add"),
    path("policies/<int:pk>/", refunds.refund_policy_detail, name="refund_policy_detail"),
    path("policies/<int:pk>/edit/", refunds.PolicyEditView.as_view(), name="refund_policy_edit"),
    path("", refunds.RefundListView.as_view(), name="refund_list"),
    path("add/", refunds.refund_add, name="refund_add"),
    path("<int:pk>/", refunds.refund_detail, name="refund_detail"),
    path("<int:pk>/decide/", refunds.refund_decide, name="refund_decide"),
    path("<int:pk>/pay/", refunds.refund_pay, name="refund_pay"),
]
