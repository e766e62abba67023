"""Forms of the stations pages; the services check and write (stations.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.models import Organisation, User
from gonghui.core.roles import EDIT_ROLES, Role
from gonghui.stations.choices import ExceptionKind, Facility, WindowMode
from gonghui.stations.models import Station
from gonghui.stations.models.stations import WEEKDAYS


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def keeper_choices():
    return (
        User.objects.filter(is_active=True, role_assignments__role=Role.STATION_KEEPER)
        .distinct()
        .order_by("name", "username")
    )


class StationForm(ServiceModelForm):
    facilities = forms.MultipleChoiceField(
        label=_("设施"), choices=Facility.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    keepers = forms.ModelMultipleChoiceField(
        label=_("站长"), queryset=User.objects.none(), required=False,
        help_text=_("持有“驿站管理员”角色的账号，可多选"),
    )  # fmt: skip

    field_order = [
        "name", "kind", "partner", "union", "address", "latitude", "longitude", "datum",
        "facilities", "keepers", "safety_officer", "hotline", "status",
    ]  # fmt: skip

    class Meta:
        model = Station
        fields = [
            "name", "kind", "partner", "union", "address", "latitude", "longitude", "datum",
            "facilities", "safety_officer", "hotline", "status",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Organisation.objects.visible_to(self.user, roles=EDIT_ROLES)
        self.fields["keepers"].queryset = keeper_choices()
        self.fields["safety_officer"].queryset = User.objects.filter(is_active=True).order_by(
            "name", "username"
        )
        self.fields["facilities"].widget.attrs.pop("class", None)
        if self.instance.pk:
            del self.fields["union"]
            self.initial["facilities"] = self.instance.facility_codes
            self.initial["keepers"] = list(self.instance.keepers.all())
        style(self.fields["keepers"])


class WindowForm(forms.Form):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("星期"), choices=WEEKDAYS, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    starts = forms.TimeField(label=_("开始"), widget=TimeInput())
    ends = forms.TimeField(label=_("结束"), widget=TimeInput(), help_text=_("早于开始时间即跨夜"))
    mode = forms.ChoiceField(label=_("方式"), choices=WindowMode.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts", "ends", "mode"):
            style(self.fields[name])


class ExceptionForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("类别"), choices=ExceptionKind.choices)
    starts = forms.TimeField(label=_("开始"), widget=TimeInput(), required=False)
    ends = forms.TimeField(label=_("结束"), widget=TimeInput(), required=False)
    mode = forms.ChoiceField(label=_("方式"), choices=WindowMode.choices)
    reason = forms.CharField(label=_("原因"), max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style(field)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("文件（xlsx 或 csv）"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.fields["file"])
