from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ScopedModelForm
from gonghui.core.models import Organisation
from gonghui.core.models.orgs import COVERING_KINDS, TERRITORIAL_KINDS
from gonghui.registry.models import Employer, Member


class EmployerForm(ScopedModelForm):
    class Meta:
        model = Employer
        fields = [
            "credit_code",
            "name",
            "territory",
            "union",
            "industry",
            "ownership",
            "headcount",
            "founded_on",
            "has_party_branch",
            "operating_status",
            "is_well_known",
        ]
        widgets = {"founded_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = self.fields["territory"].queryset
        self.fields["territory"].queryset = orgs.filter(kind__in=TERRITORIAL_KINDS)
        self.fields["union"].queryset = Organisation.objects.editable_by(self.user).filter(
            kind__in=COVERING_KINDS
        )


class MemberForm(ScopedModelForm):
    id_number = forms.CharField(label=_("公民身份号码"), max_length=18)
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False)

    class Meta:
        model = Member
        fields = ["name", "union", "employer", "employment_form", "is_migrant_worker", "joined_on"]
        widgets = {"joined_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = self.fields["union"].queryset.filter(
            kind__in=COVERING_KINDS
        )
        # Employers: a short scoped list; new-form workers may have none.
        self.fields["employer"].queryset = Employer.objects.editable_by(self.user).order_by("name")
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
