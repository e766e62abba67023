"""Forms of the union side of joining and transfer: refusing an application, and a clerk starting
a member's transfer or recording their leaving. They only clean input; the services in
gonghui.registry.membership write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, style
from gonghui.core.models import Organisation, OrgStatus
from gonghui.registry.choices import EmploymentForm
from gonghui.registry.forms import CreditCodeChoiceField
from gonghui.registry.models import Employer, Member


def _styled(form: forms.Form) -> None:
    for field in form.fields.values():
        style(field)


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("未通过原因"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("请填写未通过的原因")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


def receiving_unions(member: Member):
    """The unions a member may be moved to: any active organisation of the county that members
    join (`Organisation.admits_members`).

    Deliberately not limited to the clerk's scope: a new job is often in another town, and it is
    the receiving union that decides. Union names are public (every union has a join poster)."""
    return (
        Organisation.objects.admitting_members()
        .filter(county_id=member.union.county_id, status=OrgStatus.ACTIVE)
        .exclude(pk=member.union_id)
        .order_by("name")
    )


class TransferForm(forms.Form):
    # A county has hundreds of unions: the clerk types part of the name and the browser offers
    # the matches (a <datalist>); the name is unique within a county.
    union = forms.ModelChoiceField(
        label=_("转入工会"),
        queryset=Organisation.objects.none(),
        to_field_name="name",
        widget=forms.TextInput(attrs={"list": "receiving-unions", "autocomplete": "off"}),
        error_messages={
            "required": _("请填写转入工会"),
            "invalid_choice": _("本县没有该名称的可接收会员的工会（或该工会不在正常状态）"),
        },
    )
    employer = CreditCodeChoiceField(
        label=_("新工作单位统一社会信用代码"),
        queryset=Employer.objects.none(),
        to_field_name="credit_code",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "mono"}),
        help_text=_("留空则不登记工作单位（如新就业形态劳动者）"),
        error_messages={"invalid_choice": _("本县未登记该信用代码的单位")},
    )
    employment_form = forms.ChoiceField(
        label=_("就业形态"),
        choices=[("", _("不变")), *EmploymentForm.choices],
        required=False,
    )
    note = forms.CharField(label=_("说明"), max_length=200, required=False)

    def __init__(self, *args, member: Member, **kwargs):
        super().__init__(*args, **kwargs)
        self.unions = receiving_unions(member)
        self.fields["union"].queryset = self.unions
        # The new employer may be anywhere in the county, as the union may.
        self.fields["employer"].queryset = Employer.objects.filter(
            territory__county_id=member.union.county_id
        )
        _styled(self)

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["employment_form"] = data["employment_form"] or None
        return data


class LeaveForm(forms.Form):
    reason = forms.CharField(
        label=_("退会原因"),
        max_length=200,
        error_messages={"required": _("请填写退会原因")},
    )
    left_on = forms.DateField(
        label=_("退会日期"),
        widget=DateInput(),
        error_messages={"required": _("请填写退会日期"), "invalid": _("退会日期格式不正确")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"left_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        _styled(self)
