"""The worker's own page (我的): their membership spells and their applications."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.portal import queries
from gonghui.portal.hooks import home_links, own_application_items
from gonghui.portal.identity import worker_required
from gonghui.registry import membership
from gonghui.registry.choices import MemberStatus


@worker_required
def home(request):
    spells = list(queries.own_spells(request.worker))
    context = {
        "spells": spells,
        "active_spells": [s for s in spells if s.status == MemberStatus.ACTIVE],
        "applications": own_application_items(request.worker),
        "services": home_links(),
    }
    return render(request, "portal/home.html", context)


@worker_required
def application_detail(request, pk):
    application = queries.own_application_or_404(request.worker, pk)
    return render(request, "portal/application.html", {"application": application})


@worker_required
@require_POST
def application_withdraw(request, pk):
    application = queries.own_application_or_404(request.worker, pk)
    try:
        membership.withdraw(application=application)
    except ValidationError as exc:
        messages.error(request, membership.error_text(exc))
    else:
        messages.success(request, _("申请已撤回"))
    return redirect("portal:application", pk=application.pk)
