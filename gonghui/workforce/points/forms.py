"""Forms of the points pages: they clean types; points.services decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import ServiceModelForm
from gonghui.workforce.honours.forms import Styled
from gonghui.workforce.models import PointsRule, Reward
from gonghui.workforce.points import services


class RuleForm(ServiceModelForm):
    class Meta:
        model = PointsRule
        fields = ["union", *services.RULE_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["union"]
        else:
            self.pick("union", kinds=services.MEMBER_UNIONS)


class RewardForm(ServiceModelForm):
    class Meta:
        model = Reward
        fields = ["union", *services.REWARD_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["union"]
        else:
            self.pick("union", kinds=services.MEMBER_UNIONS)


class ReasonForm(Styled, forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=200)


class HandOutForm(Styled, forms.Form):
    signed_by = forms.CharField(label=_("领取人签名"), max_length=50)
