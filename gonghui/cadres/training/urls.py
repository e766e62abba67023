"""Pages of cadre training (under /cadres/training/, namespace 'cadres')."""

from django.urls import path

from gonghui.cadres.training import views

urlpatterns = [
    path("", views.CourseListView.as_view(), name="course_list"),
    path("add/", views.CourseEditView.as_view(), name="course_add"),
    path("hours/", views.cadre_hours, name="cadre_hours"),
    path("<int:pk>/", views.course_detail, name="course_detail"),
    path("<int:pk>/edit/", views.CourseEditView.as_view(), name="course_edit"),
    path("<int:pk>/enrol/", views.course_enrol, name="course_enrol"),
    path("enrolments/<int:pk>/attend/", views.enrolment_attend, name="enrolment_attend"),
]
