"""Forms of the programme and application pages. They only clean input; the services in
gonghui.aid.programmes.services and gonghui.aid.programmes.applications write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.aid.models import Programme
from gonghui.core.filters import BROWSE_KINDS
from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.uploads import ACCEPT

MONEY = {"max_digits": 14, "decimal_places": 2}


def _styled(form: forms.Form) -> None:
    for field in form.fields.values():
        style(field)


class ProgrammeForm(ServiceModelForm):
    class Meta:
        model = Programme
        fields = [
            "organisation",
            "kind",
            "name",
            "year",
            "eligibility",
            "budget",
            "cap",
            "opens_on",
            "closes_on",
            "required_documents",
            "review_levels",
            "notice_days",
            "description",
            "is_active",
        ]
        widgets = {
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "required_documents": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Its applications' review chains end at the organisation: fixed at creation.
            del self.fields["organisation"]
        else:
            # Programmes are run by federations, not by each of hundreds of grassroots unions:
            # the picker offers those (the service accepts any organisation the user may edit).
            self.pick("organisation", kinds=BROWSE_KINDS)
            self.initial.setdefault("year", timezone.localdate().year)

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class KindForm(forms.Form):
    code = forms.SlugField(
        label=_("代码"),
        max_length=30,
        help_text=_('小写字母、数字、下划线或连字符，如 <code translate="no">flood_relief</code>'),
    )
    name = forms.CharField(label=_("名称"), max_length=30)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class ApplicationForm(forms.Form):
    """A clerk applies for a worker (the member is chosen by search before this form)."""

    programme = forms.ModelChoiceField(
        label=_("救助项目"),
        queryset=Programme.objects.none(),
        error_messages={"invalid_choice": _("该项目不存在、不在申请期内或不在您的范围内")},
    )
    amount_requested = forms.DecimalField(
        label=_("申请金额（元）"), min_value=0, **MONEY, help_text=_("不超过项目的每人上限")
    )
    reason_text = forms.CharField(
        label=_("申请理由"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    beneficiary = forms.CharField(
        label=_("受助人（如子女姓名、学校）"), required=False, max_length=100
    )
    payee_name = forms.CharField(
        label=_("收款人"), required=False, max_length=50, help_text=_("不填则为申请人本人")
    )
    bank_name = forms.CharField(label=_("开户银行"), required=False, max_length=100)
    bank_account = forms.CharField(label=_("银行账号"), required=False, max_length=40)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].label_from_instance = lambda p: (
            f"{p}（{p.get_eligibility_display()}，上限 {p.cap} 元）"
        )
        _styled(self)


class ApproveForm(forms.Form):
    amount = forms.DecimalField(
        label=_("核定金额（元）"), min_value=0, required=False, **MONEY,
        help_text=_("不填则按申请金额"),
    )  # fmt: skip
    comment = forms.CharField(label=_("审核意见"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("未通过原因（职工可见）"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("请填写未通过的原因")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("材料类型"))
    upload = forms.FileField(
        label=_("文件"),
        widget=forms.ClearableFileInput({"accept": ACCEPT}),
        help_text=_("JPG、PNG 或 PDF"),
    )

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, k) for k in kinds]
        _styled(self)
