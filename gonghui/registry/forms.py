from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ScopedModelForm
from gonghui.core.models.orgs import COVERING_KINDS, TERRITORIAL_KINDS
from gonghui.core.validators import normalize_credit_code
from gonghui.registry.models import Employer, Member


class EmployerForm(ScopedModelForm):
    class Meta:
        model = Employer
        fields = Employer.editable_fields
        widgets = {"founded_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        territory, union = self.fields["territory"], self.fields["union"]
        territory.queryset = territory.queryset.filter(kind__in=TERRITORIAL_KINDS)
        union.queryset = union.queryset.filter(kind__in=COVERING_KINDS)


class CreditCodeChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        return super().to_python(normalize_credit_code(value) if value else value)


class MemberForm(ScopedModelForm):
    id_number = forms.CharField(label=_("公民身份号码"), max_length=18)
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False)
    # A county has thousands of employers: the clerk types the credit code rather than scrolling.
    employer = CreditCodeChoiceField(
        label=_("工作单位统一社会信用代码"),
        queryset=Employer.objects.all(),
        to_field_name="credit_code",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "mono"}),
        help_text=_("新就业形态劳动者无固定单位的留空"),
        error_messages={"invalid_choice": _("该信用代码的单位未登记，或不在您的管理范围内")},
    )

    class Meta:
        model = Member
        fields = ["name", "union", "employer", "employment_form", "is_migrant_worker", "joined_on"]
        widgets = {"joined_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = self.fields["union"].queryset.admitting_members()
        if self.instance.employer_id:
            self.initial["employer"] = self.instance.employer.credit_code
        if self.instance.pk:
            # The clear values are never sent to the browser: blank keeps what is stored.
            for name, masked in (("id_number", "id_masked"), ("phone", "phone_masked")):
                self.fields[name].required = False
                self.fields[name].help_text = _("当前：%(v)s，留空则不修改") % {
                    "v": getattr(self.instance, masked) or "—"
                }
        self.order_fields(["name", "id_number", "phone"])

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        if self.instance.pk:
            for name in ("id_number", "phone"):
                if not data.get(name):
                    data.pop(name)
        return data
