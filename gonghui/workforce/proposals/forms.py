"""Forms of the proposal pages: they clean types; proposals.services decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput
from gonghui.registry.models import Member
from gonghui.workforce.honours.forms import Styled
from gonghui.workforce.models.proposals import AwardTier, ProposalCategory

TEXT = {"rows": 3}


class ProposalFields(forms.Form):
    category = forms.ChoiceField(label=_("类别"), choices=ProposalCategory.choices)
    title = forms.CharField(label=_("题目"), max_length=100)
    problem = forms.CharField(label=_("存在的问题"), max_length=2000,
                              widget=forms.Textarea(attrs=TEXT))  # fmt: skip
    idea = forms.CharField(label=_("建议或方案"), max_length=2000,
                           widget=forms.Textarea(attrs=TEXT))  # fmt: skip
    expected_benefit = forms.CharField(label=_("预期效益"), max_length=2000, required=False,
                                       widget=forms.Textarea(attrs=TEXT))  # fmt: skip


class ClerkProposalForm(Styled, ProposalFields):
    member = forms.ModelChoiceField(label=_("提出人（会员）"), queryset=Member.objects.none())
    submitted_on = forms.DateField(label=_("提出日期"), widget=DateInput(), required=False)

    field_order = ["member", "submitted_on"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.editable_by(user).active()


class AdoptForm(Styled, forms.Form):
    award_tier = forms.ChoiceField(label=_("奖励等次"), required=False,
                                   choices=[("", "—"), *AwardTier.choices])  # fmt: skip


class RejectForm(Styled, forms.Form):
    reason = forms.CharField(label=_("未采纳原因（职工可见）"), max_length=200)


class ImplementForm(Styled, forms.Form):
    implemented_on = forms.DateField(label=_("实施日期"), widget=DateInput(), required=False)


class BenefitForm(Styled, forms.Form):
    amount = forms.CharField(label=_("核实效益（元）"), max_length=20)
    verified_by_name = forms.CharField(label=_("效益核实人"), max_length=50)
