"""Forms of the social-worker pages: they clean types and offer only choices within the user's
reach; gonghui.cadres.workers.services checks the rules and names what it refuses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.models import SocialWorker
from gonghui.core.forms import DateInput, ServiceModelForm, style


class WorkerForm(ServiceModelForm):
    username = forms.CharField(
        label=_("登录用户名"), max_length=150, required=False,
        help_text=_("开设登录账号（工会社工角色，只能看到本人档案），须由管理员办理"),
    )  # fmt: skip
    password = forms.CharField(
        label=_("初始密码"), required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )  # fmt: skip

    class Meta:
        model = SocialWorker
        fields = [
            "organisation", "name", "post", "grade", "employer_of_record", "contract_starts_on",
            "contract_ends_on", "is_active",
        ]  # fmt: skip
        widgets = {"contract_starts_on": DateInput(), "contract_ends_on": DateInput()}
        help_texts = {"organisation": _("社工服务的工会，一般为乡镇（街道）总工会；登记后不能更改")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("organisation", "username", "password"):
                del self.fields[name]
        for field in self.fields.values():
            style(field)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("username", "password"):
            if name in data and not data[name]:
                data.pop(name)
        return data


class CertificateForm(forms.Form):
    name = forms.CharField(label=_("证书名称"), max_length=100)
    number = forms.CharField(label=_("证书编号"), max_length=50, required=False)
    issued_on = forms.DateField(label=_("取得日期"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)
