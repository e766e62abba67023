"""由数到人: the records behind a figure, at /reports/records/<key>/?org=&as_of=&from=&to=.

Each module registers, next to its figures, what each figure counts (core.figures.register_trace);
this page lists it for the reader's scope (the same make_scope as the dashboard, so a clerk of
town B sees only town B's records), one part at a time (a rate has its numerator and its
denominator), keyset-paged, and as xlsx (`?export=xlsx`).
"""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import figures as core_figures
from gonghui.core.models import Organisation
from gonghui.core.scoping import holds_role
from gonghui.core.sheets.cells import Column, Template
from gonghui.core.views.generic import keyset_page
from gonghui.reports import display
from gonghui.reports.figures import PeriodError, make_scope


class RecordsForm(forms.Form):
    org = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False)
    as_of = forms.DateField(label=gettext_lazy("统计时点"), required=False)
    date_from = forms.DateField(label=gettext_lazy("统计期起"), required=False)
    date_to = forms.DateField(label=gettext_lazy("统计期止"), required=False)
    part = forms.IntegerField(required=False, min_value=0)

    def __init__(self, data, *, user):
        data = data.copy()
        # "from" is a Python keyword; the query keeps the dashboard's and the API's names.
        for outer, inner in (("from", "date_from"), ("to", "date_to")):
            if outer in data:
                data[inner] = data[outer]
        super().__init__(data)
        self.fields["org"].queryset = Organisation.objects.visible_to(user)


def scope_query(scope, org=None) -> dict:
    """The query string that opens the records of `scope` (the dashboard's cards link with it)."""
    query = {"from": scope.date_from.isoformat(), "to": scope.date_to.isoformat()}
    if scope.today != timezone.localdate():
        query["as_of"] = scope.today.isoformat()
    if org is not None:
        query["org"] = org.pk
    return query


def records_url(key: str, query: dict) -> str | None:
    if not core_figures.has_trace(key):
        return None
    return f"{reverse('reports:figure_records', args=[key])}?{urlencode(query)}"


def resolve(request, key: str):
    """(scope, org, parts, part index) for the request, or 404/403 as the dashboard answers."""
    if not holds_role(request.user):
        raise PermissionDenied
    label = core_figures.labels().get(key)
    if label is None or not core_figures.has_trace(key):
        raise Http404
    form = RecordsForm(request.GET, user=request.user)
    if not form.is_valid():
        if "org" in form.errors:
            raise Http404  # out of scope looks like non-existent
        raise Http404(_("日期格式应为 YYYY-MM-DD"))
    data = form.cleaned_data
    try:
        scope = make_scope(
            user=request.user,
            org=data["org"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            today=data["as_of"],
        )
    except PeriodError as exc:
        raise Http404(str(exc)) from exc
    parts = core_figures.trace_parts(key, scope)
    index = min(data["part"] or 0, len(parts) - 1)
    return scope, data["org"], label, parts, index


def figure_records(request, key: str | None = None):
    if key is None:
        return records_index(request)
    scope, org, label, parts, index = resolve(request, key)
    part = parts[index]
    title = _("%(figure)s · %(scope)s") % {
        "figure": label,
        "scope": display.scope_name(org, roots=_roots(scope)),
    }
    if request.GET.get("export") == "xlsx":
        return _xlsx(part, f"{label}_{part.title}")
    page = keyset_page(request, part.queryset, sort="pk")
    query = scope_query(scope, org)
    return render(
        request,
        "reports/figure_records.html",
        {
            "title": title,
            "label": label,
            "scope": scope,
            "as_of": scope.today,
            "part": part,
            "tabs": [
                {"title": p.title, "url": "?" + urlencode({**query, "part": i}), "on": i == index}
                for i, p in enumerate(parts)
            ],
            "headers": [c.header for c in part.columns],
            "rows": [[c.render(row) for c in part.columns] for row in page.object_list],
            "page": page,
            "export_url": "?" + urlencode({**query, "part": index, "export": "xlsx"}),
            "dashboard_url": reverse("reports:dashboard"),
        },
    )


def records_index(request):
    """/reports/records/: every figure that opens its records, for the reader's scope."""
    if not holds_role(request.user):
        raise PermissionDenied
    labels = core_figures.labels()
    query = request.GET.urlencode()
    figures = [
        {"label": labels[key], "url": f"{reverse('reports:figure_records', args=[key])}?{query}"}
        for key in core_figures.traced_keys()
        if key in labels
    ]
    return render(request, "reports/figure_records_index.html", {"figures": figures})


def _roots(scope):
    if scope.paths is None:
        return list(Organisation.objects.filter(parent__isnull=True).order_by("path"))
    return list(Organisation.objects.filter(path__in=scope.paths).order_by("path"))


def _xlsx(part, title: str):
    from gonghui.registry.exports import xlsx_response

    # The list's columns as an export template; render takes the whole row.
    template = Template(
        key="figure_records",
        title=title[:31],
        columns=tuple(
            Column(header=c.header, field=f"c{i}", parse=str, render=c.render)
            for i, c in enumerate(part.columns)
        ),
    )
    rows = (
        [c.render(row) for c in part.columns] for row in part.queryset.order_by("pk").iterator()
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    return xlsx_response(template, rows, f"{title}_{stamp}.xlsx")


__all__ = ["figure_records", "records_url", "scope_query", "datetime"]
