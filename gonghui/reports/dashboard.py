"""What the dashboard shows: the figures as cards, three charts, the founding-drive targets and the
unions overdue for re-election, for one scope and one calendar year. Everything comes from the
figures (gonghui.reports.figures) and the registry's breakdowns sharing the same scope, so a
card and the console never disagree."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import figures as core_figures
from gonghui.core.figures import FigureScope
from gonghui.core.forms import style
from gonghui.core.models import Organisation
from gonghui.core.models.orgs import SIBLING_ORDER, TERRITORIAL_KINDS, TOWN_ORDER, OrgStatus
from gonghui.core.pickers import use_picker
from gonghui.registry import figures as registry
from gonghui.registry.choices import EmploymentForm, OperatingStatus, UnionStatus
from gonghui.reports import cache, display, records
from gonghui.reports.figures import figures_for, make_scope
from gonghui.reports.sections import build_sections, figure_cards

CARDS = (
    "members",
    "members_new",
    "members_new_form",
    "members_migrant",
    "members_women",
    "employers",
    "employers_unionized",
    "founding_rate",
    "founding_rate_25plus",
    "membership_rate",
    "unions_term_overdue",
)
LIST_LIMIT = 20
YEARS_OFFERED = 10
DRIVE_TITLES = {
    "operating_1y": gettext_lazy("成立一年以上未建会"),
    "party_branch": gettext_lazy("有党组织未建会"),
    "non_public_25": gettext_lazy("25人以上非公企业未建会"),
    "well_known": gettext_lazy("知名企业未建会"),
}


class DashboardForm(forms.Form):
    """The scope (an organisation the user sees; empty: all of it) and the year."""

    org = forms.ModelChoiceField(
        label=gettext_lazy("组织"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("全部"),
    )
    year = forms.TypedChoiceField(label=gettext_lazy("年度"), coerce=int, required=False)
    as_of = forms.DateField(
        label=gettext_lazy("统计时点"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("存量（会员、单位、工会）按该日统计；空为今天"),
    )

    def __init__(self, data, *, user, today: datetime.date):
        super().__init__(data)
        years = range(today.year, today.year - YEARS_OFFERED, -1)
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["year"].initial = today.year
        for field in self.fields.values():
            style(field)
        # Any visible organisation (a link may name a union), found by typing; empty: all.
        use_picker(self.fields["org"], user=user, source="visible")
        self.fields["org"].widget.attrs["placeholder"] = _("全部（输入名称、拼音首字母查找）")

    def org_is_unknown(self) -> bool:
        return self.is_bound and not self.is_valid() and "org" in self.errors

    def choice(self, today: datetime.date) -> tuple[Organisation | None, int]:
        """The valid choices, the defaults for the rest (a wrong year shows as the field's
        error while the page shows the current year)."""
        if not self.is_bound:
            return None, today.year
        self.is_valid()
        org = self.cleaned_data.get("org")
        return org, self.cleaned_data.get("year") or today.year

    def stock_day(self, today: datetime.date) -> datetime.date:
        """The day stocks are counted on: the chosen one (not later than today), else today."""
        if not self.is_bound or not self.is_valid():
            return today
        return min(self.cleaned_data.get("as_of") or today, today)


def build(*, user, org: Organisation | None, year: int, today=None) -> dict:
    """The template context of the dashboard for `user`, narrowed to `org`, over `year`."""
    today = today or timezone.localdate()
    scope = make_scope(
        user=user,
        org=org,
        date_from=datetime.date(year, 1, 1),
        date_to=datetime.date(year, 12, 31),
        today=today,
    )
    within = {"within": org.pk} if org is not None else {}
    # Nothing below depends on the user beyond the scope (the form and the workbench are not
    # in it), so a clerk's and a leader's pages of one scope share the entry.
    return cache.cached("dashboard", scope, lambda: _context(scope, org, within), (within,))


def _context(scope: FigureScope, org: Organisation | None, within: dict) -> dict:
    values = figures_for(scope)
    sections = build_sections(scope, values, within)
    link_cards(scope, org, [cards(values), *(s["context"].get("cards", ()) for s in sections)])
    return {
        "scope_name": display.scope_name(org, roots=scope_roots(scope)),
        "period": (scope.date_from, scope.date_to),
        "as_of": scope.today if scope.today != timezone.localdate() else None,
        "years_url": _url("reports:figure_years", {"org": org.pk} if org is not None else {}),
        "cards": link_cards(scope, org, [cards(values)])[0],
        "figures": values,
        "founding_chart": founding_chart(scope),
        "form_chart": form_chart(scope),
        "new_form_rows": new_form_rows(values, within),
        "month_chart": month_chart(scope),
        "drive": drive(scope, within),
        "overdue": {
            "count": values["unions_term_overdue"],
            "unions": registry.overdue_unions(scope, LIST_LIMIT),
            "list_url": _url("core:org_list", {"term_overdue": "true", **within}),
        },
        "late_applications": late_applications(scope, values, within),
        "sections": sections,
    }


def link_cards(scope: FigureScope, org, groups) -> list:
    """Each card opens the records its figure counts (reports:figure_records), for the same
    scope, period and day."""
    query = records.scope_query(scope, org)
    for group in groups:
        for card in group:
            card["url"] = records.records_url(card["key"], query)
    return groups


def cards(values: dict) -> list[dict]:
    return figure_cards(CARDS, core_figures.labels(), values)


def scope_roots(scope: FigureScope) -> list[Organisation]:
    if scope.paths is None:
        roots = Organisation.objects.filter(parent__isnull=True)
    else:
        roots = Organisation.objects.filter(path__in=scope.paths)
    return list(roots.order_by("path"))


def territories(scope: FigureScope) -> list[Organisation]:
    """The towns and parks in scope, in the county's order; when there are none (a union's own
    scope), the scope's own organisations, so the chart always has a bar."""
    towns = Organisation.objects.filter(scope.q("path"), kind__in=TERRITORIAL_KINDS)
    towns = list(towns.order_by(*TOWN_ORDER))
    return towns or scope_roots(scope)


def breakdown(scope: FigureScope) -> tuple[list[Organisation], Organisation | None]:
    """What the founding chart draws a bar for: the towns of a county; a single town (or union)
    by its own unions and villages (its children), with the whole returned as well, so the
    employers none of them covers get a bar of their own."""
    towns = territories(scope)
    if len(towns) != 1:
        return towns, None
    whole = towns[0]
    children = list(
        Organisation.objects.filter(parent=whole)
        .exclude(status=OrgStatus.DISSOLVED)
        .order_by(*SIBLING_ORDER)
    )
    return (children, whole) if children else (towns, None)


def founding_chart(scope: FigureScope) -> dict:
    orgs, whole = breakdown(scope)
    rows = registry.founding_by_org(scope, orgs if whole is None else [*orgs, whole])
    if whole is not None:
        total = rows.pop()
        employers = total["employers"] - sum(row["employers"] for row in rows)
        unionized = total["unionized"] - sum(row["unionized"] for row in rows)
        if employers > 0:
            rows.append(
                {
                    "org": Organisation(name=_("其他单位（未建会或由其他工会覆盖）")),
                    "employers": employers,
                    "unionized": max(unionized, 0),
                    "founding_rate": registry.rate(max(unionized, 0), employers),
                }
            )
    return {
        "names": [row["org"].name for row in rows],
        "rates": [round(row["founding_rate"] * 100, 2) for row in rows],
        "employers": [row["employers"] for row in rows],
        "unionized": [row["unionized"] for row in rows],
        "labels": {"rate": _("建会率(%)"), "employers": _("单位数"), "unionized": _("已建会")},
    }


def form_chart(scope: FigureScope) -> dict:
    counts = registry.members_by_form(scope)
    return {
        "items": [
            {"key": form.value, "name": str(form.label), "value": counts[form.value]}
            for form in EmploymentForm
            if counts.get(form.value)
        ],
        "labels": {"title": _("会员就业形态")},
    }


def new_form_rows(values: dict, within: dict) -> list[dict]:
    """`members_new_form_by_form` as the table beside the forms chart, each form linked to the
    member list filtered by it."""
    return [
        {
            "key": form,
            "label": str(EmploymentForm(form).label),
            "count": n,
            "url": _url("registry:member_list", {"employment_form": form, **within}),
        }
        for form, n in values["members_new_form_by_form"].items()
    ]


def month_chart(scope: FigureScope) -> dict:
    months = registry.members_new_by_month(scope)
    return {
        "months": [f"{m:%Y-%m}" for m, _n in months],
        "counts": [n for _m, n in months],
        "labels": {"series": _("新增会员")},
    }


def drive(scope: FigureScope, within: dict) -> list[dict]:
    targets = registry.founding_drive(scope, LIST_LIMIT)
    base = {"union_status": UnionStatus.NONE, "operating_status": OperatingStatus.OPERATING}
    # The employer list has no founding-date filter, so the first kind links to every operating
    # employer without a union (a superset, said so on the page); ownership takes one value, so
    # the third kind links once per non-public ownership.
    links = {
        "operating_1y": [(_("未建会的在营单位"), {})],
        "party_branch": [(_("在单位列表中查看"), {"has_party_branch": "true"})],
        "non_public_25": [
            (ownership.label, {"ownership": ownership.value, "headcount_min": 25})
            for ownership in registry.NON_PUBLIC
        ],
        "well_known": [],  # the employer list has no such filter; the founding worklist has
    }
    return [
        {
            "key": key,
            "title": DRIVE_TITLES[key],
            "count": target["count"],
            "employers": target["employers"],
            "links": [
                (_("建会攻坚工作台"), _url("registry:founding_list", {"category": key, **within})),
                *[
                    (label, _url("registry:employer_list", {**base, **params, **within}))
                    for label, params in links[key]
                ],
            ],
        }
        for key, target in targets.items()
    ]


def late_applications(scope: FigureScope, values: dict, within: dict) -> dict:
    """超期未处理申请: pending past the handling time, by union, each linking to its queue."""
    overdue = {"overdue": "true"}
    rows = registry.overdue_applications(scope, LIST_LIMIT)
    for row in rows:
        row["url"] = _url("registry:application_list", {**overdue, "within": row["union"].pk})
    return {
        "count": values["applications_overdue"],
        "unions": rows,
        "truncated": len(rows) == LIST_LIMIT,
        "list_url": _url("registry:application_list", {**overdue, **within}),
    }


def _url(name: str, params: dict) -> str:
    return f"{reverse(name)}?{urlencode(params)}"
