"""Forms of the visit pages: the keeper's walk-in count, the counter file, the worker's scan."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, style
from gonghui.stations.choices import Occupation


class WalkInForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=DateInput())
    count = forms.IntegerField(label=_("人次"), min_value=1)
    people = forms.IntegerField(label=_("人数"), min_value=0, required=False)
    occupation = forms.ChoiceField(label=_("职业"), choices=Occupation.choices)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class CounterForm(forms.Form):
    file = forms.FileField(label=_("客流计数器导出的 csv（列：日期、人次）"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.fields["file"])


class ScanForm(forms.Form):
    occupation = forms.ChoiceField(
        label=_("您的职业"), choices=Occupation.choices, widget=forms.RadioSelect
    )
