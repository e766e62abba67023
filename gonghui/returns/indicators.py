"""The numbers a return is computed from (`numbers(union, year)`): every figure of
gonghui.reports.figures.compute for the union's subtree and the year (stocks as of the year's
last day, or today during the year), flattened ("orgs_by_kind.grassroots"), plus the counts a
return needs that no figure gives, each one aggregate query:

- `returns.joint_employers` / `returns.joint_employees`: operating employers covered by an active
  联合基层工会 in scope, and their headcount (the employers and employees a joint union covers).
- `returns.congress_employers` / `returns.open_affairs_employers`: unionized employers with a
  workers' congress (职代会) / open factory affairs (厂务公开), the counts behind the rights
  module's rates (gonghui.rights.contracts.queries, read-only).
- `returns.contract_employers` / `returns.wage_contract_employers`: unionized employers under an
  effective collective contract (any kind / the wage kind) on the scope's day.
- `returns.unions_with_chair`: active grassroots and joint unions in scope with a chair recorded.

These read the employer's current operating status and union, as the registry's figures do."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core import figures as core_figures
from gonghui.core.figures import FigureScope
from gonghui.core.models import Organisation, OrgKind, OrgStatus
from gonghui.registry.choices import EmploymentForm
from gonghui.reports.figures import compute, figures_for, make_scope

OWN_LABELS = {
    "returns.joint_employers": _("联合基层工会覆盖单位数"),
    "returns.joint_employees": _("联合基层工会覆盖单位职工数"),
    "returns.congress_employers": _("建立职代会制度的单位数"),
    "returns.open_affairs_employers": _("实行厂务公开的单位数"),
    "returns.contract_employers": _("签订集体合同的单位数"),
    "returns.wage_contract_employers": _("签订工资专项集体合同的单位数"),
    "returns.unions_with_chair": _("已配备工会主席的基层工会数"),
}


def sources() -> dict:
    """Every source an indicator may name, with its label (for the catalogue's pages): each
    numeric figure, each part of a figure broken down (over an empty scope, which costs no
    reading: breakdowns keyed by what the data holds list what they always list), and our own."""
    labels = {str(k): str(v) for k, v in core_figures.labels().items()}
    # Breakdowns keyed by a code (a kind of union, a form of employment) show its label.
    kinds = {str(k): str(v) for k, v in [*OrgKind.choices, *EmploymentForm.choices]}
    today = timezone.localdate()
    empty = FigureScope(paths=(), date_from=today, date_to=today, today=today)
    found = {}
    for key, value in figures_for(empty).items():
        label = labels.get(key, key)
        if isinstance(value, dict):
            for sub in value:
                found[f"{key}.{sub}"] = f"{label}：{kinds.get(str(sub), sub)}"
        else:
            found[key] = label
    found.update({k: str(v) for k, v in OWN_LABELS.items()})
    return found


def period(year: int) -> tuple[datetime.date, datetime.date, datetime.date]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return first, last, min(last, timezone.localdate())


def numbers(union: Organisation, year: int) -> dict:
    """{source: number} for the union's subtree in `year`; non-numbers are left out."""
    first, last, today = period(year)
    values = compute(org=union, date_from=first, date_to=last, today=today)
    values.update(own_numbers(union, year))
    flat: dict = {}
    for key, value in values.items():
        if isinstance(value, dict):
            for sub, item in value.items():
                if _is_number(item):
                    flat[f"{key}.{sub}"] = Decimal(str(item))
        elif _is_number(value):
            flat[key] = Decimal(str(value))
    return flat


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def own_numbers(union: Organisation, year: int) -> dict:
    from gonghui.registry.figures import COVERED, operating_employers
    from gonghui.rights.choices import ContractKind
    from gonghui.rights.contracts.queries import ANY, contract_coverage, democracy_counts

    first, last, today = period(year)
    scope = make_scope(org=union, date_from=first, date_to=last, today=today)
    joint = operating_employers(scope).filter(
        COVERED, union__kind=OrgKind.JOINT_UNION
    ).aggregate(n=Count("pk"), staff=Sum("headcount"))  # fmt: skip
    democracy = democracy_counts(scope)
    coverage = contract_coverage(scope)
    chairs = Organisation.objects.filter(
        path__startswith=union.path, status=OrgStatus.ACTIVE,
        kind__in=(OrgKind.GRASSROOTS, OrgKind.JOINT_UNION),
    ).filter(~Q(chair="")).count()  # fmt: skip
    return {
        "returns.joint_employers": joint["n"],
        "returns.joint_employees": joint["staff"] or 0,
        "returns.congress_employers": democracy["congress"],
        "returns.open_affairs_employers": democracy["open_affairs"],
        "returns.contract_employers": coverage[ANY],
        "returns.wage_contract_employers": coverage[ContractKind.WAGE],
        "returns.unions_with_chair": chairs,
    }
