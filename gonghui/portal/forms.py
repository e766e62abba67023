"""Portal forms. They only clean types; the registry services decide and name what is wrong."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.portal.queries import county_employers, employer_named
from gonghui.registry.choices import EmploymentForm

LARGE = {"class": "form-control form-control-lg"}
CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("手机号码"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                **LARGE,
                "inputmode": "tel",
                "autocomplete": "tel",
                "placeholder": _("11 位手机号码"),
            }  # fmt: skip
        ),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("短信验证码"),
        max_length=10,
        widget=forms.TextInput(
            attrs={**LARGE, "inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
    )


class EmployerPickMixin(forms.Form):
    """An employer picked from the search (hidden key) or typed in full, or none at all."""

    employer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    employer_q = forms.CharField(label=_("工作单位"), required=False, max_length=200)
    no_employer = forms.BooleanField(
        label=_("无固定单位（如快递员、外卖骑手等）"), required=False, widget=CHECKBOX
    )

    def __init__(self, *args, union, **kwargs):
        super().__init__(*args, **kwargs)
        self.union = union

    def clean_employer_choice(self, cleaned, *, required: bool):
        if cleaned.get("no_employer"):
            return None
        pk = cleaned.get("employer")
        employer = county_employers(self.union).filter(pk=pk).first() if pk else None
        employer = employer or employer_named(self.union, cleaned.get("employer_q"))
        if employer is None and (required or cleaned.get("employer_q")):
            self.add_error(
                "employer_q",
                _("请从搜索结果中选择工作单位；没有固定单位的请勾选“无固定单位”"),
            )
        return employer


class JoinForm(EmployerPickMixin):
    name = forms.CharField(label=_("姓名"), max_length=50, widget=forms.TextInput(attrs=LARGE))
    id_number = forms.CharField(
        label=_("公民身份号码"),
        max_length=30,
        widget=forms.TextInput(attrs={**LARGE, "autocomplete": "off"}),
    )
    employment_form = forms.ChoiceField(
        label=_("就业形态"),
        choices=EmploymentForm.choices,
        initial=EmploymentForm.STANDARD,
        widget=forms.Select(attrs={"class": "form-select form-select-lg"}),
    )
    is_migrant_worker = forms.BooleanField(label=_("我是农民工"), required=False, widget=CHECKBOX)
    note = forms.CharField(
        label=_("申请说明（选填）"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=LARGE),
    )
    consent = forms.BooleanField(
        label=_("我已阅读并同意《个人信息处理告知同意书》"), required=False, widget=CHECKBOX
    )

    field_order = [
        "name",
        "id_number",
        "employer",
        "employer_q",
        "no_employer",
        "employment_form",
        "is_migrant_worker",
        "note",
        "consent",
    ]

    def clean(self):
        cleaned = super().clean()
        cleaned["employer_obj"] = self.clean_employer_choice(cleaned, required=True)
        return cleaned


class TransferForm(EmployerPickMixin):
    member = forms.TypedChoiceField(label=_("转出的会籍"), coerce=int)
    employment_form = forms.ChoiceField(
        label=_("就业形态"),
        choices=EmploymentForm.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-lg"}),
    )
    note = forms.CharField(
        label=_("转会说明（选填）"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=LARGE),
    )

    def __init__(self, *args, spells, **kwargs):
        super().__init__(*args, **kwargs)
        self.spells = {spell.pk: spell for spell in spells}
        self.fields["member"].choices = [
            (spell.pk, f"{spell.name} · {spell.union.name}") for spell in spells
        ]
        if len(spells) == 1:
            self.fields["member"].widget = forms.HiddenInput()
            self.fields["member"].initial = spells[0].pk
            self.fields["employment_form"].initial = spells[0].employment_form
        self.fields["member"].widget.attrs.update({"class": "form-select form-select-lg"})

    def clean(self):
        cleaned = super().clean()
        # A new employer is optional: someone moving to a sector union may keep it unsaid.
        cleaned["employer_obj"] = self.clean_employer_choice(cleaned, required=False)
        cleaned["member_obj"] = self.spells.get(cleaned.get("member"))
        return cleaned


class LeaveForm(forms.Form):
    reason = forms.CharField(
        label=_("退会原因"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=LARGE),
    )
    left_on = forms.DateField(
        label=_("退会日期"),
        required=False,
        widget=forms.DateInput(attrs={**LARGE, "type": "date"}, format="%Y-%m-%d"),
    )
    confirm = forms.BooleanField(
        label=_("我确认退出工会，退会后不再享受会员服务"),
        required=True,
        widget=CHECKBOX,
        error_messages={"required": _("请勾选确认退会")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["left_on"].initial = timezone.localdate()
