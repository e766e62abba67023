"""Pages of the honours area (included by gonghui/workforce/urls.py, namespace 'workforce')."""

from django.urls import path

from gonghui.workforce.honours import views

urlpatterns = [
    path("kinds/", views.KindListView.as_view(), name="kind_list"),
    path("kinds/add/", views.KindEditView.as_view(), name="kind_add"),
    path("kinds/<int:pk>/edit/", views.KindEditView.as_view(), name="kind_edit"),
    path("cycles/", views.CycleListView.as_view(), name="cycle_list"),
    path("cycles/add/", views.CycleAddView.as_view(), name="cycle_add"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("cycles/<int:pk>/rules/", views.cycle_rule, name="cycle_rule"),
    path("cycles/<int:pk>/quotas/", views.cycle_quota, name="cycle_quota"),
    path("cycles/<int:pk>/advance/", views.cycle_advance, name="cycle_advance"),
    path("cycles/<int:pk>/notice/publish/", views.cycle_notice, name="cycle_notice"),
    path("cycles/<int:pk>/notice/", views.cycle_notice_page, name="cycle_notice_page"),
    path("cycles/<int:pk>/approve/", views.cycle_approve, name="cycle_approve"),
    path("cycles/<int:pk>/nominate/", views.nomination_add, name="nomination_add"),
    path("nominations/", views.NominationListView.as_view(), name="nomination_list"),
    path("nominations/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/upload/", views.nomination_upload, name="nomination_upload"),
    path("nominations/<int:pk>/submit/", views.nomination_submit, name="nomination_submit"),
    path("nominations/<int:pk>/send-on/", views.nomination_send_on, name="nomination_send_on"),
    path("nominations/<int:pk>/refuse/", views.nomination_refuse, name="nomination_refuse"),
    path("nominations/<int:pk>/withdraw/", views.nomination_withdraw, name="nomination_withdraw"),
    path("nominations/<int:pk>/opinion/", views.nomination_opinion, name="nomination_opinion"),
    path("nominations/<int:pk>/score/", views.nomination_score, name="nomination_score"),
    path(
        "nominations/<int:pk>/objection/", views.nomination_objection, name="nomination_objection"
    ),
    path("nominations/<int:pk>/approve/", views.nomination_approve, name="nomination_approve"),
    path("objections/<int:pk>/answer/", views.objection_answer, name="objection_answer"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("honours/", views.HonourListView.as_view(), name="honour_list"),
    path("honours/<int:pk>/", views.honour_detail, name="honour_detail"),
    path("honours/<int:pk>/certificate/", views.certificate, name="certificate"),
]
