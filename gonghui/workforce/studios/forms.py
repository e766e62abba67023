"""Forms of the studio pages: they clean types; studios.services decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput
from gonghui.core.models import Organisation
from gonghui.registry.choices import Industry
from gonghui.registry.models import Employer, Member
from gonghui.workforce.choices import ActivityKind, AllianceBasis, Level, ResultKind, ReviewOutcome
from gonghui.workforce.honours.forms import Styled
from gonghui.workforce.models import Honouree, Studio


class StudioForm(Styled, forms.Form):
    name = forms.CharField(label=_("工作室名称"), max_length=100)
    level = forms.ChoiceField(label=_("命名级别"), choices=Level.choices)
    employer = forms.ModelChoiceField(label=_("所在单位"), queryset=Employer.objects.none())
    leader_honouree = forms.ModelChoiceField(
        label=_("领衔人（劳模工匠）"), queryset=Honouree.objects.none(), required=False
    )
    leader_member = forms.ModelChoiceField(
        label=_("领衔人（会员）"), queryset=Member.objects.none(), required=False
    )
    field = forms.CharField(label=_("专业领域"), max_length=100, required=False)
    named_on = forms.DateField(label=_("命名日期"), widget=DateInput())
    document_number = forms.CharField(label=_("命名文号"), max_length=60, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Employer.objects.editable_by(user).filter(
            union__isnull=False
        )
        self.fields["leader_honouree"].queryset = Honouree.objects.editable_by(user)
        self.fields["leader_member"].queryset = Member.objects.editable_by(user).active()


class GrantForm(Styled, forms.Form):
    amount = forms.CharField(label=_("金额（元）"), max_length=20)
    granted_on = forms.DateField(label=_("拨付日期"), widget=DateInput())
    source = forms.CharField(label=_("资金来源"), max_length=100)


class ResultForm(Styled, forms.Form):
    kind = forms.ChoiceField(label=_("成果类别"), choices=ResultKind.choices)
    title = forms.CharField(label=_("成果名称"), max_length=200)
    achieved_on = forms.DateField(label=_("取得日期"), widget=DateInput())
    benefit = forms.CharField(label=_("创造效益（元）"), max_length=20, required=False)


class ReportForm(Styled, forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("季度"), coerce=int,
                                     choices=[(q, f"第{q}季度") for q in (1, 2, 3, 4)])  # fmt: skip
    summary = forms.CharField(label=_("工作情况"), widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(Styled, forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    outcome = forms.ChoiceField(label=_("考核结果"), choices=ReviewOutcome.choices)
    note = forms.CharField(label=_("考核意见"), max_length=200, required=False)


class AllianceForm(Styled, forms.Form):
    organisation = forms.ModelChoiceField(label=_("牵头工会"), queryset=Organisation.objects.none())
    name = forms.CharField(label=_("联盟名称"), max_length=100)
    basis = forms.ChoiceField(label=_("组建方式"), choices=AllianceBasis.choices)
    industry = forms.ChoiceField(label=_("行业"), choices=[("", "—"), *Industry.choices],
                                 required=False)  # fmt: skip
    founded_on = forms.DateField(label=_("成立日期"), widget=DateInput())
    studios = forms.ModelMultipleChoiceField(label=_("成员工作室"), queryset=Studio.objects.none(),
                                             required=False)  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.editable_by(user)
        self.fields["studios"].queryset = Studio.objects.editable_by(user)


class ActivityForm(Styled, forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("名称"), max_length=200)
    held_on = forms.DateField(label=_("日期"), widget=DateInput())
    note = forms.CharField(label=_("情况"), max_length=200, required=False)


class FoundingForm(Styled, forms.Form):
    upload = forms.FileField(label=_("命名文件（PDF 或图片）"))
