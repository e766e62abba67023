"""URLs of the member-day pages (included by gonghui.aid.urls under benefits/)."""

from django.urls import path

from gonghui.aid.benefits import views

urlpatterns = [
    path("merchants/", views.MerchantListView.as_view(), name="merchant_list"),
    path("merchants/add/", views.MerchantEditView.as_view(), name="merchant_add"),
    path("merchants/<int:pk>/", views.MerchantDetailView.as_view(), name="merchant_detail"),
    path("merchants/<int:pk>/edit/", views.MerchantEditView.as_view(), name="merchant_edit"),
    path(
        "merchants/<int:merchant_pk>/offers/add/", views.OfferEditView.as_view(), name="offer_add"
    ),
    path("offers/<int:pk>/edit/", views.OfferEditView.as_view(), name="offer_edit"),
    path("redeem/", views.RedeemView.as_view(), name="redeem"),
    path("redemptions/", views.RedemptionListView.as_view(), name="redemption_list"),
]
