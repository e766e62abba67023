"""Forms of the labour-risk pages (grids, points, monthly reports, rules, warnings). They clean
input and offer only choices within the user's reach; the services (grids, reports, risk,
warnings) check the rules and write."""

import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import DateInput, ServiceModelForm, style
from gonghui.core.models import User
from gonghui.core.pickers import use_picker
from gonghui.registry.models import Employer
from gonghui.rights.choices import GridRole, Rating
from gonghui.rights.models import Grid, GridEmployer, MonitoringPoint, MonthlyReport, RiskRule
from gonghui.rights.risk.queries import add_months, month_start, today_of


def _styled(form) -> None:
    for field in form.fields.values():
        style(field)


def accounts_under(*organisations):
    """Accounts holding a role at one of the organisations or below (the services accept only
    these as a member's or a point's account)."""
    q = Q(pk__in=[])
    for org in organisations:
        if org is not None:
            q |= Q(role_assignments__organisation__path__startswith=org.path)
    return User.objects.filter(q, is_active=True).distinct().order_by("username")


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.username}（{obj.name}）" if obj.name else obj.username


class GridForm(ServiceModelForm):
    class Meta:
        model = Grid
        fields = ["organisation", "name", "code", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A grid's employers were checked against its organisation: it stays.
            del self.fields["organisation"]


class GridEmployerForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("企业"), queryset=Employer.objects.none())

    def __init__(self, *args, user, grid: Grid, **kwargs):
        super().__init__(*args, **kwargs)
        path = grid.organisation.path
        in_area = Q(territory__path__startswith=path) | Q(union__path__startswith=path)
        taken = GridEmployer.objects.values("employer_id")
        self.fields["employer"].queryset = (
            Employer.objects.visible_to(user).filter(in_area).exclude(pk__in=taken).order_by("name")
        )
        self.fields["employer"].help_text = _(
            "本网格所属工会辖区内、尚未划入任何网格的企业（一家企业只能属于一个网格）"
        )
        _styled(self)


class GridMemberForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    role = forms.ChoiceField(label=_("网格职务"), choices=[("", "---------"), *GridRole.choices],
                             required=False)  # fmt: skip
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False)
    user = AccountChoiceField(
        label=_("系统账号"), queryset=User.objects.none(), required=False,
        help_text=_("可选：本网格所属工会或其下级组织的账号"),
    )  # fmt: skip

    def __init__(self, *args, grid: Grid, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = accounts_under(grid.organisation)
        _styled(self)


class PointForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("企业"), queryset=Employer.objects.none())
    contact_name = forms.CharField(label=_("信息员"), max_length=50, required=False)
    reporter = AccountChoiceField(
        label=_("填报账号"), queryset=User.objects.none(), required=False,
        help_text=_("可选：由该账号按月报送；网格所属工会或企业工会的经办人也可代报"),
    )  # fmt: skip
    established_on = forms.DateField(label=_("设立日期"), widget=DateInput(), required=False)
    report_due_day = forms.IntegerField(
        label=_("月报截止日（次月）"), required=False, help_text=_("次月 1 日至 28 日")
    )
    is_active = forms.BooleanField(label=_("启用"), required=False, initial=True)

    def __init__(self, *args, grid: Grid, point: MonitoringPoint | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if point is None:
            with_point = MonitoringPoint.objects.values("employer_id")
            self.fields["employer"].queryset = (
                Employer.objects.filter(pk__in=grid.memberships.values("employer_id"))
                .exclude(pk__in=with_point)
                .order_by("name")
            )
            self.fields["reporter"].queryset = accounts_under(grid.organisation)
            self.initial.setdefault("report_due_day", 10)
            self.initial.setdefault("established_on", today_of())
        else:
            del self.fields["employer"]
            self.fields["reporter"].queryset = accounts_under(
                grid.organisation, point.employer.union
            )
            self.initial.update(
                contact_name=point.contact_name, reporter=point.reporter_id,
                established_on=point.established_on, report_due_day=point.report_due_day,
                is_active=point.is_active,
            )  # fmt: skip
        _styled(self)


RATING_CHOICES = [(str(value), f"{value} {label}") for value, label in Rating.choices]


def month_choices(point: MonitoringPoint, *, today=None, months: int = 12) -> list:
    """Months the point may still file for (newest first): from its set-up month to this one,
    without a report yet."""
    today = today or today_of()
    current = month_start(today)
    first = month_start(point.established_on)
    filed = set(point.reports.values_list("month", flat=True))
    choices = []
    for back in range(months):
        month = add_months(current, -back)
        if month < first:
            break
        if month not in filed:
            choices.append(
                (month.isoformat(), _("%(y)d年%(m)d月") % {"y": month.year, "m": month.month})
            )
    return choices


class ReportForm(forms.Form):
    month = forms.ChoiceField(label=_("所属月份"), required=False)
    wage_arrears = forms.ChoiceField(label=_("欠薪"), choices=RATING_CHOICES)
    layoffs = forms.ChoiceField(label=_("裁员"), choices=RATING_CHOICES)
    unrest = forms.ChoiceField(label=_("群体性事件苗头"), choices=RATING_CHOICES)
    safety = forms.ChoiceField(label=_("安全生产"), choices=RATING_CHOICES)
    other = forms.ChoiceField(label=_("其他"), choices=RATING_CHOICES)
    arrears_amount = forms.CharField(label=_("欠薪金额（元）"), max_length=20, required=False)
    arrears_workers = forms.CharField(label=_("涉及欠薪人数"), max_length=10, required=False)
    remarks = forms.CharField(label=_("情况说明"), widget=forms.Textarea(attrs={"rows": 4}),
                              required=False)  # fmt: skip

    def __init__(self, *args, point: MonitoringPoint, report: MonthlyReport | None = None,
                 **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        if report is None:
            self.fields["month"].choices = month_choices(point)
        else:
            del self.fields["month"]
            for name in ("wage_arrears", "layoffs", "unrest", "safety", "other"):
                self.initial[name] = str(getattr(report, name))
            self.initial.update(
                arrears_amount=str(report.arrears_amount),
                arrears_workers=str(report.arrears_workers),
                remarks=report.remarks,
            )
        _styled(self)

    def clean_month(self):
        value = self.cleaned_data.get("month")
        try:
            return datetime.date.fromisoformat(value) if value else None
        except ValueError:
            return None


class RuleForm(ServiceModelForm):
    class Meta:
        model = RiskRule
        fields = ["organisation", "name", "source", "threshold", "level", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]


class DefaultRulesForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("规则所属工会"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)
        use_picker(self.fields["organisation"], user=user, source="editable")


class HandleForm(forms.Form):
    handling = forms.CharField(
        label=_("处置情况"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("必填：采取了哪些措施、结果如何"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)
