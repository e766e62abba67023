"""Forms of the contracts area. They clean input and offer only what the user may pick; the
services (contracts, bargaining, democracy) check the rules and write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.pickers import use_picker
from gonghui.registry.models import Employer
from gonghui.rights.choices import OfferResponse
from gonghui.rights.models import BargainingRound, CollectiveContract, ContractEmployer


def employer_choices(field: forms.ModelMultipleChoiceField) -> None:
    field.label_from_instance = lambda e: f"{e.name}（{e.credit_code}）"


class ContractForm(ServiceModelForm):
    employers = forms.ModelMultipleChoiceField(
        label=_("覆盖企业"),
        queryset=Employer.objects.all(),
        required=False,
        help_text=_("企业集体合同选一家；区域性、行业性合同可选多家，也可以登记后在合同页添加"),
    )

    class Meta:
        model = CollectiveContract
        fields = [
            "organisation", "title", "scope", "kind", "signed_on", "effective_on", "expires_on",
            "workers_covered", "filed_on",
        ]  # fmt: skip
        widgets = {
            "signed_on": DateInput(), "effective_on": DateInput(), "expires_on": DateInput(),
            "filed_on": DateInput(),
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The signing union is fixed; the coverage is edited on the contract's page.
            del self.fields["organisation"]
            del self.fields["employers"]
        else:
            self.fields["employers"].queryset = (
                Employer.objects.visible_to(self.user).operating().order_by("name", "pk")
            )
            employer_choices(self.fields["employers"])


class CoverageForm(forms.Form):
    employers = forms.ModelMultipleChoiceField(label=_("添加覆盖企业"), queryset=None)

    def __init__(self, *args, user, contract, **kwargs):
        super().__init__(*args, **kwargs)
        covered = ContractEmployer.objects.filter(contract=contract).values("employer_id")
        self.fields["employers"].queryset = (
            Employer.objects.visible_to(user).exclude(pk__in=covered).order_by("name", "pk")
        )
        employer_choices(self.fields["employers"])
        style(self.fields["employers"])


class RoundForm(ServiceModelForm):
    class Meta:
        model = BargainingRound
        fields = ["organisation", "name", "year", "kind", "started_on", "closed_on", "notes"]
        widgets = {
            "started_on": DateInput(), "closed_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
        else:
            self.initial.setdefault("year", timezone.localdate().year)


class OfferAddForm(forms.Form):
    """Employers to send the round's offer to: the candidates of the chosen area, all ticked."""

    employers = forms.ModelMultipleChoiceField(
        label=_("要约企业"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    offered_on = forms.DateField(label=_("发出要约日期"), widget=DateInput())

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employers"].queryset = candidates
        employer_choices(self.fields["employers"])
        self.fields["offered_on"].initial = timezone.localdate()
        style(self.fields["offered_on"])


class CandidateFilterForm(forms.Form):
    """GET form of the offers page: which area, and whether to leave out those under contract."""

    within = forms.ModelChoiceField(
        label=_("范围（乡镇、园区或工会）"), queryset=None, required=False
    )
    with_contract = forms.BooleanField(label=_("也列出已有该类有效合同的企业"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)
        use_picker(self.fields["within"], user=user, source="visible")


class OfferForm(forms.Form):
    response = forms.ChoiceField(label=_("进展"), choices=OfferResponse.choices)
    offered_on = forms.DateField(label=_("发出要约日期"), widget=DateInput(), required=False)
    responded_on = forms.DateField(label=_("回应日期"), widget=DateInput(), required=False)
    outcome_note = forms.CharField(
        label=_("结果说明"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    contract = forms.ModelChoiceField(
        label=_("签订的合同"), queryset=None, required=False,
        help_text=_("已签订时必选：覆盖该企业、与要约内容同类的合同"),
    )  # fmt: skip

    def __init__(self, *args, user, offer, **kwargs):
        super().__init__(*args, **kwargs)
        covering = ContractEmployer.objects.filter(employer=offer.employer).values("contract_id")
        self.fields["contract"].queryset = (
            CollectiveContract.objects.visible_to(user)
            .filter(pk__in=covering, kind=offer.round.kind)
            .order_by("-signed_on", "pk")
        )
        for field in self.fields.values():
            style(field)


STAR_CHOICES = [(n, "★" * n if n else _("未评定")) for n in range(6)]


class DemocracyForm(forms.Form):
    congress_established = forms.BooleanField(label=_("已建立职代会制度"), required=False)
    congress_established_on = forms.DateField(
        label=_("职代会建立日期"), widget=DateInput(), required=False
    )
    last_congress_on = forms.DateField(
        label=_("最近一次职代会"), widget=DateInput(), required=False
    )
    open_affairs_established = forms.BooleanField(label=_("已实行厂务公开"), required=False)
    open_affairs_established_on = forms.DateField(
        label=_("厂务公开实行日期"), widget=DateInput(), required=False
    )
    star_rating = forms.TypedChoiceField(
        label=_("星级评定"), choices=STAR_CHOICES, coerce=int, initial=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)
