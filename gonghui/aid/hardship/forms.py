"""Forms of the hardship pages. They only clean input; gonghui.aid.hardship.services writes."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import HardshipCause, HardshipLevel
from gonghui.core.forms import style
from gonghui.core.uploads import ACCEPT

MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class Styled:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxSelectMultiple):
                style(field)


class HardshipFileForm(Styled, forms.Form):
    file_number = forms.CharField(label=_("档案编号"), max_length=30, required=False)
    level = forms.ChoiceField(
        label=_("建档级别"), choices=HardshipLevel.choices, initial=HardshipLevel.COUNTY
    )
    causes = forms.MultipleChoiceField(
        label=_("致困原因"), choices=HardshipCause.choices, widget=forms.CheckboxSelectMultiple
    )
    cause_note = forms.CharField(
        label=_("困难情况说明"), max_length=500, required=False, widget=forms.Textarea({"rows": 3})
    )
    household_size = forms.IntegerField(
        label=_("家庭人口"), min_value=1, max_value=99, help_text=_("含职工本人")
    )
    monthly_income = forms.DecimalField(label=_("家庭月收入（元）"), **MONEY)
    local_line = forms.DecimalField(label=_("当地困难职工认定标准（元/人·月）"), **MONEY)

    @classmethod
    def initial_from(cls, file) -> dict:
        return {
            "file_number": file.file_number,
            "level": file.level,
            "causes": file.cause_list,
            "cause_note": file.cause_note,
            "household_size": file.household_size,
            "monthly_income": file.monthly_income,
            "local_line": file.local_line,
        }


class HouseholdRowForm(Styled, forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50)
    relation = forms.CharField(label=_("与职工关系"), max_length=20)
    birth_year = forms.IntegerField(label=_("出生年份"), min_value=1900, required=False)
    occupation = forms.CharField(label=_("职业/就学情况"), max_length=50, required=False)
    health = forms.CharField(label=_("健康状况"), max_length=50, required=False)
    monthly_income = forms.DecimalField(label=_("月收入（元）"), required=False, **MONEY)


HouseholdFormSet = formset_factory(HouseholdRowForm, extra=3, max_num=20, validate_max=True)


def household_rows(formset) -> list[dict]:
    """Filled rows only; a blank extra row is not a household member."""
    return [f.cleaned_data for f in formset.forms if f.cleaned_data]


class DecideForm(Styled, forms.Form):
    approve = forms.TypedChoiceField(
        label=_("审核结果"),
        choices=[("1", _("通过，正式建档")), ("0", _("退回修改"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(
        label=_("意见/退回原因"), max_length=200, required=False, help_text=_("退回时必填")
    )


class ReviewForm(Styled, forms.Form):
    outcome = forms.ChoiceField(
        label=_("复核结果"),
        choices=[("keep", _("继续在档")), ("lift", _("解困脱困")), ("remove", _("移出档案"))],
    )
    reason = forms.CharField(
        label=_("说明/移出原因"), max_length=200, required=False, help_text=_("移出时必填")
    )
    monthly_income = forms.DecimalField(
        label=_("家庭月收入（元）"), required=False, help_text=_("有变化时填写"), **MONEY
    )
    household_size = forms.IntegerField(
        label=_("家庭人口"), min_value=1, max_value=99, required=False
    )


class DocumentForm(Styled, forms.Form):
    kind = forms.CharField(
        label=_("材料类型"), max_length=50, help_text=_("如：诊断证明、收入证明")
    )
    upload = forms.FileField(
        label=_("文件"),
        widget=forms.ClearableFileInput({"accept": ACCEPT}),
        help_text=_("JPG、PNG 或 PDF"),
    )


class ImportForm(Styled, forms.Form):
    file = forms.FileField(
        label=_("档案表格（xlsx）"), widget=forms.ClearableFileInput({"accept": ".xlsx,.csv"})
    )
