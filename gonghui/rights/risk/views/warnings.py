"""Rules, the board of levels by town, and the warnings (acknowledge, handle, escalation steps).
Writes through gonghui.rights.risk.services and gonghui.rights.risk.warnings."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry, Organisation
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role, may_edit_org
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.rights.choices import RiskLevel
from gonghui.rights.models import RiskRule, RiskWarning
from gonghui.rights.risk import queries as risk_queries
from gonghui.rights.risk import services as risk
from gonghui.rights.risk import warnings
from gonghui.rights.risk.filters import RuleFilterSet, WarningFilterSet
from gonghui.rights.risk.forms import DefaultRulesForm, HandleForm, RuleForm
from gonghui.rights.risk.views.common import error_message, may_run_all, scoped

# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------


class RuleListView(RoleRequired, ObjectListView):
    model = RiskRule
    select_related = ("organisation",)
    filterset_class = RuleFilterSet
    template_name = "rights/rule_list.html"
    default_sort = "-level"
    sort_options = {"level": gettext_lazy("风险等级"), "source": gettext_lazy("依据")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["defaults"] = risk.DEFAULT_RULES
        context["has_rules"] = RiskRule.objects.visible_to(self.request.user).exists()
        return context


def rule_edit(request, pk=None):
    require_role(request.user)
    rule = None
    if pk:
        rule = scoped(request, RiskRule.objects.visible_to(request.user), pk)
        if not may_edit_org(request.user, rule.organisation):
            raise PermissionDenied
    elif not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = RuleForm(data, instance=rule, user=request.user)
    if form.is_valid():
        try:
            if rule is None:
                rule = risk.create_rule(actor=request.user, **form.cleaned_data)
            else:
                rule = risk.update_rule(actor=request.user, riskrule=rule, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存规则：%(r)s（下次研判时生效）") % {"r": rule})
            return redirect("rights:rule_list")
    title = _("编辑规则：%(r)s") % {"r": rule} if rule else _("新建研判规则")
    context = {"form": form, "title": title, "cancel_url": reverse("rights:rule_list")}
    return render(request, "rights/risk_form.html", context)


@require_POST
def rule_delete(request, pk):
    require_role(request.user)
    rule = scoped(request, RiskRule.objects.visible_to(request.user), pk)
    try:
        risk.delete_rule(actor=request.user, rule=rule)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已删除规则：%(r)s") % {"r": rule.name})
    return redirect("rights:rule_list")


def rule_defaults(request):
    """Create the default rule set as an organisation's own rules, to adjust."""
    require_role(request.user)
    if not holds_role(request.user, EDIT_ROLES):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = DefaultRulesForm(data, user=request.user)
    if form.is_valid():
        try:
            rules = risk.create_default_rules(
                actor=request.user, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已创建 %(n)d 条默认规则") % {"n": len(rules)})
            return redirect("rights:rule_list")
    context = {
        "form": form,
        "title": _("创建默认研判规则"),
        "cancel_url": reverse("rights:rule_list"),
        "submit_label": _("创建"),
        "defaults": risk.DEFAULT_RULES,
    }
    return render(request, "rights/risk_form.html", context)


# ---------------------------------------------------------------------------------------------
# Board
# ---------------------------------------------------------------------------------------------

LEVEL_CSS = {
    RiskLevel.GREEN: "bg-green-lt",
    RiskLevel.YELLOW: "bg-yellow-lt",
    RiskLevel.ORANGE: "bg-orange-lt",
    RiskLevel.RED: "bg-red-lt",
}


def board(request):
    require_role(request.user)
    data = risk_queries.board(request.user)
    levels = [(level.value, level.label, LEVEL_CSS[level]) for level in risk_queries.LEVELS]
    for row in data["rows"]:
        row.links = [
            (count, level, css)
            for count, (level, _label, css) in zip(row.cells, levels, strict=True)
        ]
    context = {
        "rows": data["rows"],
        "totals": data["totals"],
        "levels": levels,
        "may_run": may_run_all(request.user),
    }
    return render(request, "rights/board.html", context)


def board_employers(request):
    """The monitored employers of a town (?territory=) at a level (?level=)."""
    require_role(request.user)
    employers = risk_queries.monitored_employers(request.user).select_related("territory")
    territory = level = None
    try:
        if request.GET.get("territory"):
            territory = Organisation.objects.visible_to(request.user).get(
                pk=int(request.GET["territory"])
            )
        if request.GET.get("level") not in (None, ""):
            level = RiskLevel(int(request.GET["level"]))
    except (ValueError, Organisation.DoesNotExist):
        territory = level = None
    if territory is not None:
        employers = employers.filter(territory=territory)
    if level is not None:
        employers = employers.filter(risk_level=level)
    rows = list(employers.order_by("-risk_level", "name")[:500])
    risks = risk_queries.levels_of([e.pk for e in rows])
    for employer in rows:
        employer.risk = risks.get(employer.pk)
        employer.level_label = RiskLevel(employer.risk_level).label
    context = {"employers": rows, "territory": territory, "level": level}
    return render(request, "rights/board_employers.html", context)


def risk_run(request):
    """Run the evaluation of every monitored employer and the escalation now (what the daily
    `gonghui rights_risk` does): county administrators only."""
    require_role(request.user)
    if not may_run_all(request.user):
        raise PermissionDenied
    if request.method == "POST":
        opened = risk.evaluate_all()
        moved = warnings.escalate_overdue()
        messages.success(request, _("研判完成：新增预警 %(o)d 条，逐级升级 %(m)d 条")
                         % {"o": len(opened), "m": len(moved)})  # fmt: skip
        return redirect("rights:board")
    return render(request, "rights/board_run.html", {})


# ---------------------------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------------------------


class WarningListView(RoleRequired, ObjectListView):
    model = RiskWarning
    select_related = ("employer", "employer__territory", "responsible")
    filterset_class = WarningFilterSet
    template_name = "rights/warning_list.html"
    default_sort = "-opened_at"
    sort_options = {"opened_at": gettext_lazy("预警时间"), "due_at": gettext_lazy("处置期限")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        objects = list(context["objects"])
        for warning in objects:
            warning.overdue = warnings.is_overdue(warning, now)
        context["objects"] = objects
        context["may_run"] = may_run_all(self.request.user)
        return context


def _warning(request, pk) -> RiskWarning:
    require_role(request.user)
    queryset = RiskWarning.objects.visible_to(request.user).select_related(
        "employer__territory", "responsible", "acknowledged_by", "handled_by"
    )
    return scoped(request, queryset, pk)


def warning_url(warning) -> str:
    return reverse("rights:warning_detail", kwargs={"pk": warning.pk})


def warning_detail(request, pk):
    warning = _warning(request, pk)
    context = {
        "object": warning,
        "overdue": warnings.is_overdue(warning, timezone.now()),
        "steps": list(warning.steps.select_related("from_org", "to_org")),
        "may_act": warnings.may_act(request.user, warning),
        "handle_form": HandleForm(),
        "history": AuditEntry.objects.for_object(warning)[:50],
    }
    return render(request, "rights/warning_detail.html", context)


@require_POST
def warning_acknowledge(request, pk):
    warning = _warning(request, pk)
    try:
        warnings.acknowledge(actor=request.user, warning=warning)
    except ValidationError as exc:
        error_message(request, exc)
    else:
        messages.success(request, _("已签收预警：%(w)s") % {"w": warning})
    return redirect(warning_url(warning))


def warning_handle(request, pk):
    warning = _warning(request, pk)
    if not warnings.may_act(request.user, warning):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = HandleForm(data)
    if form.is_valid():
        try:
            warnings.handle(actor=request.user, warning=warning, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记处置：%(w)s") % {"w": warning})
            return redirect(warning_url(warning))
    context = {
        "form": form,
        "title": _("登记处置：%(w)s") % {"w": warning},
        "cancel_url": warning_url(warning),
        "submit_label": _("登记处置"),
    }
    return render(request, "rights/risk_form.html", context)
