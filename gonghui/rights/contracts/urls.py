"""Pages of the contracts area (included by gonghui/rights/urls.py under the 'rights' namespace,
at /rights/contracts/): collective contracts, bargaining rounds, democratic management."""

from django.urls import path

from gonghui.rights.contracts.views import contracts as c
from gonghui.rights.contracts.views import democracy as d
from gonghui.rights.contracts.views import rounds as r

urlpatterns = [
    path("", c.ContractListView.as_view(), name="contract_list"),
    path("expiring/", c.contract_expiring, name="contract_expiring"),
    path("add/", c.ContractEditView.as_view(), name="contract_add"),
    path("<int:pk>/", c.contract_detail, name="contract_detail"),
    path("<int:pk>/edit/", c.ContractEditView.as_view(), name="contract_edit"),
    path("<int:pk>/employers/add/", c.contract_employers_add, name="contract_employers_add"),
    path("coverage/<int:pk>/remove/", c.contract_employer_remove, name="contract_employer_remove"),
    path("rounds/", r.RoundListView.as_view(), name="round_list"),
    path("rounds/add/", r.RoundEditView.as_view(), name="round_add"),
    path("rounds/<int:pk>/", r.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", r.RoundEditView.as_view(), name="round_edit"),
    path("rounds/<int:pk>/offers/add/", r.round_offers_add, name="round_offers_add"),
    path("offers/<int:pk>/", r.offer_edit, name="round_offer_edit"),
    path("offers/<int:pk>/remove/", r.offer_remove, name="round_offer_remove"),
    path("democracy/", d.DemocracyListView.as_view(), name="democracy_list"),
    path("democracy/<int:pk>/", d.democracy_edit, name="democracy_edit"),
]
