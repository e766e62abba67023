"""Centralised bargaining rounds (集中要约): list, add/edit, the round's page with its offers and
counts per outcome, sending offers to many employers at once, recording responses. Thin views:
writes through gonghui.rights.contracts.bargaining, candidates through
gonghui.rights.contracts.queries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectEditView, ObjectListView, apply_errors
from gonghui.rights.contracts import bargaining, queries
from gonghui.rights.contracts.filters import RoundFilterSet
from gonghui.rights.contracts.forms import CandidateFilterForm, OfferAddForm, OfferForm, RoundForm
from gonghui.rights.models import BargainingRound, RoundOffer

CANDIDATE_LIMIT = 1000  # one page of tick boxes; narrow the area for more


class RoundListView(RoleRequired, ObjectListView):
    model = BargainingRound
    select_related = ("organisation",)
    filterset_class = RoundFilterSet
    template_name = "rights/round_list.html"
    default_sort = "-started_on"
    sort_options = {"started_on": gettext_lazy("启动日期"), "year": gettext_lazy("年度")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["objects"])
        counts = queries.offer_counts_by_round([r.pk for r in rows])
        for round_ in rows:
            round_.counts = counts.get(round_.pk, {})
        context["objects"] = rows
        return context


class RoundEditView(RoleRequired, ObjectEditView):
    model = BargainingRound
    form_class = RoundForm
    writes = (bargaining.create_round, bargaining.update_round)
    record_name = "round"


def _round(request, pk) -> BargainingRound:
    return visible_or_404(request, BargainingRound, pk, "organisation")


def _may_edit(request, round_) -> bool:
    return BargainingRound.objects.editable_by(request.user).filter(pk=round_.pk).exists()


def round_detail(request, pk):
    round_ = _round(request, pk)
    offers = (
        RoundOffer.objects.filter(round=round_)
        .select_related("employer__territory", "contract")
        .order_by("employer__name", "pk")
    )
    context = {
        "object": round_,
        "offers": offers,
        "counts": queries.offer_counts(round_),
        "can_edit": _may_edit(request, round_),
        "history": AuditEntry.objects.for_object(round_)[:100],
    }
    return render(request, "rights/round_detail.html", context)


def round_offers_add(request, pk):
    """Candidates: unionized employers the user sees in the chosen area, not yet in the round,
    without an effective contract of the round's kind (unless asked to list those too)."""
    round_ = _round(request, pk)
    if not _may_edit(request, round_):
        raise PermissionDenied
    area = CandidateFilterForm(request.GET or None, user=request.user)
    within, with_contract = None, False
    if area.is_valid():
        within = area.cleaned_data["within"]
        with_contract = area.cleaned_data["with_contract"]
    candidates = queries.round_candidates(
        request.user, round_, within=within, with_contract=with_contract
    )
    data = request.POST if request.method == "POST" else None
    form = OfferAddForm(data, candidates=candidates)
    if data is None:
        form.initial["employers"] = list(candidates.values_list("pk", flat=True)[:CANDIDATE_LIMIT])
    if form.is_valid():
        try:
            created = bargaining.add_offers(
                actor=request.user, round=round_, employers=form.cleaned_data["employers"],
                offered_on=form.cleaned_data["offered_on"],
            )  # fmt: skip
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已向 %(n)d 家企业发出要约") % {"n": len(created)})
            return redirect(round_)
    total = candidates.count()
    form.fields["employers"].queryset = candidates[:CANDIDATE_LIMIT] if data is None else (
        form.fields["employers"].queryset
    )  # fmt: skip
    context = {
        "object": round_,
        "area": area,
        "form": form,
        "total": total,
        "limit": CANDIDATE_LIMIT,
        "with_contract": with_contract,
    }
    return render(request, "rights/round_offers_add.html", context)


def _offer(request, pk) -> RoundOffer:
    require_role(request.user)
    found = RoundOffer.objects.visible_to(request.user).select_related(
        "round__organisation", "employer", "contract"
    )
    offer = get_object_or_404(found, pk=pk)
    if not _may_edit(request, offer.round):
        raise PermissionDenied
    return offer


def offer_edit(request, pk):
    offer = _offer(request, pk)
    if request.method == "POST":
        form = OfferForm(request.POST, user=request.user, offer=offer)
        if form.is_valid():
            try:
                bargaining.update_offer(actor=request.user, offer=offer, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已记录要约进展：%(e)s") % {"e": offer.employer.name})
                return redirect(offer.round)
    else:
        initial = {name: getattr(offer, name) for name in bargaining.OFFER_FIELDS}
        form = OfferForm(initial=initial, user=request.user, offer=offer)
    context = {
        "form": form,
        "object": offer,
        "title": _("要约进展：%(e)s（%(r)s）") % {"e": offer.employer.name, "r": offer.round},
        "cancel_url": offer.round.get_absolute_url(),
        "history": AuditEntry.objects.for_object(offer)[:100],
    }
    return render(request, "rights/round_offer_form.html", context)


@require_POST
def offer_remove(request, pk):
    offer = _offer(request, pk)
    try:
        bargaining.remove_offer(actor=request.user, offer=offer)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已移出要约企业：%(e)s") % {"e": offer.employer.name})
    return redirect(offer.round)
