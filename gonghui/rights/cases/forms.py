"""Forms of the staff case pages. They clean types; gonghui.rights.cases.services (and court)
decide the rules and name what they refuse, on the field where the form has it."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.forms import style
from gonghui.core.pickers import use_picker
from gonghui.core.uploads import ACCEPT
from gonghui.registry.models import Employer
from gonghui.rights.cases import queries as case_queries
from gonghui.rights.choices import CaseChannel, CaseKind, CaseStatus
from gonghui.rights.portal.forms import DOCUMENT_KINDS, MAX_WORKERS, clean_yuan

OUTCOME_CHOICES = [
    (CaseStatus.AGREEMENT, CaseStatus.AGREEMENT.label),
    (CaseStatus.ARBITRATION, CaseStatus.ARBITRATION.label),
    (CaseStatus.LITIGATION, CaseStatus.LITIGATION.label),
]
IMPORT_LIMIT = 100_000  # bytes of pasted or uploaded JSON


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class YuanField(forms.CharField):
    """Yuan as the service takes them: a string, at most two places, not negative."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None):
            return value
        return clean_yuan(value, str(self.label))


class IntakeForm(StyledForm):
    """A case entered by a clerk, or a visit at a service point (a lawyer on duty may record
    one there). The handling union of a visit is the service point's."""

    channel = forms.ChoiceField(
        label=gettext_lazy("来源"),
        choices=[
            (CaseChannel.CLERK, CaseChannel.CLERK.label),
            (CaseChannel.VISIT, CaseChannel.VISIT.label),
        ],
    )
    union = forms.ModelChoiceField(
        label=gettext_lazy("承办工会"), queryset=None, required=False,
        help_text=gettext_lazy("来访案件由服务点所属工会承办，可留空"),
    )  # fmt: skip
    service_point = forms.ModelChoiceField(
        label=gettext_lazy("接待服务点"), queryset=None, required=False
    )
    kind = forms.ChoiceField(label=gettext_lazy("案件类型"), choices=CaseKind.choices)
    complainant_name = forms.CharField(label=gettext_lazy("申请人姓名"), max_length=50)
    phone = forms.CharField(label=gettext_lazy("手机号码"), max_length=20)
    employer_code = forms.CharField(
        label=gettext_lazy("被申请单位统一社会信用代码"), max_length=18, required=False,
        help_text=gettext_lazy("在册企业填写代码即关联企业（用于风险研判）"),
    )  # fmt: skip
    employer_name = forms.CharField(
        label=gettext_lazy("被申请单位名称"), max_length=200, required=False,
        help_text=gettext_lazy("不在册的单位填写名称"),
    )  # fmt: skip
    amount_claimed = YuanField(label=gettext_lazy("请求金额（元）"), required=False)
    workers_involved = forms.IntegerField(
        label=gettext_lazy("涉及职工人数"), min_value=1, max_value=MAX_WORKERS, initial=1
    )
    facts = forms.CharField(
        label=gettext_lazy("事实与请求"), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        use_picker(self.fields["union"], user=user, source="editable")
        self.fields["service_point"].queryset = case_queries.intake_points(user)
        if not self.fields["union"].queryset.exists():
            # A lawyer on duty: visits only, the union is the point's.
            self.fields["channel"].choices = [(CaseChannel.VISIT, CaseChannel.VISIT.label)]
            self.fields["channel"].initial = CaseChannel.VISIT
            del self.fields["union"]

    def clean(self):
        data = super().clean()
        point = data.get("service_point")
        union = data.get("union")
        if data.get("channel") == CaseChannel.VISIT:
            if point is None:
                self.add_error("service_point", _("来访案件请选择接待的服务点"))
            elif union is None:
                data["union"] = point.organisation
        elif union is None and "union" in self.fields:
            self.add_error("union", _("请选择承办工会"))
        code = (data.get("employer_code") or "").strip().upper()
        data["employer"] = None
        if code:
            found = Employer.objects.visible_to(self.user).filter(credit_code=code).first()
            if found is None:
                self.add_error("employer_code", _("没有找到该代码的在册企业（或不在您的范围内）"))
            data["employer"] = found
        elif not (data.get("employer_name") or "").strip():
            self.add_error("employer_name", _("请填写被申请单位名称或统一社会信用代码"))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "union": data["union"],
            "kind": data["kind"],
            "channel": data["channel"],
            "service_point": data.get("service_point"),
            "complainant_name": data["complainant_name"],
            "phone": data["phone"],
            "employer": data.get("employer"),
            "employer_name": data.get("employer_name") or "",
            "amount_claimed": data.get("amount_claimed") or "",
            "workers_involved": data["workers_involved"],
            "facts": data["facts"],
        }


class NoteOnlyForm(StyledForm):
    note = forms.CharField(
        label=gettext_lazy("说明"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class ReasonForm(StyledForm):
    reason = forms.CharField(
        label=gettext_lazy("理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CounselChoiceField(forms.ModelChoiceField):
    """Counsel whose patch covers the case come first, marked （包干）."""

    def label_from_instance(self, obj):
        label = str(obj)
        return label + _("（包干）") if getattr(obj, "covering", False) else label


class AssignForm(NoteOnlyForm):
    counsel = CounselChoiceField(
        label=gettext_lazy("承办律师/调解员"),
        queryset=None,
        help_text=gettext_lazy("标“包干”的律师/调解员分片包干本案所在镇（街道）或行业，排在前面"),
    )
    field_order = ["counsel", "note"]

    def __init__(self, *args, user, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsel"].queryset = case_queries.counsel_choices(user, case)
        if case.counsel_id:
            self.fields["counsel"].initial = case.counsel_id


class OutcomeForm(NoteOnlyForm):
    outcome = forms.ChoiceField(label=gettext_lazy("调解结果"), choices=OUTCOME_CHOICES)
    amount_recovered = YuanField(label=gettext_lazy("追回金额（元）"), required=False)
    field_order = ["outcome", "amount_recovered", "note"]


class RecoveryForm(NoteOnlyForm):
    amount_recovered = YuanField(label=gettext_lazy("追回金额（元，合计）"))
    field_order = ["amount_recovered", "note"]


class CaseNoteForm(StyledForm):
    text = forms.CharField(
        label=gettext_lazy("办案记录"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DocumentForm(StyledForm):
    kind = forms.ChoiceField(label=gettext_lazy("材料类型"), choices=DOCUMENT_KINDS)
    upload = forms.FileField(
        label=gettext_lazy("文件（JPG、PNG 或 PDF）"),
        allow_empty_file=True,  # the service's check refuses it, naming the file
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class CourtExportForm(StyledForm):
    include_phone = forms.BooleanField(
        label=gettext_lazy("包含申请人手机号码明文（记入审计日志）"), required=False
    )


class CourtImportForm(StyledForm):
    """The platform's result document, pasted or as a .json file."""

    payload = forms.CharField(
        label=gettext_lazy("调解结果（JSON）"), required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )  # fmt: skip
    file = forms.FileField(label=gettext_lazy("或上传 JSON 文件"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > IMPORT_LIMIT:
                raise ValidationError({"file": _("文件过大")})
            raw = upload.read()
        else:
            raw = (data.get("payload") or "").encode()
        if not raw.strip():
            raise ValidationError({"payload": _("请粘贴调解结果或上传 JSON 文件")})
        if len(raw) > IMPORT_LIMIT:
            raise ValidationError({"payload": _("内容过长")})
        try:
            data["document"] = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ValidationError({"payload": _("不是有效的 JSON：%(e)s") % {"e": exc}}) from None
        return data
