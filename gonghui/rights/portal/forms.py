"""Forms of the worker's rights pages. They clean types and name what is wrong in the worker's
words; gonghui.rights.cases.services decides the rules (and names what it refuses)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import Organisation
from gonghui.core.uploads import check_upload
from gonghui.rights.cases.services import to_yuan
from gonghui.rights.choices import CaseKind
from gonghui.rights.portal import queries as portal_queries

LARGE = {"class": "form-control form-control-lg"}
SELECT = {"class": "form-select form-select-lg"}
# Phones offer the camera for image/*; the upload check decides by the bytes whatever is picked.
ACCEPT = "image/*,.pdf"
MAX_FILES = 10
# Twelve digits of yuan: what the amount columns hold (14 digits, 2 of them places).
MAX_WORKERS = 100000
DOCUMENT_KINDS = [
    (gettext_lazy("证据材料"), gettext_lazy("证据材料")),
    (gettext_lazy("劳动合同或工作证明"), gettext_lazy("劳动合同或工作证明")),
    (gettext_lazy("工资记录或欠条"), gettext_lazy("工资记录或欠条")),
    (gettext_lazy("聊天记录截图"), gettext_lazy("聊天记录截图")),
    (gettext_lazy("其他材料"), gettext_lazy("其他材料")),
]


def clean_yuan(value, label: str):
    """Yuan as the service takes them, the error as the form shows it (on the field)."""
    return to_yuan(value, label)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """0..n files from one input; each is checked (type by its bytes, size), naming the file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"class": "form-control", "accept": ACCEPT})
        )
        # An empty file is refused by check_upload, with the file's name.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(_("一次最多上传 %(n)d 个文件") % {"n": MAX_FILES})
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            try:
                check_upload(upload)
            except ValidationError as exc:
                raise ValidationError(exc.messages) from None
        return cleaned


def town_choices() -> list[tuple[str, str]]:
    """Each county's town federations, then 不清楚 (the county federation itself)."""
    counties = list(portal_queries.counties())
    many = len(counties) > 1
    names = {county.pk: county.name for county in counties}
    choices = [("", _("请选择"))]
    for town in portal_queries.towns():
        label = f"{names[town.county_id]} · {town.name}" if many else town.name
        choices.append((str(town.pk), label))
    for county in counties:
        label = _("不清楚（由%(county)s受理）") % {"county": county.name} if many else _("不清楚")
        choices.append((str(county.pk), label))
    return choices


class ReportForm(forms.Form):
    """我要维权: what happened, against whom, how much, where, with the worker's papers."""

    kind = forms.ChoiceField(
        label=gettext_lazy("遇到的问题"),
        choices=CaseKind.choices,  # 拖欠工资 first
        initial=CaseKind.WAGES,
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": gettext_lazy("请从列表中选择遇到的问题")},
    )
    employer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Typed in full, or searched and picked (then only the hidden key is sent).
    employer_q = forms.CharField(
        label=gettext_lazy("用人单位（公司、老板或平台的名称）"), max_length=200, required=False
    )
    town = forms.ChoiceField(
        label=gettext_lazy("工作所在乡镇（街道）"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": gettext_lazy("请选择工作所在乡镇（街道），不清楚的选“不清楚”"),
            "invalid_choice": gettext_lazy("请从列表中选择工作所在乡镇（街道）"),
        },
    )
    facts = forms.CharField(
        label=gettext_lazy("发生了什么"),
        max_length=5000,
        widget=forms.Textarea(
            attrs={
                "class": "form-control",
                "rows": 5,
                "placeholder": gettext_lazy("例如：从几月起没发工资，欠多少，找过谁，对方怎么说"),
            }
        ),
        error_messages={"required": gettext_lazy("请写明发生了什么")},
    )
    amount_claimed = forms.CharField(
        label=gettext_lazy("被拖欠或要求的金额（元，选填）"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={**LARGE, "inputmode": "decimal", "autocomplete": "off"}),
    )
    workers_involved = forms.IntegerField(
        label=gettext_lazy("涉及几名职工（含您本人）"),
        min_value=1,
        max_value=MAX_WORKERS,
        initial=1,
        widget=forms.NumberInput(attrs={**LARGE, "inputmode": "numeric"}),
        error_messages={
            "required": gettext_lazy("请填写涉及几名职工"),
            "invalid": gettext_lazy("涉及职工人数须为整数"),
            "min_value": gettext_lazy("涉及职工人数至少为 1"),
        },
    )
    complainant_name = forms.CharField(
        label=gettext_lazy("您的姓名"),
        max_length=50,
        widget=forms.TextInput(attrs={**LARGE, "autocomplete": "name"}),
        error_messages={"required": gettext_lazy("请填写您的姓名")},
    )
    document_kind = forms.ChoiceField(
        label=gettext_lazy("材料类型"),
        choices=DOCUMENT_KINDS,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": gettext_lazy("请从列表中选择材料类型")},
    )
    documents = MultipleFileField(
        label=gettext_lazy("证据材料（选填，可拍照，可多选）"),
        required=False,
        help_text=gettext_lazy("劳动合同、工资条、欠条、聊天记录截图等，JPG、PNG 或 PDF"),
    )

    def __init__(self, *args, member=None, known_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = town_choices()
        self.member = member
        if not self.is_bound:
            self.fields["complainant_name"].initial = member.name if member else known_name

    def clean_amount_claimed(self):
        return clean_yuan(self.cleaned_data.get("amount_claimed"), _("金额"))

    def clean_town(self):
        # The choice field has checked that it is one of the offered towns or counties.
        return Organisation.objects.get(pk=int(self.cleaned_data["town"]))

    def clean(self):
        cleaned = super().clean()
        pk = cleaned.get("employer")
        employer = portal_queries.operating_employers().filter(pk=pk).first() if pk else None
        typed = (cleaned.get("employer_q") or "").strip()
        cleaned["employer_obj"] = employer or portal_queries.employer_named(typed)
        cleaned["employer_picked"] = employer
        if cleaned["employer_obj"] is None and not typed and "employer_q" not in self.errors:
            self.add_error("employer_q", _("请填写用人单位的名称"))
        # Linked to the membership only when the worker reports under that member's name.
        name = (cleaned.get("complainant_name") or "").strip()
        member = self.member
        cleaned["member_obj"] = member if member is not None and member.name == name else None
        return cleaned


class UploadForm(forms.Form):
    document_kind = forms.ChoiceField(
        label=gettext_lazy("材料类型"),
        choices=DOCUMENT_KINDS,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": gettext_lazy("请从列表中选择材料类型")},
    )
    documents = MultipleFileField(
        label=gettext_lazy("补充材料（可拍照，可多选）"),
        error_messages={"required": gettext_lazy("请选择要上传的文件")},
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("撤回原因（选填）"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=LARGE),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("我确认撤回这个维权申请"),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        error_messages={"required": gettext_lazy("请勾选确认撤回")},
    )
