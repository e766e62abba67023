"""URLs of the payments pages (included by gonghui.aid.urls under payments/)."""

from django.urls import path

from gonghui.aid.payments import views

urlpatterns = [
    path("", views.PaymentListView.as_view(), name="payment_list"),
    path("payable/", views.PayableListView.as_view(), name="payable_list"),
    path("<int:pk>/reverse/", views.payment_reverse, name="payment_reverse"),
    path("programmes/<int:pk>/batch/", views.batch_add, name="batch_add"),
    path("batches/", views.BatchListView.as_view(), name="batch_list"),
    path("batches/<int:pk>/", views.BatchDetailView.as_view(), name="batch_detail"),
    path("batches/<int:pk>/export/", views.batch_export, name="batch_export"),
    path("batches/<int:pk>/settle/", views.BatchSettleView.as_view(), name="batch_settle"),
    path(
        "batches/<int:pk>/lines/<int:line_pk>/remove/",
        views.batch_line_remove,
        name="batch_line_remove",
    ),
]
