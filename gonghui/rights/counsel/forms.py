"""Forms of the firm and counsel pages. They clean types and offer only choices within the
user's reach; gonghui.rights.counsel.services checks the rules and names what it refuses."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.registry.choices import Industry
from gonghui.rights.counsel import queries as counsel_queries
from gonghui.rights.models import Counsel, LawFirm


class FirmForm(ServiceModelForm):
    class Meta:
        model = LawFirm
        fields = [
            "organisation", "name", "credit_code", "licence_no", "contact", "address", "phone",
            "contract_starts_on", "contract_ends_on", "is_active",
        ]  # fmt: skip
        widgets = {"contract_starts_on": DateInput(), "contract_ends_on": DateInput()}
        help_texts = {"organisation": gettext_lazy("签订合作协议的工会（登记后不能更改）")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class TownsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CounselForm(ServiceModelForm):
    """Adding a counsel (with their login, when an administrator opens one) or editing one.
    The phone is never shown in clear: on an edit, an empty phone leaves it as it is."""

    phone = forms.CharField(label=gettext_lazy("手机号码"), max_length=20, required=False)
    towns = TownsField(
        label=gettext_lazy("包干镇（街道）"),
        queryset=None,
        required=False,
        help_text=gettext_lazy("所属工会本级及下级的乡镇（街道）总工会；可多选"),
    )
    industries = forms.MultipleChoiceField(
        label=gettext_lazy("包干行业"),
        choices=Industry.choices,
        required=False,
        help_text=gettext_lazy("国民经济行业门类（GB/T 4754）；可多选"),
    )
    username = forms.CharField(
        label=gettext_lazy("登录用户名"),
        max_length=150,
        required=False,
        help_text=gettext_lazy(
            "开设登录账号（律师角色，只能看到指派给本人的案件），须由管理员办理；不需登录的调解员留空"
        ),
    )
    password = forms.CharField(
        label=gettext_lazy("初始密码"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = Counsel
        fields = ["organisation", "kind", "name", "firm", "licence_no"]
        help_texts = {"organisation": gettext_lazy("名册所属工会（登记后不能更改）")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["towns"].queryset = counsel_queries.town_choices(self.user)
        for name in ("towns", "industries"):
            self.fields[name].widget.attrs["size"] = 8
            style(self.fields[name])
        counsel = self.instance
        if counsel.pk:
            del self.fields["organisation"]
            towns = list(counsel.towns.all())
            # An edit keeps what it cannot show (a town out of the user's reach).
            self.fields["towns"].queryset = (
                self.fields["towns"].queryset | counsel.towns.all()
            ).distinct()
            self.initial["towns"] = [t.pk for t in towns]
            self.initial["industries"] = list(counsel.industries)
            self.fields["phone"].help_text = (
                _("现为 %(p)s；留空不修改") % {"p": counsel.phone_masked}
                if counsel.phone_masked
                else _("留空不修改")
            )
            if counsel.user_id:
                del self.fields["username"]
                del self.fields["password"]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["towns"] = list(data.get("towns") or [])
        data["industries"] = "".join(data.get("industries") or [])
        if self.instance.pk and not data.get("phone"):
            data.pop("phone", None)
        for name in ("username", "password"):
            if name in data and not data[name]:
                data.pop(name)
        return data


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1", empty_value=None
    )
