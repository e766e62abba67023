"""Forms of the returns pages. They clean types; gonghui.returns.services checks the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import style
from gonghui.returns.choices import Aggregation, Form, Op, Origin


class Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class YearForm(Styled):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class IndicatorForm(Styled):
    code = forms.CharField(label=_("指标代码"), max_length=20)
    label = forms.CharField(label=_("指标名称"), max_length=100)
    form = forms.ChoiceField(label=_("所在表式"), choices=Form.choices)
    cell = forms.CharField(label=_("表中位置"), max_length=40, help_text=_("行次/栏次或单元格"))
    unit = forms.CharField(label=_("计量单位"), max_length=10, initial="个")
    source = forms.ChoiceField(label=_("数据来源"), required=False)
    aggregation = forms.ChoiceField(label=_("汇总方式"), choices=Aggregation.choices)
    order = forms.IntegerField(label=_("序号"), min_value=0, max_value=999, initial=0)
    definition = forms.CharField(
        label=_("统计口径"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, sources: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("手工填报")), *sorted(sources.items())]


class RuleForm(Styled):
    left = forms.CharField(label=_("左边指标"), max_length=100, help_text=_("如 G10"))
    op = forms.ChoiceField(label=_("关系"), choices=Op.choices)
    right = forms.CharField(label=_("右边指标"), max_length=100, help_text=_("如 G06+G12"))
    note = forms.CharField(label=_("说明"), max_length=100, required=False)


class ValuesForm(Styled):
    """One number per hand cell of the return (blank: not yet filled)."""

    def __init__(self, *args, ret, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = []
        for value in ret.values.select_related("indicator").order_by(
            "indicator__form", "indicator__order"
        ):
            if value.origin != Origin.HAND:
                continue
            indicator = value.indicator
            self.fields[indicator.code] = forms.CharField(
                label=f"{indicator.code} {indicator.label}（{indicator.unit}）", required=False,
                initial=value.shown,
                help_text=indicator.definition,
            )  # fmt: skip
            style(self.fields[indicator.code])
            self.codes.append(indicator.code)


class SendBackForm(Styled):
    note = forms.CharField(label=_("退回意见"), widget=forms.Textarea(attrs={"rows": 2}))
