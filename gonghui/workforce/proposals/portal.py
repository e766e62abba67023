"""The worker's proposals on the phone (/m/workforce/proposals/): submit one (the QR poster
points here) and follow its review, with the reason when it is not adopted. Rows are found by
the worker's verified phone (their membership spells); nothing of anyone else."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.views.generic import apply_errors
from gonghui.portal.identity import worker_required
from gonghui.portal.queries import own_active_spells, own_spells
from gonghui.workforce.models import Proposal
from gonghui.workforce.proposals import services
from gonghui.workforce.proposals.forms import ProposalFields


class PortalProposalForm(ProposalFields):
    member = forms.TypedChoiceField(label=gettext_lazy("所在工会"), coerce=int)

    def __init__(self, *args, spells, **kwargs):
        super().__init__(*args, **kwargs)
        self.spells = {m.pk: m for m in spells}
        self.fields["member"].choices = [(m.pk, m.union.name) for m in spells]
        if len(spells) == 1:
            self.fields["member"].widget = forms.HiddenInput()
            self.fields["member"].initial = spells[0].pk
        for field in self.fields.values():
            css = "form-select form-select-lg" if isinstance(field.widget, forms.Select) else (
                "form-control form-control-lg")  # fmt: skip
            field.widget.attrs.setdefault("class", css)

    def clean_member(self):
        return self.spells[self.cleaned_data["member"]]


@worker_required
def mine(request):
    proposals = Proposal.objects.filter(member__in=own_spells(request.worker)).order_by("-pk")
    return render(request, "workforce/portal/proposals.html", {"proposals": proposals[:100]})


@worker_required
def new(request):
    spells = list(own_active_spells(request.worker).select_related("union"))
    if not spells:
        return render(request, "workforce/portal/proposal_new.html", {"form": None})
    form = PortalProposalForm(request.POST or None, spells=spells)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.submit_proposal(actor=None, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            done = _("已提交，编号 %(n)s，请留意评审结果") % {"n": proposal.number}
            messages.success(request, done)
            return redirect("workforce_portal:proposals")
    return render(request, "workforce/portal/proposal_new.html", {"form": form})
