"""Forms of the review and assessment pages; the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import Grade
from gonghui.cadres.records.forms import Styled
from gonghui.core.uploads import ACCEPT

PART_LABELS = {"self": _("本人自评"), "union": _("服务工会评议"), "county": _("县总评议")}


def this_quarter() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


class ReviewForm(Styled):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("季度"), coerce=int, choices=[(q, f"第{q}季度") for q in range(1, 5)]
    )
    part = forms.ChoiceField(label=_("评议环节"))
    score = forms.IntegerField(label=_("评分（百分制）"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("评语"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [(p, PART_LABELS[p]) for p in parts]
        year, quarter = this_quarter()
        self.fields["year"].initial = year
        self.fields["quarter"].initial = quarter


class WeightsForm(Styled):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    county_weight = forms.IntegerField(label=_("县总评分权重（%）"), min_value=0, max_value=100)
    host_weight = forms.IntegerField(label=_("服务工会评分权重（%）"), min_value=0, max_value=100)
    service_weight = forms.IntegerField(
        label=_("服务对象测评权重（%）"), min_value=0, max_value=100
    )


class OpenForm(Styled):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)


class ScoreForm(Styled):
    host_score = forms.DecimalField(label=_("服务工会评分"), max_digits=4, decimal_places=1)
    county_score = forms.DecimalField(label=_("县总评分"), max_digits=4, decimal_places=1)
    appraisal_score = forms.DecimalField(label=_("民主测评得分"), max_digits=4, decimal_places=1)
    appraisal_votes = forms.IntegerField(label=_("参加测评人数"), min_value=0, required=False)
    note = forms.CharField(
        label=_("考核意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=2000,
    )  # fmt: skip


GRADE_CHOICES = [("", _("按综合得分确定"))] + list(Grade.choices)


class SignOffForm(Styled):
    grade = forms.ChoiceField(label=_("考核等次"), choices=GRADE_CHOICES, required=False)


class AppealForm(Styled):
    reason = forms.CharField(label=_("申诉理由"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(Styled):
    answer = forms.CharField(label=_("答复"), widget=forms.Textarea(attrs={"rows": 3}))
    grade = forms.ChoiceField(
        label=_("等次"), required=False,
        choices=[("", _("维持原等次"))] + list(Grade.choices),
    )  # fmt: skip


class ReportForm(Styled):
    upload = forms.FileField(
        label=_("述职报告"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF、JPG 或 PNG"),
    )  # fmt: skip
