"""Pages of honourees' files and care (namespace 'workforce')."""

from django.urls import path

from gonghui.workforce.care import views

urlpatterns = [
    path("honourees/", views.HonoureeListView.as_view(), name="honouree_list"),
    path("honourees/due/", views.checkup_due, name="checkup_due"),
    path("honourees/<int:pk>/", views.honouree_detail, name="honouree_detail"),
    path("honourees/<int:pk>/care/", views.honouree_care, name="honouree_care"),
    path("honourees/<int:pk>/allowance/", views.honouree_allowance, name="honouree_allowance"),
    path("honourees/<int:pk>/status/", views.honouree_status, name="honouree_status"),
    path("honourees/<int:pk>/hardship/", views.honouree_hardship, name="honouree_hardship"),
    path("honourees/<int:pk>/follow/", views.honouree_follow, name="honouree_follow"),
    path("honours/<int:pk>/revoke/", views.honour_revoke, name="honour_revoke"),
]
