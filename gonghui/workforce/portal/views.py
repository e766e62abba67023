"""The worker's page: their honours (found through their verified phone's membership spells,
by the person's ID hash) and the studios they lead or belong to. Nothing of anyone else."""

from django.db.models import Q
from django.shortcuts import render

from gonghui.portal.identity import worker_required
from gonghui.portal.queries import own_spells
from gonghui.workforce.models import Honour, Studio


@worker_required
def home(request):
    spells = list(own_spells(request.worker))
    hashes = {m.id_hash for m in spells}
    honours = Honour.objects.active().filter(honouree__id_hash__in=hashes).select_related("kind")
    studios = Studio.objects.filter(
        Q(members__in=spells) | Q(leader_member__in=spells) | Q(leader_honouree__id_hash__in=hashes)
    ).distinct()
    return render(request, "workforce/portal/home.html", {"honours": honours, "studios": studios})
