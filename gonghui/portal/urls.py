from django.urls import path

from gonghui.portal.views import auth, card, home, join, leave, transfer

app_name = "portal"

urlpatterns = [
    path("", home.home, name="home"),
    path("signin/", auth.signin, name="signin"),
    path("signin/code/", auth.signin_code, name="signin_code"),
    path("signout/", auth.signout, name="signout"),
    path("applications/<int:pk>/", home.application_detail, name="application"),
    path(
        "applications/<int:pk>/withdraw/",
        home.application_withdraw,
        name="application_withdraw",
    ),
    path("join/<str:code>/", join.join, name="join"),
    path("join/<str:code>/employers/", join.employer_search, name="employer_search"),
    path("join/<str:code>/qr.png", join.join_qr_png, name="join_qr_png"),
    path("join/<str:code>/qr.svg", join.join_qr_svg, name="join_qr_svg"),
    path("join/<str:code>/poster/", join.join_poster, name="join_poster"),
    path("transfer/", transfer.transfer_unions, name="transfer_unions"),
    path("transfer/<str:code>/", transfer.transfer, name="transfer"),
    path("members/<int:pk>/card/", card.card, name="card"),
    path("members/<int:pk>/leave/", leave.leave, name="leave"),
    path("verify/", card.verify, name="verify"),
]
