"""Forms of the honours pages: they clean types; the services decide every rule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.models import Organisation
from gonghui.core.uploads import ACCEPT
from gonghui.registry.models import Employer, Member
from gonghui.workforce.choices import Agency, Comparison, Criterion, Opinion
from gonghui.workforce.honours import services
from gonghui.workforce.models import HonourCycle, HonourKind, Nomination


class Styled:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class KindForm(ServiceModelForm):
    class Meta:
        model = HonourKind
        fields = ["organisation", *services.KIND_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]


class CycleForm(ServiceModelForm):
    class Meta:
        model = HonourCycle
        fields = ["kind", "year", "name", "closes_on"]
        widgets = {"closes_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["name"].help_text = _("不填则为“某年某荣誉评选”")


class RuleForm(Styled, forms.Form):
    criterion = forms.ChoiceField(label=_("条件"), choices=Criterion.choices)
    comparison = forms.ChoiceField(label=_("要求"), choices=Comparison.choices)
    percent = forms.CharField(label=_("比例（%）"), max_length=10)


class QuotaForm(Styled, forms.Form):
    organisation = forms.ModelChoiceField(label=_("分配单位"), queryset=Organisation.objects.none())
    quota = forms.IntegerField(label=_("名额"), min_value=0, max_value=1000)

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            path__startswith=cycle.organisation.path
        ).order_by("path")


class NoticeForm(Styled, forms.Form):
    starts_on = forms.DateField(label=_("公示开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("公示结束日期"), widget=DateInput())


class DecisionForm(Styled, forms.Form):
    document_number = forms.CharField(label=_("表彰文号"), max_length=60)
    awarded_on = forms.DateField(label=_("授予日期"), widget=DateInput(), required=False)


class NominationForm(ServiceModelForm):
    minutes = forms.FileField(
        label=_("职代会决议或评议会议纪要"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )  # fmt: skip

    class Meta:
        model = Nomination
        fields = [
            "union", "member", "employer", "team_name", "position", "deeds",
            "appraised_on", "voters", "votes_for",
        ]  # fmt: skip
        widgets = {"appraised_on": DateInput()}

    def __init__(self, *args, cycle=None, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.user
        self.fields["union"].queryset = Organisation.objects.editable_by(user).filter(
            kind__in=["grassroots", "joint_union"]
        )
        self.fields["member"].queryset = Member.objects.editable_by(user).active()
        self.fields["employer"].queryset = Employer.objects.editable_by(user)
        self.fields["member"].widget.attrs["data-searchable"] = "1"
        if self.instance.pk:
            del self.fields["union"]
        for name in ("minutes",):
            style(self.fields[name])


class ReasonForm(Styled, forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=200)


class CommentForm(Styled, forms.Form):
    comment = forms.CharField(label=_("意见"), max_length=200, required=False)


class OpinionForm(Styled, forms.Form):
    agency = forms.ChoiceField(label=_("征求意见单位"), choices=Agency.choices)
    opinion = forms.ChoiceField(label=_("意见"), choices=Opinion.choices)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class ScoreForm(Styled, forms.Form):
    panelist = forms.CharField(label=_("评委"), max_length=50)
    score = forms.CharField(label=_("评分（0—100）"), max_length=10)


class ObjectionForm(Styled, forms.Form):
    received_on = forms.DateField(label=_("收到日期"), widget=DateInput())
    source = forms.CharField(label=_("反映人/方式"), max_length=100, required=False)
    content = forms.CharField(label=_("异议内容"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(Styled, forms.Form):
    answer = forms.CharField(label=_("核查答复"), widget=forms.Textarea(attrs={"rows": 2}))
    upheld = forms.BooleanField(label=_("异议成立"), required=False)


class UploadForm(Styled, forms.Form):
    upload = forms.FileField(
        label=_("职代会决议或评议会议纪要"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
