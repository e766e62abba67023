"""Forms of the care pages and the worker's feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, style
from gonghui.stations.choices import CheckItem, IncidentKind, IncidentSource


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("评分"), coerce=int, choices=[(n, "★" * n) for n in range(5, 0, -1)]
    )
    comment = forms.CharField(label=_("意见"), max_length=500, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=IncidentKind.choices)
    source = forms.ChoiceField(label=_("来源"), choices=IncidentSource.choices)
    description = forms.CharField(label=_("情况"), max_length=500)
    caller = forms.CharField(label=_("报告人"), max_length=50, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class WatchForm(forms.Form):
    seen = forms.CharField(label=_("所见情况"), max_length=300)
    all_well = forms.BooleanField(label=_("情况正常"), required=False, initial=True)


class InspectionForm(forms.Form):
    inspected_on = forms.DateField(label=_("检查日期"), widget=DateInput())
    failed_items = forms.MultipleChoiceField(
        label=_("不合格项"), choices=CheckItem.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    note = forms.CharField(label=_("检查意见"), max_length=500, required=False)
    finding_item = forms.ChoiceField(label=_("问题所属项"), choices=CheckItem.choices,
                                     required=False)  # fmt: skip
    finding = forms.CharField(label=_("发现问题"), max_length=300, required=False)
    fix_by = forms.DateField(label=_("整改期限"), widget=DateInput(), required=False)


class HelpForm(forms.Form):
    kind = forms.ChoiceField(label=_("什么情况"), choices=IncidentKind.choices)
    description = forms.CharField(label=_("请简要说明"), max_length=500,
                                  widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)
