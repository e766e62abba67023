"""Transfer (转会) from the portal: a member with an active spell under their verified phone asks
to move to another union of the county."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from gonghui.portal import links, queries
from gonghui.portal.forms import TransferForm
from gonghui.portal.identity import worker_required
from gonghui.portal.views.common import picked_employer, show_errors
from gonghui.registry import membership


@worker_required
def transfer_unions(request):
    """Choose the receiving union: the county's unions that take members, searchable."""
    active = list(queries.own_active_spells(request.worker))
    text = request.GET.get("q", "")
    unions = []
    if active:
        current = active[0].union
        unions = [
            (union, links.join_code(union))
            for union in queries.county_unions(current.county, text, exclude=current)[:30]
        ]
    context = {"active_spells": active, "unions": unions, "q": text}
    return render(request, "portal/transfer_unions.html", context)


@worker_required
def transfer(request, code):
    union = links.union_for_code(code)
    if union is None:
        raise Http404
    spells = [s for s in queries.own_active_spells(request.worker) if s.union_id != union.pk]
    context = {"union": union, "code": code}
    if not spells:
        context["already_here"] = queries.own_active_spells(request.worker).exists()
        return render(request, "portal/transfer_none.html", context)
    form = TransferForm(request.POST or None, union=union, spells=spells)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = membership.submit_transfer(
                member=data["member_obj"],
                union=union,
                employer=data["employer_obj"],
                employment_form=data["employment_form"],
                note=data["note"],
                actor=None,
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            return redirect("portal:application", pk=application.pk)
    context.update(form=form, picked=picked_employer(form))
    return render(request, "portal/transfer_form.html", context)
