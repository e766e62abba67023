"""Forms of the honourees' pages: they clean types; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput
from gonghui.workforce.choices import CareKind, HonoureeStatus
from gonghui.workforce.honours.forms import Styled


class CareForm(Styled, forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=CareKind.choices)
    on = forms.DateField(label=_("日期"), widget=DateInput())
    note = forms.CharField(label=_("情况"), max_length=200, required=False)


class AllowanceForm(Styled, forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    amount = forms.CharField(label=_("金额（元，不填按标准）"), max_length=20, required=False)


class StatusForm(Styled, forms.Form):
    status = forms.ChoiceField(label=_("状态"), choices=HonoureeStatus.choices)
    on = forms.DateField(label=_("日期"), widget=DateInput(), required=False)


class HardshipForm(Styled, forms.Form):
    in_hardship = forms.BooleanField(label=_("困难劳模"), required=False)
    note = forms.CharField(label=_("困难情况"), max_length=200, required=False)


class RevokeForm(Styled, forms.Form):
    reason = forms.CharField(label=_("撤销原因"), max_length=200)
    document_number = forms.CharField(label=_("撤销文号"), max_length=60)
    upload = forms.FileField(label=_("撤销文件"), required=False)
