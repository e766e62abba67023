"""Forms of the service area's pages. They clean types and offer only choices within reach; the
services (points, rota, receptions, outreach) decide the rules and name what they refuse."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.registry.models import Employer
from gonghui.rights.cases.forms import YuanField
from gonghui.rights.choices import CaseKind, DutySession, ReceptionKind, ReceptionOutcome
from gonghui.rights.models import Outreach, ServicePoint
from gonghui.rights.service import queries
from gonghui.rights.service.checks import MAX_COUNT


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class CounselChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class PointForm(ServiceModelForm):
    class Meta:
        model = ServicePoint
        fields = ["organisation", "name", "kind", "address", "phone", "hours", "is_active"]
        help_texts = {"hours": gettext_lazy("例如：工作日 9:00—12:00，14:30—17:30")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False  # the service names what is missing
        if self.instance.pk:
            del self.fields["organisation"]  # a point's union stays: its rota was checked on it


class SlotForm(StyledForm):
    date = forms.DateField(label=gettext_lazy("值班日期"), widget=DateInput())
    session = forms.ChoiceField(
        label=gettext_lazy("时段"), choices=DutySession.choices, initial=DutySession.DAY
    )
    counsel = CounselChoiceField(label=gettext_lazy("值班律师"), queryset=None)

    def __init__(self, *args, point: ServicePoint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsel"].queryset = queries.line_counsel([point])


class ReceptionForm(StyledForm):
    """A reception at a duty desk; the case's fields matter only when it becomes a case."""

    point = forms.ModelChoiceField(label=gettext_lazy("服务点"), queryset=None)
    date = forms.DateField(label=gettext_lazy("接待日期"), widget=DateInput())
    kind = forms.ChoiceField(
        label=gettext_lazy("类别"), choices=ReceptionKind.choices, initial=ReceptionKind.VISIT
    )
    topic = forms.ChoiceField(label=gettext_lazy("事项"), choices=CaseKind.choices)
    count = forms.IntegerField(
        label=gettext_lazy("人次"), min_value=1, max_value=MAX_COUNT, initial=1
    )
    counsel = CounselChoiceField(label=gettext_lazy("接待律师"), queryset=None, required=False)
    note = forms.CharField(
        label=gettext_lazy("摘要"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    outcome = forms.ChoiceField(
        label=gettext_lazy("处理结果"), choices=ReceptionOutcome.choices,
        initial=ReceptionOutcome.ADVICE,
    )  # fmt: skip
    referred_to = forms.CharField(
        label=gettext_lazy("引导至"), max_length=100, required=False,
        help_text=gettext_lazy("处理结果为“引导至相关部门”时填写，如：县劳动人事争议仲裁院"),
    )  # fmt: skip
    complainant_name = forms.CharField(
        label=gettext_lazy("申请人姓名"), max_length=50, required=False,
        help_text=gettext_lazy("以下各项在“转立维权案件”时填写"),
    )  # fmt: skip
    phone = forms.CharField(label=gettext_lazy("手机号码"), max_length=20, required=False)
    employer_code = forms.CharField(
        label=gettext_lazy("被申请单位统一社会信用代码"), max_length=18, required=False
    )
    employer_name = forms.CharField(
        label=gettext_lazy("被申请单位名称"), max_length=200, required=False
    )
    amount_claimed = YuanField(label=gettext_lazy("请求金额（元）"), required=False)
    facts = forms.CharField(
        label=gettext_lazy("事实与请求"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=gettext_lazy("留空则用摘要"),
    )  # fmt: skip

    def __init__(self, *args, user, point=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        points = queries.recording_points(user)
        self.fields["point"].queryset = points
        self.initial.setdefault("date", timezone.localdate())
        if point is not None:
            self.initial.setdefault("point", point.pk)
        if holds_role(user, EDIT_ROLES):
            self.fields["counsel"].queryset = queries.line_counsel(list(points))
        else:
            del self.fields["counsel"]  # a lawyer on duty logs their own

    def clean(self):
        data = super().clean()
        code = (data.get("employer_code") or "").strip().upper()
        data["employer"] = None
        if code and data.get("outcome") == ReceptionOutcome.CASE:
            found = Employer.objects.visible_to(self.user).filter(credit_code=code).first()
            if found is None:
                self.add_error("employer_code", _("没有找到该代码的在册企业（或不在您的范围内）"))
            data["employer"] = found
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {
            name: data.get(name)
            for name in ("point", "date", "kind", "topic", "count", "outcome", "counsel")
        }
        kwargs["note"] = data.get("note") or ""
        kwargs["referred_to"] = data.get("referred_to") or ""
        if data.get("outcome") == ReceptionOutcome.CASE:
            kwargs["case"] = {
                "complainant_name": data.get("complainant_name") or "",
                "phone": data.get("phone") or "",
                "employer": data.get("employer"),
                "employer_name": data.get("employer_name") or "",
                "amount_claimed": data.get("amount_claimed") or "",
                "facts": data.get("facts") or data.get("note") or "",
            }
        return kwargs


class OutreachForm(ServiceModelForm):
    class Meta:
        model = Outreach
        fields = [
            "organisation", "kind", "title", "date", "place", "attendees", "employers_reached",
            "handbooks",
        ]  # fmt: skip
        widgets = {"date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("attendees", "employers_reached", "handbooks"):
            self.fields[name].required = False
        if self.instance.pk:
            del self.fields["organisation"]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("attendees", "employers_reached", "handbooks"):
            data[name] = data.get(name) or 0
        return data
