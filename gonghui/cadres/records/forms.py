"""Forms of the monthly records, attendance and training entries. They clean types; the
services check the rules (gonghui.cadres.records.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import TrainingKind
from gonghui.core.forms import DateInput, style
from gonghui.core.uploads import ACCEPT


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


def month_field(label=None) -> forms.DateField:
    label = label or _("月份")
    return forms.DateField(label=label, input_formats=["%Y-%m", "%Y-%m-%d"], widget=MonthInput())


class Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)
            if isinstance(field.widget, MonthInput):
                field.widget.input_type = "month"
                field.widget.format = "%Y-%m"


class RecordForm(Styled):
    month = month_field()
    work_done = forms.CharField(
        label=_("本月工作内容"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000,
        help_text=_("走访、建会、入会、帮扶、维权、活动等；本工会本月数据由系统自动带出"),
    )  # fmt: skip
    notes = forms.CharField(
        label=_("其他说明"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=5000,
    )  # fmt: skip

    def __init__(self, *args, worker_choices=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["month"]
        if worker_choices is not None:
            self.fields["worker"] = forms.ModelChoiceField(label=_("社工"), queryset=worker_choices)
            style(self.fields["worker"])
            self.order_fields(["worker", "month", "work_done", "notes"])


class AttachmentForm(Styled):
    upload = forms.FileField(
        label=_("附件"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("JPG、PNG 或 PDF"),
    )  # fmt: skip
    kind = forms.CharField(label=_("材料说明"), max_length=50, required=False)


class AttendanceForm(Styled):
    month = month_field()
    days_signed_in = forms.IntegerField(label=_("签到天数"), min_value=0, max_value=31)
    days_leave = forms.IntegerField(label=_("请假天数"), min_value=0, max_value=31, initial=0)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class TrainingForm(Styled):
    kind = forms.ChoiceField(label=_("类别"), choices=TrainingKind.choices)
    title = forms.CharField(label=_("名称"), max_length=200)
    date = forms.DateField(label=_("日期"), widget=DateInput())
    hours = forms.DecimalField(label=_("学时"), max_digits=5, decimal_places=1, min_value=0)
    result = forms.CharField(label=_("成绩/结果"), max_length=100, required=False)
