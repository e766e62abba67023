"""The worker's competition pages in the portal (/m/workforce/competitions/): the contests open
to their union (the QR code on a competition's page leads here) and registering for one, checked
by the same rules and quota as a union's registration; it then waits for the union's confirmation.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.core.scoping import ancestor_paths
from gonghui.portal.identity import worker_required
from gonghui.portal.queries import own_active_spells, own_spells
from gonghui.workforce.competitions import forms, services
from gonghui.workforce.honours.views import error_text
from gonghui.workforce.models import Competition, Entrant
from gonghui.workforce.models.competitions import ContestStatus


def _open_to(spells):
    paths = ancestor_paths([m.union.path for m in spells])
    return Competition.objects.filter(organisation__path__in=paths, status=ContestStatus.OPEN)


@worker_required
def competitions(request):
    spells = list(own_active_spells(request.worker).select_related("union"))
    entries = Entrant.objects.filter(member__in=list(own_spells(request.worker))).select_related(
        "competition"
    )
    return render(request, "workforce/portal/competitions.html", {
        "open": _open_to(spells).order_by("starts_on"), "entries": entries,
    })  # fmt: skip


@worker_required
def register(request, pk):
    spells = list(own_active_spells(request.worker).select_related("union", "employer"))
    contest = _open_to(spells).filter(pk=pk).first()
    if contest is None:
        raise Http404
    member = next((m for m in spells if m.union.path.startswith(contest.organisation.path)), None)
    form = forms.PortalRegisterForm(request.POST or None, initial={"trade": contest.trade})
    if request.method == "POST" and form.is_valid():
        try:
            if member is None:
                raise ValidationError(_("您不是主办工会范围内的在会会员，不能报名"))
            services.register_self(member=member, competition=contest, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, _("已报名，等待所在工会确认"))
            return HttpResponseRedirect(reverse("workforce_portal:competitions"))
    return render(request, "workforce/portal/competition_register.html",
                  {"c": contest, "form": form, "member": member})  # fmt: skip
