"""Staff pages of proposals (namespace 'workforce', under /workforce/proposals/)."""

from django.urls import path

from gonghui.workforce.proposals import imports, views

urlpatterns = [
    path("", views.ProposalListView.as_view(), name="proposal_list"),
    path("add/", views.proposal_add, name="proposal_add"),
    path("<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("<int:pk>/implement/", views.proposal_implement, name="proposal_implement"),
    path("<int:pk>/benefit/", views.proposal_verify, name="proposal_verify"),
    path("panel/", views.PanelListView.as_view(), name="panel_list"),
    path("panel/<int:pk>/", views.panel_detail, name="panel_detail"),
    path("panel/<int:pk>/review/", views.panel_start, name="panel_start"),
    path("panel/<int:pk>/adopt/", views.panel_adopt, name="panel_adopt"),
    path("panel/<int:pk>/reject/", views.panel_reject, name="panel_reject"),
    path("rates/", views.rates, name="proposal_rates"),
    path("poster/", views.poster, name="proposal_poster"),
    path("import/", imports.upload, name="import_proposals"),
    path("import/template/", imports.template, name="import_proposals_template"),
]
