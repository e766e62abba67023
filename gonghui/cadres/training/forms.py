"""Forms of the training pages; gonghui.cadres.training.services checks the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.models import Course, SocialWorker
from gonghui.cadres.records.forms import Styled
from gonghui.core.forms import DateInput, ServiceModelForm


class CourseForm(ServiceModelForm):
    class Meta:
        model = Course
        fields = ["organisation", "title", "kind", "starts_on", "ends_on", "hours", "place"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {"organisation": _("主办工会：本级及下级工会可报名；创建后不能更改")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]


class EnrolForm(Styled):
    union = forms.ModelChoiceField(label=_("报名工会"), queryset=None)
    name = forms.CharField(label=_("姓名"), max_length=50)
    post = forms.CharField(label=_("职务"), max_length=50, required=False)
    worker = forms.ModelChoiceField(
        label=_("关联社工"), queryset=SocialWorker.objects.none(), required=False,
        help_text=_("报名的是本工会社工时选择，培训将记入其成长档案"),
    )  # fmt: skip

    def __init__(self, *args, unions, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["worker"].queryset = workers


class AttendForm(Styled):
    hours_attended = forms.DecimalField(label=_("出勤学时"), max_digits=5, decimal_places=1)
    completed = forms.TypedChoiceField(
        label=_("结业"), choices=[("1", _("已结业")), ("0", _("未完成"))],
        coerce=lambda v: v == "1",
    )  # fmt: skip
