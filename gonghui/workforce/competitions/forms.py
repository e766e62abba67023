"""Forms of the competition pages: they clean types; competitions.services and scoring decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput
from gonghui.core.models import Organisation
from gonghui.registry.models import Employer, Member
from gonghui.workforce.honours.forms import Styled
from gonghui.workforce.models.competitions import (
    ContestKind,
    ContestLevel,
    RoundKind,
    TieRule,
)


class CompetitionForm(Styled, forms.Form):
    organisation = forms.ModelChoiceField(label=_("主办工会"), queryset=Organisation.objects.none())
    co_organisers = forms.CharField(label=_("协办单位"), max_length=200, required=False,
                                    help_text=_("如县人社局，多个用顿号分隔"))  # fmt: skip
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    name = forms.CharField(label=_("竞赛名称"), max_length=100)
    kind = forms.ChoiceField(label=_("竞赛类别"), choices=ContestKind.choices)
    level = forms.ChoiceField(label=_("竞赛级别"), choices=ContestLevel.choices)
    trade = forms.CharField(label=_("工种"), max_length=50, required=False)
    project = forms.CharField(label=_("重点工程（项目）"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())
    place = forms.CharField(label=_("比赛地点"), max_length=200, required=False)
    min_age = forms.IntegerField(label=_("最低年龄"), min_value=16, max_value=70, required=False)
    max_age = forms.IntegerField(label=_("最高年龄"), min_value=16, max_value=70, required=False)
    members_only = forms.BooleanField(label=_("仅限在会会员"), required=False, initial=True)
    drop_extremes = forms.BooleanField(label=_("去掉一个最高分和一个最低分"), required=False)
    tie_rule = forms.ChoiceField(label=_("同分排名规则"), choices=TieRule.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.editable_by(user)


class QuotaForm(Styled, forms.Form):
    organisation = forms.ModelChoiceField(label=_("分配单位"), queryset=Organisation.objects.none())
    quota = forms.IntegerField(label=_("名额"), min_value=0, max_value=10000)

    def __init__(self, *args, competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            path__startswith=competition.organisation.path
        ).order_by("path")


class RegisterForm(Styled, forms.Form):
    member = forms.ModelChoiceField(label=_("会员"), queryset=Member.objects.none())
    trade = forms.CharField(label=_("报名工种"), max_length=50, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.editable_by(user).active()
        self.fields["member"].widget.attrs["data-searchable"] = "1"


class RoundForm(Styled, forms.Form):
    name = forms.CharField(label=_("轮次名称"), max_length=50)
    kind = forms.ChoiceField(label=_("轮次类别"), choices=RoundKind.choices)
    weight = forms.CharField(label=_("权重（%）"), max_length=10)
    held_on = forms.DateField(label=_("比赛日期"), widget=DateInput(), required=False)


class CriterionForm(Styled, forms.Form):
    name = forms.CharField(label=_("评分项"), max_length=50)
    weight = forms.CharField(label=_("权重（%）"), max_length=10)
    max_score = forms.CharField(label=_("满分"), max_length=10, initial="100")


class JudgeForm(Styled, forms.Form):
    member = forms.ModelChoiceField(label=_("会员（可不选）"), queryset=Member.objects.none(),
                                    required=False)  # fmt: skip
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    employer = forms.ModelChoiceField(label=_("工作单位（库内单位）"),
                                      queryset=Employer.objects.none(), required=False)  # fmt: skip
    employer_name = forms.CharField(label=_("工作单位名称"), max_length=100, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.visible_to(user).active()
        self.fields["member"].widget.attrs["data-searchable"] = "1"
        self.fields["employer"].queryset = Employer.objects.visible_to(user)


class TeamForm(Styled, forms.Form):
    name = forms.CharField(label=_("参赛队名称"), max_length=100)
    union = forms.ModelChoiceField(label=_("所在工会"), queryset=Organisation.objects.none())
    leader = forms.CharField(label=_("负责人"), max_length=50, required=False)

    def __init__(self, *args, competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Organisation.objects.filter(
            path__startswith=competition.organisation.path
        ).order_by("path")


class StageForm(Styled, forms.Form):
    name = forms.CharField(label=_("阶段名称"), max_length=50)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())


class SummaryForm(Styled, forms.Form):
    team = forms.IntegerField(label=_("参赛队"), widget=forms.Select)
    summary = forms.CharField(label=_("阶段小结"), widget=forms.Textarea(attrs={"rows": 2}))
    score = forms.CharField(label=_("阶段评分"), max_length=10, required=False)

    def __init__(self, *args, stage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].widget.choices = [(t.pk, t.name) for t in stage.competition.teams.all()]


class CommendForm(Styled, forms.Form):
    commendation = forms.CharField(label=_("表彰称号"), max_length=100)


class NoteForm(Styled, forms.Form):
    note = forms.CharField(label=_("推荐理由"), max_length=200, required=False)


class PortalRegisterForm(Styled, forms.Form):
    trade = forms.CharField(label=_("报名工种"), max_length=50, required=False)
