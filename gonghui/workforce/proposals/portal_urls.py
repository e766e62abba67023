"""The worker's proposal pages (namespace 'workforce_portal', under /m/workforce/proposals/)."""

from django.urls import path

from gonghui.workforce.proposals import portal

urlpatterns = [
    path("", portal.mine, name="proposals"),
    path("new/", portal.new, name="proposal_new"),
]
