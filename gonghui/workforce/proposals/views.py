"""Staff pages of proposals: the clerk's register (with the submitter), entry, implementation
and the verified benefit; the review panel's pages (never the submitter: they read the
`PANEL_FIELDS` only and show no change history); the rates table; the QR poster."""

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.filters import SubtreeFilter
from gonghui.core.models import AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.portal.links import qr_inline_svg
from gonghui.workforce.honours.views import _form_or_raise, post_action
from gonghui.workforce.models import Proposal
from gonghui.workforce.models.proposals import PANEL_FIELDS, ProposalCategory, ProposalStatus
from gonghui.workforce.proposals import forms, queries, services


class ProposalFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=ProposalStatus.choices
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("类别"), choices=ProposalCategory.choices
    )
    within = SubtreeFilter(label=gettext_lazy("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Proposal
        fields = ["status", "category", "within"]


class PanelFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=ProposalStatus.choices
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("类别"), choices=ProposalCategory.choices
    )

    class Meta:
        model = Proposal
        fields = ["status", "category"]


class ProposalListView(RoleRequired, ObjectListView):
    model = Proposal
    select_related = ("union", "member", "employer")
    filterset_class = ProposalFilterSet
    template_name = "workforce/proposals/proposal_list.html"
    default_sort = "-pk"


def proposal_add(request):
    require_role(request.user, EDIT_ROLES)
    form = forms.ClerkProposalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.submit_proposal(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记：%(o)s") % {"o": proposal})
            return HttpResponseRedirect(proposal.get_absolute_url())
    return render(request, "core/object_edit.html", {"form": form, "title": _("录入合理化建议")})


def _proposal(request, pk):
    return visible_or_404(request, Proposal, pk, "union", "member", "employer")


def proposal_detail(request, pk):
    proposal = _proposal(request, pk)
    context = {
        "object": proposal,
        "p": proposal,
        "can_edit": Proposal.objects.editable_by(request.user).filter(pk=pk).exists(),
        "implement_form": forms.ImplementForm(auto_id="implement_%s"),
        "benefit_form": forms.BenefitForm(auto_id="benefit_%s"),
        "history": AuditEntry.objects.for_object(proposal)[:50],
    }
    return render(request, "workforce/proposals/proposal_detail.html", context)


proposal_implement = post_action(
    _proposal,
    lambda r, p: services.implement(
        actor=r.user, proposal=p, **_form_or_raise(forms.ImplementForm(r.POST))
    ),
    gettext_lazy("已登记实施"),
)
proposal_verify = post_action(
    _proposal,
    lambda r, p: services.verify_benefit(
        actor=r.user, proposal=p, **_form_or_raise(forms.BenefitForm(r.POST))
    ),
    gettext_lazy("已登记核实效益"),
)


# ---------------------------------------------------------------------------------------------
# The review panel: nothing of the submitter
# ---------------------------------------------------------------------------------------------


class PanelListView(RoleRequired, ObjectListView):
    model = Proposal
    filterset_class = PanelFilterSet
    template_name = "workforce/proposals/panel_list.html"
    default_sort = "-pk"

    def scoped_queryset(self):
        return super().scoped_queryset().only(*PANEL_FIELDS)


class PanelRecord:
    """The fields the panel reads, and where its steps go back to."""

    def __init__(self, proposal):
        for name in PANEL_FIELDS:
            setattr(self, name, getattr(proposal, name))
        self.pk = proposal.pk
        self.proposal = proposal
        self.category_label = proposal.get_category_display()
        self.status_label = proposal.get_status_display()
        self.award_tier_label = proposal.get_award_tier_display()

    def get_absolute_url(self):
        return reverse("workforce:panel_detail", args=[self.pk])


def _panel(request, pk) -> PanelRecord:
    require_role(request.user)
    queryset = Proposal.objects.visible_to(request.user).only(*PANEL_FIELDS, "union")
    return PanelRecord(get_object_or_404(queryset, pk=pk))


def panel_detail(request, pk):
    record = _panel(request, pk)
    context = {
        "p": record,
        "adopt_form": forms.AdoptForm(auto_id="adopt_%s"),
        "reject_form": forms.RejectForm(auto_id="reject_%s"),
        "open": record.status in (ProposalStatus.RECEIVED, ProposalStatus.REVIEWING),
    }
    return render(request, "workforce/proposals/panel_detail.html", context)


panel_start = post_action(
    _panel,
    lambda r, p: services.start_review(actor=r.user, proposal=p.proposal),
    gettext_lazy("已进入评审"),
)
panel_adopt = post_action(
    _panel,
    lambda r, p: services.adopt(
        actor=r.user, proposal=p.proposal, **_form_or_raise(forms.AdoptForm(r.POST))
    ),
    gettext_lazy("已采纳"),
)
panel_reject = post_action(
    _panel,
    lambda r, p: services.reject(
        actor=r.user, proposal=p.proposal, **_form_or_raise(forms.RejectForm(r.POST))
    ),
    gettext_lazy("已作未采纳处理"),
)


def rates(request):
    require_role(request.user)
    mine = Proposal.objects.visible_to(request.user)
    context = {"by_union": queries.rates(mine, "union"),
               "by_employer": queries.rates(mine, "employer")}  # fmt: skip
    return render(request, "workforce/proposals/rates.html", context)


def poster(request):
    """The QR code workers scan to submit a proposal on their phone."""
    require_role(request.user)
    url = request.build_absolute_uri(reverse("workforce_portal:proposal_new"))
    return render(request, "workforce/proposals/poster.html",
                  {"url": url, "qr_svg": mark_safe(qr_inline_svg(url, scale=8))})  # fmt: skip
