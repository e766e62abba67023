"""Pages of competitions (namespace 'workforce', under /workforce/competitions/)."""

from django.urls import path

from gonghui.workforce.competitions import views

urlpatterns = [
    path("", views.CompetitionListView.as_view(), name="competition_list"),
    path("add/", views.competition_add, name="competition_add"),
    path("<int:pk>/", views.competition_detail, name="competition_detail"),
    path("<int:pk>/quotas/", views.competition_quota, name="competition_quota"),
    path("<int:pk>/rounds/", views.competition_round, name="competition_round"),
    path("<int:pk>/judges/", views.competition_judge, name="competition_judge"),
    path("<int:pk>/register/", views.competition_register, name="competition_register"),
    path("<int:pk>/close/", views.competition_close, name="competition_close"),
    path("<int:pk>/publish/", views.competition_publish, name="competition_publish"),
    path("<int:pk>/teams/", views.competition_team, name="competition_team"),
    path("<int:pk>/stages/", views.competition_stage, name="competition_stage"),
    path("<int:pk>/ranking/", views.ranking, name="competition_ranking"),
    path("rounds/<int:pk>/criteria/", views.round_criterion, name="round_criterion"),
    path("rounds/<int:pk>/scores/", views.round_scores, name="round_scores"),
    path("teams/<int:pk>/commend/", views.team_commend, name="team_commend"),
    path("stages/<int:pk>/summaries/", views.stage_summary, name="stage_summary"),
    path("entrants/", views.EntrantListView.as_view(), name="entrant_list"),
    path("entrants/<int:pk>/", views.entrant_detail, name="entrant_detail"),
    path("entrants/<int:pk>/confirm/", views.entrant_confirm, name="entrant_confirm"),
    path("entrants/<int:pk>/withdraw/", views.entrant_withdraw, name="entrant_withdraw"),
    path("entrants/<int:pk>/recommend/", views.entrant_recommend, name="entrant_recommend"),
    path("entrants/<int:pk>/certificate/", views.certificate, name="entrant_certificate"),
    path("candidates/", views.CandidateListView.as_view(), name="candidate_list"),
    path("import/", views.import_results, name="import_competition_results"),
    path("import/template/", views.import_template, name="import_competition_results_template"),
]
