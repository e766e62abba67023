"""Pages of union ratings and model homes (under /cadres/ratings/, namespace 'cadres')."""

from django.urls import path

from gonghui.cadres.ratings import views

urlpatterns = [
    path("", views.scheme_list, name="scheme_list"),
    path("schemes/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("schemes/<int:pk>/criteria/", views.scheme_criterion, name="scheme_criterion"),
    path("schemes/<int:pk>/rounds/", views.scheme_round, name="scheme_round"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/assess/<int:union_pk>/", views.self_assess, name="self_assess"),
    path("assessments/<int:pk>/", views.self_assessment_detail, name="self_assessment_detail"),
    path(
        "assessments/<int:pk>/submit/", views.self_assessment_submit, name="self_assessment_submit"
    ),
    path("assessments/<int:pk>/check/", views.self_assessment_check, name="self_assessment_check"),
    path(
        "assessments/<int:pk>/decide/", views.self_assessment_decide, name="self_assessment_decide"
    ),
    path(
        "assessments/<int:pk>/attach/", views.self_assessment_attach, name="self_assessment_attach"
    ),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("homes/", views.home_list, name="home_list"),
]
