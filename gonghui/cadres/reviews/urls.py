"""Pages of reviews and assessments (under /cadres/reviews/, namespace 'cadres')."""

from django.urls import path

from gonghui.cadres.reviews import views

urlpatterns = [
    path("", views.ReviewListView.as_view(), name="review_list"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("give/<int:pk>/", views.review_give, name="review_give"),
    path("weights/", views.weights_list, name="weights_list"),
    path("assessments/", views.AssessmentListView.as_view(), name="assessment_list"),
    path("assessments/open/<int:pk>/", views.assessment_open, name="assessment_open"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/report/", views.assessment_report, name="assessment_report"),
    path("assessments/<int:pk>/score/", views.assessment_score, name="assessment_score"),
    path("assessments/<int:pk>/sign-off/", views.assessment_sign_off, name="assessment_sign_off"),
    path("assessments/<int:pk>/appeal/", views.assessment_appeal, name="assessment_appeal"),
    path("assessments/<int:pk>/answer/", views.assessment_answer, name="assessment_answer"),
    path("reports/<int:pk>/", views.report_download, name="report_download"),
]
