"""The form that starts an annual report: the year and an organisation of the user's scope
(the picker offers only what they may report on, REPORT_ROLES)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from gonghui.core.forms import style
from gonghui.core.models import Organisation
from gonghui.core.pickers import register_source, use_picker
from gonghui.reports.annual.models import REPORT_ROLES

YEARS_OFFERED = 10
register_source("reports", lambda user: Organisation.objects.visible_to(user, roles=REPORT_ROLES))


class AnnualReportForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("年度"), coerce=int)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("组织"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = range(this_year, this_year - YEARS_OFFERED, -1)
        self.fields["year"].choices = [(y, f"{y}年") for y in years]
        self.fields["year"].initial = this_year
        for field in self.fields.values():
            style(field)
        use_picker(self.fields["organisation"], user=user, source="reports")
        # The top of what the user may report on: the county for the county's staff, the town
        # for a town's.
        top = self.fields["organisation"].queryset.order_by("depth", "path").first()
        if top is not None:
            self.fields["organisation"].initial = top.pk
