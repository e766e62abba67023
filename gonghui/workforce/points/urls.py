"""Staff pages of points (namespace 'workforce', under /workforce/points/)."""

from django.urls import path

from gonghui.workforce.points import views

urlpatterns = [
    path("rules/", views.RuleListView.as_view(), name="points_rule_list"),
    path("rules/add/", views.RuleEditView.as_view(), name="points_rule_add"),
    path("rules/<int:pk>/", views.RuleEditView.as_view(), name="points_rule_edit"),
    path("claims/", views.ClaimListView.as_view(), name="points_claim_list"),
    path("claims/<int:pk>/", views.claim_detail, name="points_claim_detail"),
    path("claims/<int:pk>/approve/", views.claim_approve, name="points_claim_approve"),
    path("claims/<int:pk>/refuse/", views.claim_refuse, name="points_claim_refuse"),
    path("evidence/<int:pk>/", views.evidence, name="points_evidence"),
    path("accounts/", views.AccountListView.as_view(), name="points_account_list"),
    path("accounts/<int:pk>/", views.account_detail, name="points_account"),
    path("entries/<int:pk>/reverse/", views.entry_reverse, name="points_entry_reverse"),
    path("rewards/", views.RewardListView.as_view(), name="reward_list"),
    path("rewards/add/", views.RewardEditView.as_view(), name="reward_add"),
    path("rewards/<int:pk>/", views.RewardEditView.as_view(), name="reward_edit"),
    path("redemptions/", views.RedemptionListView.as_view(), name="redemption_list"),
    path("redemptions/<int:pk>/", views.redemption_detail, name="redemption_detail"),
    path("redemptions/<int:pk>/hand-out/", views.redemption_hand_out, name="redemption_hand_out"),
    path("redemptions/<int:pk>/cancel/", views.redemption_cancel, name="redemption_cancel"),
    path("leaderboard/", views.leaderboard, name="points_leaderboard"),
]
